// What a GitHub target line becomes (see ./store.ts), and a GitHub App's credentials.
import type { TargetSpec } from '../core/spec.js';

/** Which secret store of GitHub: Actions (default), Dependabot or Codespaces. */
export type SecretApp = 'actions' | 'dependabot' | 'codespaces';
/** Which repositories of an organization may use an organization secret. */
export type OrgVisibility = 'all' | 'private' | 'selected';
export const ORG_VISIBILITIES: OrgVisibility[] = ['all', 'private', 'selected'];

export const GITHUB_TARGET_TYPES = ['repository', 'environment', 'organization'] as const;
export function isGitHubTarget(t: TargetSpec): t is GitHubTargetSpec {
  return (GITHUB_TARGET_TYPES as readonly string[]).includes(t.type);
}

/** A GitHub secret: repository, environment or organization level. */
export type GitHubTargetSpec =
  | { type: 'repository'; app?: SecretApp; owner: string; repo: string; secret: string }
  | { type: 'environment'; owner: string; repo: string; environment: string; secret: string }
  | {
      type: 'organization';
      app?: SecretApp;
      org: string;
      visibility: OrgVisibility;
      /** Repository names in the organization, for visibility `selected`. */
      repositories: string[];
      secret: string;
    };

/** Built-in GitHub App authentication: an installation token per target owner, minted for this run. */
export interface GitHubAppCredentials {
  /** Numeric app id or the app's client id (Iv…). */
  appId: string;
  privateKey: string;
}
