// Repository secrets of GitHub Actions, Dependabot and Codespaces: each app has its own key store.
import { repoAccess } from '../auth.js';
import { type Route, type RouteContext, route } from '../router.js';
import type { SecretApp, SecretTarget } from '../state.js';
import { publicKeyReply, putSealed, secretMetaReply } from './secrets.js';

function target(app: SecretApp) {
  return (c: RouteContext): SecretTarget => {
    const repo = repoAccess(c.state, c.principal, `${c.params.owner}/${c.params.repo}`, c.need);
    return { scope: 'repo', repo: repo.fullName, app };
  };
}

/** The public-key / get / put trio for one app; `permission` is its fine-grained permission name. */
function repoSecretApi(app: SecretApp, permission: string): Route[] {
  const access = target(app);
  const routes: Route[] = [
    route({
      operation: `${app}/get-repo-public-key`,
      need: { permission, level: 'read', classic: 'repo-if-private' },
      access,
      handle: (c, t) => publicKeyReply(c.state, t),
    }),
    route({
      operation: `${app}/create-or-update-repo-secret`,
      need: { permission, level: 'write', classic: 'repo' },
      access,
      handle: (c, t) => putSealed(c.state, t, c.params.secret_name, c.body),
    }),
    route({
      operation: `${app}/get-repo-secret`,
      need: { permission, level: 'read', classic: 'repo' },
      access,
      handle: (c, t) => secretMetaReply(c.state, t, c.params.secret_name),
    }),
  ];
  return routes;
}

export const repoSecretRoutes: Route[] = [
  ...repoSecretApi('actions', 'secrets'),
  ...repoSecretApi('dependabot', 'dependabot_secrets'),
  ...repoSecretApi('codespaces', 'codespaces_secrets'),
];
