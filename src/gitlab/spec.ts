// What a GitLab target line becomes (see ./store.ts).

/** A GitLab CI/CD variable of a project or a group (on the run's GitLab instance). */
export interface GitLabTargetSpec {
  type: 'gitlab-project' | 'gitlab-group';
  /** Full path, e.g. `acme/web` or `acme/platform/web` (groups may nest). */
  path: string;
  /** The variable's key. */
  secret: string;
  /** GitLab's environment_scope; `*` (every environment) by default. */
  environmentScope: string;
  /** Only pipelines on protected branches and tags see the variable (default true). */
  protected: boolean;
  /**
   * Masked in job logs (default). GitLab masks a value that is not expanded (`raw`) only when it has no
   * whitespace, so a masked variable holds the token without its `FlyV1 ` scheme (flyctl takes both forms).
   */
  masked: boolean;
}
