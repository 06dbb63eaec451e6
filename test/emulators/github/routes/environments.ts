// Deployment environments and their Actions secrets (one key store per environment).
import { repoAccess } from '../auth.js';
import { notFound } from '../responses.js';
import { type Route, type RouteContext, route } from '../router.js';
import type { Environment, Repo, SecretTarget } from '../state.js';
import { publicKeyReply, putSealed, secretMetaReply } from './secrets.js';
import { environmentJson } from './shapes.js';

function environment(c: RouteContext): { repo: Repo; env: Environment; target: SecretTarget } {
  const repo = repoAccess(c.state, c.principal, `${c.params.owner}/${c.params.repo}`, c.need);
  const env = repo.environments.get(c.params.environment_name.toLowerCase());
  if (!env) throw notFound();
  return { repo, env, target: { scope: 'environment', repo: repo.fullName, environment: env.name } };
}

export const environmentRoutes: Route[] = [
  route({
    operation: 'repos/get-environment',
    // GitHub's fine-grained and installation tokens need Actions: read here; Environments is not enough.
    need: {
      permission: 'actions',
      level: 'read',
      classic: 'repo-if-private',
      public: true,
    },
    access: environment,
    handle: (c, e) => ({ status: 200, body: environmentJson(e.repo, e.env, c.apiBase) }),
  }),
  route({
    operation: 'actions/get-environment-public-key',
    need: { permission: 'environments', level: 'read', classic: 'repo-if-private' },
    access: environment,
    handle: (c, e) => publicKeyReply(c.state, e.target),
  }),
  route({
    operation: 'actions/get-environment-secret',
    need: { permission: 'environments', level: 'read', classic: 'repo' },
    access: environment,
    handle: (c, e) => secretMetaReply(c.state, e.target, c.params.secret_name),
  }),
  route({
    operation: 'actions/create-or-update-environment-secret',
    need: { permission: 'environments', level: 'write', classic: 'repo' },
    access: environment,
    handle: (c, e) => putSealed(c.state, e.target, c.params.secret_name, c.body),
  }),
];
