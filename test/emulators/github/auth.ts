// Who is calling, and may they do this? Mirrors GitHub's answers: 401 for bad credentials, 404 when the
// credential cannot see the resource (GitHub hides private repositories), 403 when it can see it but lacks
// the permission.
import type { IncomingHttpHeaders } from 'node:http';
import { badCredentials, GitHubError, notFound } from './responses.js';
import type { Account, GitHubState, Permission, Repo, TokenGrant } from './state.js';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'token'; token: string; grant: TokenGrant }
  | { kind: 'app'; appId: number }
  | { kind: 'invalid'; message: string };

/** Verifies a GitHub App JWT; returns the app id or throws GitHubError(401). Installed by the apps module. */
export type JwtVerifier = (jwt: string) => number;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function authenticate(headers: IncomingHttpHeaders, state: GitHubState, jwt?: JwtVerifier): Principal {
  const header = headers.authorization;
  if (!header) return { kind: 'anonymous' };
  const m = /^(token|bearer)\s+(\S+)\s*$/i.exec(header);
  if (!m) return { kind: 'invalid', message: 'Bad credentials' };
  const token = m[2];
  const grant = state.tokens.get(token);
  if (grant) {
    if (grant.expiresAt !== undefined && grant.expiresAt <= Date.now()) {
      return { kind: 'invalid', message: 'Bad credentials' };
    }
    return { kind: 'token', token, grant };
  }
  if (jwt && JWT_SHAPE.test(token)) {
    try {
      return { kind: 'app', appId: jwt(token) };
    } catch (err) {
      if (err instanceof GitHubError) return { kind: 'invalid', message: err.message };
      throw err;
    }
  }
  return { kind: 'invalid', message: 'Bad credentials' };
}

/** Throws the 401 for missing or bad credentials; returns the authenticated principal. */
export function requireAuth(p: Principal): Exclude<Principal, { kind: 'anonymous' } | { kind: 'invalid' }> {
  if (p.kind === 'invalid') throw new GitHubError(401, p.message);
  if (p.kind === 'anonymous') throw new GitHubError(401, 'Requires authentication');
  return p;
}

/** Rejects credentials of the wrong type, for endpoints that need (or refuse) app JWTs. */
export function rejectInvalid(p: Principal): void {
  if (p.kind === 'invalid') throw new GitHubError(401, p.message);
}

/** Permissions a workflow's GITHUB_TOKEN can never hold, whatever `permissions:` says. */
const NEVER_FOR_ACTIONS = new Set([
  'secrets',
  'environments',
  'dependabot_secrets',
  'codespaces_secrets',
  'organization_secrets',
  'organization_dependabot_secrets',
  'organization_codespaces_secrets',
  'administration',
]);

export interface Need {
  /** Fine-grained / app permission name (or alternatives, any one suffices); omit for metadata-only reads. */
  permission?: string | string[];
  level?: Permission;
  /** Classic PAT scope: 'repo' always, 'repo-if-private', or 'admin:org'. */
  classic?: 'repo' | 'repo-if-private' | 'admin:org';
  /** Anyone, even without credentials, may read this on a public repository. */
  public?: boolean;
  /** From the OpenAPI subset: false means installation and actions tokens are refused. */
  enabledForGitHubApps?: boolean;
}

const sameLogin = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function scopesOf(grant: TokenGrant): string[] {
  return Object.keys(grant.permissions);
}

function hasLevel(grant: TokenGrant, permission: string | string[], level: Permission): boolean {
  if (Array.isArray(permission)) return permission.some((p) => hasLevel(grant, p, level));
  if (grant.kind === 'actions' && NEVER_FOR_ACTIONS.has(permission)) return false;
  const held = grant.permissions[permission];
  if (permission === 'metadata' && grant.kind !== 'pat') return true; // always granted read
  return held === 'write' || (held === 'read' && level === 'read');
}

function notAccessible(grant: TokenGrant): GitHubError {
  return new GitHubError(
    403,
    grant.kind === 'pat' || grant.kind === 'fine-grained'
      ? 'Resource not accessible by personal access token'
      : 'Resource not accessible by integration',
  );
}

