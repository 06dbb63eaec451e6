// One GitLab CI/CD variable as a store target: where it lives in the REST API, how it is named in messages,
// and what a credential needs to write it (named in every error). Project variables need at least the
// Maintainer role, group variables the Owner role, and either one a token with the `api` scope (`read_api`
// only reads).
import type { StoreTarget } from '../core/interfaces.js';
import type { GitLabTargetSpec } from './spec.js';

export type OwnerKind = 'project' | 'group';

/** GitLab's key rule: letters, digits and `_`, at most 255 characters. */
export const isGitLabKey = (key: string) => /^[A-Za-z0-9_]{1,255}$/.test(key);
/** The characters GitLab allows in an environment scope (`*` is the wildcard). */
export const isEnvironmentScope = (scope: string) => /^[A-Za-z0-9_/${}. *-]{1,255}$/.test(scope);

/**
 * A full path of groups and a project: each segment of letters, digits, `_`, `.`, `-`, not starting with `-` or
 * `.` (so never `.` or `..`), not ending in `.git` or `.atom`; 20 levels of subgroups at most.
 */
export function isGitLabPath(path: string): boolean {
  const parts = path.split('/');
  return (
    parts.length <= 21 &&
    parts.every((p) => /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/.test(p) && !/\.(git|atom)$/i.test(p))
  );
}

/** What is wrong with a spec in terms of GitLab's own rules, or undefined; for input validation. */
export function gitlabSpecProblem(spec: GitLabTargetSpec): string | undefined {
  const kind = spec.type === 'gitlab-project' ? 'project' : 'group';
  if (!isGitLabPath(spec.path) || (kind === 'project' && !spec.path.includes('/'))) {
    return `"${spec.path}" is not the full path of a GitLab ${kind}${kind === 'project' ? ' (group/project)' : ''}.`;
  }
  if (!isGitLabKey(spec.secret)) {
    return `GitLab variable keys have only letters, digits and _ (at most 255); "${spec.secret}" does not.`;
  }
  if (!isEnvironmentScope(spec.environmentScope)) {
    return `"${spec.environmentScope}" is not a GitLab environment scope (letters, digits, - _ / $ { } . * and spaces).`;
  }
  return undefined;
}

export class GitLabVariable implements StoreTarget {
  readonly proof = 'read-back' as const;
  readonly kind: OwnerKind;
  /** "GitLab variable FLY_API_TOKEN of project acme/web (environment *)". */
  readonly label: string;
  /** "project acme/web". */
  readonly owner: string;
  /** What the credential needs, for errors. */
  readonly requirement: string;
  /** `/projects/acme%2Fweb/variables`: the owner's variables, below the API root. */
  readonly collection: string;

  constructor(readonly spec: GitLabTargetSpec) {
    this.kind = spec.type === 'gitlab-project' ? 'project' : 'group';
    this.owner = `${this.kind} ${spec.path}`;
    this.label = `GitLab variable ${spec.secret} of ${this.owner} (environment ${spec.environmentScope})`;
    this.requirement =
      this.kind === 'project'
        ? `a personal, project or group access token with scope api and at least the Maintainer role on ${this.owner}`
        : `a personal or group access token with scope api and the Owner role on ${this.owner}`;
    // GitLab takes a full path as one URL-encoded segment (acme%2Fweb).
    this.collection = `/${this.kind}s/${encodeURIComponent(spec.path)}/variables`;
  }

  /** The variable itself, pinned to its environment scope (a key may exist once per scope). */
  get item(): string {
    return this.itemIn(this.spec.environmentScope);
  }

  /** The variable of this key in another environment scope (one GitLab wrote instead of ours). */
  itemIn(scope: string): string {
    return `${this.collection}/${encodeURIComponent(this.spec.secret)}?filter[environment_scope]=${encodeURIComponent(scope)}`;
  }
}
