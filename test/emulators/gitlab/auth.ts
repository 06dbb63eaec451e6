// Who is calling, and may they do this? In GitLab's order: the token (401), its scopes for the kind of request
// (403 insufficient_scope, before any resource is looked at), whether the project or group is visible to it
// (404, so private paths do not leak), and its role there (403).
import type { IncomingHttpHeaders } from 'node:http';
import { forbidden, insufficientScope, notFound, unauthorized } from './responses.js';
import {
  type GitLabState,
  type Owner,
  type OwnerKind,
  ROLE_LEVELS,
  type Role,
  type TokenRecord,
} from './state.js';

/** The token from `PRIVATE-TOKEN` or `Authorization: Bearer`, checked for existence, expiry and scopes. */
export function authenticate(headers: IncomingHttpHeaders, method: string, state: GitLabState): TokenRecord {
  const privateToken = headers['private-token'];
  const bearer = /^bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  const token = (Array.isArray(privateToken) ? privateToken[0] : privateToken) ?? bearer;
  const record = token ? state.tokens.get(token) : undefined;
  if (!record || (record.expiresAt !== undefined && record.expiresAt <= Date.now())) throw unauthorized();
  const read = method === 'GET' || method === 'HEAD';
  if (!record.scopes.includes('api') && !(read && record.scopes.includes('read_api'))) {
    throw insufficientScope(read ? 'api read_api' : 'api');
  }
  return record;
}

/** Resolves `ref` (numeric id or full path) to a project or group the token may act on with `minimum`. */
export function ownerAccess(
  state: GitLabState,
  token: TokenRecord,
  kind: OwnerKind,
  ref: string,
  minimum: Role,
): Owner {
  const owner = state.owner(kind, ref);
  if (!owner || !state.visible(token, owner)) throw notFound(kind === 'project' ? 'Project' : 'Group');
  const role = state.role(token, owner);
  if (!role || ROLE_LEVELS[role] < ROLE_LEVELS[minimum]) throw forbidden();
  return owner;
}
