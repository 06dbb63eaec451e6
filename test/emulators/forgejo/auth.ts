// Who is calling and what may they do, in the order Forgejo's API middleware checks it: the token (401 before
// any routing), the route group's scope category (403), the resource lookup (404, hiding what the user cannot
// see), the public-only limit (403), "token is required" (401), then the role (403).
import type { IncomingHttpHeaders } from 'node:http';
import { ForgejoError, notFound } from './responses.js';
import type { ForgejoState, Org, Repo, Token, User } from './state.js';

export type Category = 'repository' | 'organization' | 'user';

export interface Principal {
  user?: User;
  token?: Token;
}

/**
 * `Authorization: token <t>` or `Bearer <t>` (any case), as Forgejo's parser accepts them. An unknown token is a
 * 401 on every route; no header at all is an anonymous caller.
 */
export function authenticate(headers: IncomingHttpHeaders, state: ForgejoState): Principal {
  const header = headers.authorization;
  if (!header) return {};
  const fields = header.trim().split(/\s+/);
  if (fields.length !== 2 || !/^(token|bearer)$/i.test(fields[0])) return {};
  const token = state.tokens.get(fields[1]);
  // Recent Forgejo says only this; older releases echoed the token back ("access token does not exist [sha:
  // …]"), which clients must never print.
  if (!token) throw new ForgejoError(401, 'access token not found');
  return { user: state.users.get(token.user), token };
}

/** Write scopes include read; `all` is every scope. GET needs read, every other method write. */
export function requireScope(p: Principal, category: Category, method: string): void {
  if (!p.token) return;
  const level = method === 'GET' || method === 'HEAD' ? 'read' : 'write';
  const s = p.token.scopes;
  const ok =
    s.includes('all') ||
    s.includes(`write:${category}`) ||
    (level === 'read' && s.includes(`read:${category}`));
  if (!ok) {
    throw new ForgejoError(
      403,
      `token does not have at least one of required scope(s): [${level}:${category}]`,
    );
  }
}

export function requireSignedIn(p: Principal): User {
  if (!p.user) throw new ForgejoError(401, 'token is required');
  return p.user;
}

const publicOnly = (p: Principal) => p.token?.scopes.includes('public-only') ?? false;

type RepoMode = 'none' | 'read' | 'write' | 'admin' | 'owner';

/**
 * The caller's access to a repository as Forgejo computes it: the owning user, an owner of the owning
 * organization and members of a team with administrator access are owners; a collaborator never is, whatever
 * its mode. Site administrators pass every owner check.
 */
function repoMode(state: ForgejoState, repo: Repo, user?: User): RepoMode {
  const publicMode: RepoMode = repo.private ? 'none' : 'read';
  if (!user) return publicMode;
  const me = user.login.toLowerCase();
  if (user.admin || repo.owner.toLowerCase() === me || repo.adminTeam.has(me)) return 'owner';
  if (state.orgs.get(repo.owner.toLowerCase())?.owners.has(me)) return 'owner';
  return repo.collaborators.get(me) ?? publicMode;
}

/** The repository a `/repos/{owner}/{repo}/actions/...` route works on, once the caller may manage its secrets. */
export function repoOwnerAccess(state: ForgejoState, p: Principal, owner: string, name: string): Repo {
  const account = state.users.get(owner.toLowerCase()) ?? state.orgs.get(owner.toLowerCase());
  if (!account)
    throw notFound('GetUserByName', [`user redirect does not exist [name: ${owner.toLowerCase()}]`]);
  const repo = state.repos.get(`${owner}/${name}`.toLowerCase());
  const mode = repo ? repoMode(state, repo, p.user) : 'none';
  if (!repo || mode === 'none') throw notFound();
  if (publicOnly(p) && repo.private) throw new ForgejoError(403, 'token scope is limited to public repos');
  requireSignedIn(p);
  if (!repo.actions) throw notFound();
  if (mode !== 'owner') throw new ForgejoError(403, 'user should be the owner of the repo');
  return repo;
}

/** The organization an `/orgs/{org}/actions/...` route works on, once the caller is one of its owners. */
export function orgOwnerAccess(state: ForgejoState, p: Principal, login: string): Org {
  const org = state.orgs.get(login.toLowerCase());
  // A user's name is no organization: Forgejo looks for a renamed one and reports that lookup's failure.
  if (!org) throw notFound('GetOrgByName', [`user redirect does not exist [name: ${login.toLowerCase()}]`]);
  if (publicOnly(p) && org.visibility !== 'public') {
    throw new ForgejoError(403, 'token scope is limited to public orgs');
  }
  const user = requireSignedIn(p);
  if (!user.admin && !org.owners.has(user.login.toLowerCase())) {
    throw new ForgejoError(403, 'Must be an organization owner');
  }
  return org;
}