/** Is the repository in the token's selection (its own repositories, for a classic PAT)? */
export function listsRepo(grant: TokenGrant, repo: Repo): boolean {
  if (grant.owner && !sameLogin(grant.owner, repo.owner.login)) return false;
  if (grant.repos === '*') return true;
  return grant.repos.some((r) => sameLogin(r, repo.fullName));
}

/** Resolves a repository the principal can see and checks `need`; throws GitHub's 401/403/404. */
export function repoAccess(state: GitHubState, p: Principal, fullName: string, need: Need): Repo {
  rejectInvalid(p);
  const repo = state.repo(fullName);
  if (!repo) throw notFound();
  if (p.kind === 'anonymous') {
    if (repo.private) throw notFound();
    if (need.permission && need.permission !== 'metadata')
      throw new GitHubError(401, 'Requires authentication');
    return repo;
  }
  if (p.kind === 'app') {
    if (repo.private) throw notFound();
    throw new GitHubError(403, 'Resource not accessible by integration');
  }
  if (p.kind !== 'token') throw badCredentials();
  const g = p.grant;
  const listed = listsRepo(g, repo);
  const scopes = scopesOf(g);
  const classicSees = listed && (!repo.private || scopes.includes('repo'));
  const visible = !repo.private || (g.kind === 'pat' ? classicSees : listed);
  if (!visible) throw notFound();
  if (!need.permission || need.permission === 'metadata') return repo;
  if (g.kind === 'pat') {
    if (!listed) throw new GitHubError(403, 'Must have admin rights to Repository.');
    const ok =
      scopes.includes('repo') ||
      (!repo.private && scopes.includes('public_repo')) ||
      (need.classic === 'repo-if-private' && !repo.private);
    if (!ok) throw notAccessible(g);
    return repo;
  }
  if ((g.kind === 'installation' || g.kind === 'actions') && need.enabledForGitHubApps === false) {
    throw notAccessible(g);
  }
  if (!listed || !hasLevel(g, need.permission, need.level ?? 'read')) throw notAccessible(g);
  return repo;
}

/** Resolves an organization the principal may administer and checks `need`. */
export function orgAccess(state: GitHubState, p: Principal, login: string, need: Need): Account {
  const auth = requireAuth(p);
  const org = state.account(login);
  if (org?.type !== 'Organization') throw notFound();
  if (auth.kind === 'app') throw new GitHubError(403, 'Resource not accessible by integration');
  const g = auth.grant;
  const orgs = g.orgs ?? '*';
  const member =
    (!g.owner || sameLogin(g.owner, org.login)) &&
    (orgs === '*' || orgs.some((o) => sameLogin(o, org.login)));
  if (!member) throw notFound();
  if (g.kind === 'pat') {
    if (!scopesOf(g).includes('admin:org')) throw notAccessible(g);
    return org;
  }
  if ((g.kind === 'installation' || g.kind === 'actions') && need.enabledForGitHubApps === false) {
    throw notAccessible(g);
  }
  if (!need.permission || !hasLevel(g, need.permission, need.level ?? 'read')) throw notAccessible(g);
  return org;
}

/** Headers GitHub adds about the credential: granted scopes and what the endpoint accepts. */
export function credentialHeaders(p: Principal, need?: Need): Record<string, string> {
  const h: Record<string, string> = {};
  if (p.kind === 'token' && p.grant.kind === 'pat') {
    h['x-oauth-scopes'] = scopesOf(p.grant).join(', ');
    if (need?.classic) h['x-accepted-oauth-scopes'] = need.classic === 'admin:org' ? 'admin:org' : 'repo';
  } else if (p.kind === 'token' && need?.permission) {
    const names = Array.isArray(need.permission) ? need.permission : [need.permission];
    h['x-accepted-github-permissions'] = names.map((n) => `${n}=${need.level ?? 'read'}`).join('; ');
  }
  return h;
}
