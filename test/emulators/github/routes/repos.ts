// repos/get: the repository itself (metadata permission, implied by any access to the repository).
import { repoAccess } from '../auth.js';
import { type Route, route } from '../router.js';
import { repoJson } from './shapes.js';

export const repoRoutes: Route[] = [
  route({
    operation: 'repos/get',
    need: { permission: 'metadata', level: 'read', classic: 'repo-if-private', public: true },
    access: (c) => repoAccess(c.state, c.principal, `${c.params.owner}/${c.params.repo}`, c.need),
    handle: (c, repo) => ({ status: 200, body: repoJson(repo, c.apiBase, c.principal) }),
  }),
];
