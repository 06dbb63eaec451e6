// The GitHub permissions each kind of target needs, in one place: the App installation token is narrowed to
// exactly these, and docs/targets.md shows them (a test keeps the two equal). They follow GitHub's tables of
// permissions for fine-grained tokens, endpoint by endpoint, for every call src/github/targets.ts makes.
import type { GitHubTargetSpec, SecretApp } from './spec.js';

export type Level = 'read' | 'write';
export type Permissions = Record<string, Level>;

/** The target kinds of the `targets` input, by their line prefix. */
export const TARGET_KINDS = [
  'repo',
  'env',
  'org',
  'dependabot',
  'dependabot-org',
  'codespaces',
  'codespaces-org',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

const REPO_SECRETS: Record<SecretApp, string> = {
  actions: 'secrets',
  dependabot: 'dependabot_secrets',
  codespaces: 'codespaces_secrets',
};
const ORG_SECRETS: Record<SecretApp, string> = {
  actions: 'organization_secrets',
  dependabot: 'organization_dependabot_secrets',
  codespaces: 'organization_codespaces_secrets',
};

/**
 * Every call a target kind makes, and the permission it needs: metadata for repository lookups (GET
 * /repos/{owner}/{repo}, selected repositories of an organization secret); the secret store's own permission
 * for its public key, secret metadata (read) and the PUT (write); and for environments, "Get an environment"
 * (the existence check before anything is minted), which needs Actions: read.
 */
export function permissionsFor(kind: TargetKind): Permissions {
  switch (kind) {
    case 'repo':
      return { metadata: 'read', secrets: 'write' };
    case 'env':
      return { metadata: 'read', actions: 'read', environments: 'write' };
    case 'org':
      return { metadata: 'read', organization_secrets: 'write' };
    case 'dependabot':
    case 'codespaces':
      return { metadata: 'read', [REPO_SECRETS[kind]]: 'write' };
    case 'dependabot-org':
      return { metadata: 'read', [ORG_SECRETS.dependabot]: 'write' };
    case 'codespaces-org':
      return { metadata: 'read', [ORG_SECRETS.codespaces]: 'write' };
  }
}

export function targetKind(spec: GitHubTargetSpec): TargetKind {
  if (spec.type === 'environment') return 'env';
  const app = spec.app ?? 'actions';
  if (spec.type === 'repository') return app === 'actions' ? 'repo' : app;
  return app === 'actions' ? 'org' : `${app}-org`;
}

/** What an installation token needs for a target: repositories it touches and app permissions. */
export interface AccessNeeds {
  repositories: string[];
  permissions: Permissions;
}

export function accessNeeds(spec: GitHubTargetSpec): AccessNeeds {
  const repositories =
    spec.type !== 'organization' ? [spec.repo] : spec.visibility === 'selected' ? spec.repositories : [];
  return { repositories, permissions: permissionsFor(targetKind(spec)) };
}

/** Merges permissions, keeping the higher level of each. */
export function mergePermissions(into: Permissions, add: Permissions): Permissions {
  for (const [name, level] of Object.entries(add)) {
    if (into[name] !== 'write') into[name] = level;
  }
  return into;
}

/**
 * Permissions the installation token API accepts by name. GitHub's API has no name for the Codespaces secrets
 * and organization Dependabot/Codespaces secrets permissions, so a token needing them cannot be narrowed and
 * carries the installation's permissions (still limited to the target repositories).
 */
export const REQUESTABLE = new Set([
  'metadata',
  'actions',
  'secrets',
  'environments',
  'dependabot_secrets',
  'organization_secrets',
]);

/**
 * Target kinds a GitHub App cannot write at all: GitHub's OpenAPI description marks the Codespaces public-key
 * endpoints (repository and organization) as not enabled for GitHub Apps, so only a token can seal for them.
 */
export const APP_CANNOT_WRITE: ReadonlySet<TargetKind> = new Set<TargetKind>([
  'codespaces',
  'codespaces-org',
]);

/** How GitHub's settings pages name each permission: the docs table uses these words. */
export const PERMISSION_TITLES: Record<string, string> = {
  metadata: 'Repository › Metadata',
  actions: 'Repository › Actions',
  secrets: 'Repository › Secrets',
  environments: 'Repository › Environments',
  dependabot_secrets: 'Repository › Dependabot secrets',
  codespaces_secrets: 'Repository › Codespaces secrets',
  organization_secrets: 'Organization › Secrets',
  organization_dependabot_secrets: 'Organization › Dependabot secrets',
  organization_codespaces_secrets: 'Organization › Codespaces secrets',
};
