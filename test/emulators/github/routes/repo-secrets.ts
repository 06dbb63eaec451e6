// GitHub Actions repository secrets.
import { repoAccess } from '../auth.js';
import { type Route, type RouteContext, route } from '../router.js';
import type { SecretTarget } from '../state.js';
import { publicKeyReply, putSealed, secretMetaReply } from './secrets.js';

function target(c: RouteContext): SecretTarget {
  const repo = repoAccess(c.state, c.principal, `${c.params.owner}/${c.params.repo}`, c.need);
  return { scope: 'repo', repo: repo.fullName, app: 'actions' };
}

export const repoSecretRoutes: Route[] = [
  route({
    operation: 'actions/get-repo-public-key',
    need: { permission: 'secrets', level: 'read', classic: 'repo-if-private' },
    access: target,
    handle: (c, t) => publicKeyReply(c.state, t),
  }),
  route({
    operation: 'actions/get-repo-secret',
    need: { permission: 'secrets', level: 'read', classic: 'repo' },
    access: target,
    handle: (c, t) => secretMetaReply(c.state, t, c.params.secret_name),
  }),
  route({
    operation: 'actions/create-or-update-repo-secret',
    need: { permission: 'secrets', level: 'write', classic: 'repo' },
    access: target,
    handle: (c, t) => putSealed(c.state, t, c.params.secret_name, c.body),
  }),
];
