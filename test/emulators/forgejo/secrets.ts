// The Actions secrets routes of Forgejo's API v1 (repository, organization and the authenticated user's own)
// and GET /user. Each route names its swagger operationId, its scope category and its handler; the handlers run
// the access checks in Forgejo's order before touching the body.
import type { Reply } from '../http.js';
import {
  type Category,
  orgOwnerAccess,
  type Principal,
  repoOwnerAccess,
  requireScope,
  requireSignedIn,
} from './auth.js';
import { ForgejoError } from './responses.js';
import type { ForgejoState } from './state.js';

export interface RouteContext {
  state: ForgejoState;
  principal: Principal;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body, or undefined when absent or not sent as JSON. */
  body: unknown;
  /** Set when a JSON body did not parse. */
  bodyError?: string;
}

export interface Route {
  method: 'GET' | 'PUT' | 'DELETE';
  /** Path below /api/v1 with `{param}` segments. */
  path: string;
  /** Forgejo's swagger operationId: the name faults are scripted by. */
  operation: string;
  category: Category;
  handle: (ctx: RouteContext) => Reply;
}

/** Forgejo's rule since secret validation moved into its model: the older one left GITEA_/GITHUB_ unanchored. */
const NAME = /^[A-Z_][A-Z0-9_]*$/i;
const FORBIDDEN = /^(FORGEJO_|GITEA_|GITHUB_|[0-9])/i;

/** Where a route's secrets live: the state's key and the scope's name in `writes`. */
interface Place {
  key: string;
  label: string;
}

function repoPlace(c: RouteContext): Place {
  const repo = repoOwnerAccess(c.state, c.principal, c.params.owner, c.params.repo);
  return { key: `repo:${repo.id}`, label: `repo:${repo.owner}/${repo.name}` };
}

function orgPlace(c: RouteContext): Place {
  const org = orgOwnerAccess(c.state, c.principal, c.params.org);
  return { key: `owner:${org.id}`, label: `org:${org.login}` };
}

function userPlace(c: RouteContext): Place {
  const user = requireSignedIn(c.principal);
  return { key: `owner:${user.id}`, label: `user:${user.login}` };
}

/** `page` is 1-based; `limit` defaults to 30 and is capped at 50 (Forgejo's default paging settings). */
function paging(query: URLSearchParams): { page: number; limit: number } {
  const int = (name: string) => Number.parseInt(query.get(name) ?? '', 10) || 0;
  const limit = int('limit');
  return { page: Math.max(1, int('page')), limit: limit <= 0 ? 30 : Math.min(limit, 50) };
}

function list(c: RouteContext, place: Place): Reply {
  const all = c.state.list(place.key);
  const { page, limit } = paging(c.query);
  const items = all.slice((page - 1) * limit, page * limit);
  return {
    status: 200,
    body: items.map((s) => ({ name: s.name, created_at: s.createdAt })),
    headers: { 'x-total-count': String(all.length), 'access-control-expose-headers': 'X-Total-Count' },
  };
}

/** The body binding runs before the handler, so a missing `data` is a 422 even for an invalid name. */
function put(c: RouteContext, place: Place): Reply {
  if (c.bodyError) throw new ForgejoError(422, `[]: ${c.bodyError}`);
  const data = (c.body as { data?: unknown } | undefined)?.data;
  if (typeof data !== 'string' || data === '') throw new ForgejoError(422, '[Data]: Required');
  const name = c.params.secretname;
  if (!NAME.test(name) || FORBIDDEN.test(name)) throw new ForgejoError(400, 'invalid secret name');
  // Forgejo keeps line breaks as a browser's textarea would send them.
  const status = c.state.put(place.key, place.label, name, data.replaceAll('\r\n', '\n'));
  return { status };
}

function remove(c: RouteContext, place: Place): Reply {
  if (!c.state.delete(place.key, place.label, c.params.secretname)) {
    throw new ForgejoError(404, 'secret was not found [name: ]');
  }
  return { status: 204 };
}

/** The list, PUT and DELETE trio of one level; `place` runs the level's checks. */
function secretRoutes(
  base: string,
  category: Category,
  names: { list?: string; put: string; delete: string },
  place: (c: RouteContext) => Place,
): Route[] {
  const guarded =
    (fn: (c: RouteContext, p: Place) => Reply) =>
    (c: RouteContext): Reply => {
      requireScope(c.principal, category, c.method);
      return fn(c, place(c));
    };
  const routes: Route[] = [
    { method: 'PUT', path: `${base}/{secretname}`, operation: names.put, category, handle: guarded(put) },
    {
      method: 'DELETE',
      path: `${base}/{secretname}`,
      operation: names.delete,
      category,
      handle: guarded(remove),
    },
  ];
  if (names.list)
    routes.push({ method: 'GET', path: base, operation: names.list, category, handle: guarded(list) });
  return routes;
}

function currentUser(c: RouteContext): Reply {
  requireScope(c.principal, 'user', c.method);
  const u = requireSignedIn(c.principal);
  return {
    status: 200,
    body: {
      id: u.id,
      login: u.login,
      login_name: '',
      full_name: '',
      email: `${u.login.toLowerCase()}@noreply.example`,
      avatar_url: '',
      is_admin: u.admin,
      visibility: u.visibility,
      created: u.createdAt,
      username: u.login,
    },
  };
}

export const ROUTES: Route[] = [
  { method: 'GET', path: '/user', operation: 'userGetCurrent', category: 'user', handle: currentUser },
  ...secretRoutes(
    '/repos/{owner}/{repo}/actions/secrets',
    'repository',
    { list: 'repoListActionsSecrets', put: 'updateRepoSecret', delete: 'deleteRepoSecret' },
    repoPlace,
  ),
  ...secretRoutes(
    '/orgs/{org}/actions/secrets',
    'organization',
    { list: 'orgListActionsSecrets', put: 'updateOrgSecret', delete: 'deleteOrgSecret' },
    orgPlace,
  ),
  // Neither Forgejo nor Gitea lists the user's own secrets.
  ...secretRoutes(
    '/user/actions/secrets',
    'user',
    { put: 'updateUserSecret', delete: 'deleteUserSecret' },
    userPlace,
  ),
];
