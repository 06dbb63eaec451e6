// GitHub App endpoints: finding installations with the app JWT, minting and revoking installation tokens.
import type { App, Installation } from '../apps.js';
import { installationCovers } from '../apps.js';
import { type Principal, requireAuth } from '../auth.js';
import { GitHubError, notFound } from '../responses.js';
import { type Route, type RouteContext, route } from '../router.js';
import { type AccountType, type Permission, type Repo, randomToken, timestamp } from '../state.js';
import { installationJson, minimalRepoJson } from './shapes.js';

const UNDECODABLE = 'A JSON web token could not be decoded';
const TOKEN_LIFETIME_MS = 3600_000;

/** The app behind a JWT; any other credential is refused like GitHub does on /app endpoints. */
function appOf(c: RouteContext): App {
  const p = requireAuth(c.principal);
  if (p.kind !== 'app') throw new GitHubError(401, UNDECODABLE);
  return c.state.apps.get(p.appId)!;
}

function installationFor(c: RouteContext, app: App, login: string, type?: AccountType): Installation {
  const account = c.state.account(login);
  if (!account || (type && account.type !== type)) throw notFound();
  for (const inst of c.state.installations.values()) {
    if (inst.appId === app.id && inst.account.id === account.id) return inst;
  }
  throw notFound();
}

const found = (c: RouteContext, r: { app: App; inst: Installation }) => ({
  status: 200,
  body: installationJson(r.inst, r.app, c.apiBase),
});

interface TokenRequest {
  repositories?: string[];
  repository_ids?: number[];
  permissions?: Record<string, Permission>;
}

const RANK: Record<Permission, number> = { read: 1, write: 2 };

/** The repositories a token request names, checked against the installation. */
function requestedRepos(c: RouteContext, inst: Installation, body: TokenRequest): Repo[] | undefined {
  if (!body.repositories && !body.repository_ids) return undefined;
  const repos: Repo[] = [];
  const denied = () =>
    new GitHubError(
      422,
      'There is at least one repository that does not exist or is not accessible to the parent installation.',
    );
  for (const name of body.repositories ?? []) {
    const repo = c.state.repo(`${inst.account.login}/${name}`);
    if (!repo || !installationCovers(inst, repo.fullName)) throw denied();
    repos.push(repo);
  }
  for (const id of body.repository_ids ?? []) {
    const repo = c.state.repoById(id);
    if (!repo || !installationCovers(inst, repo.fullName)) throw denied();
    if (!repos.includes(repo)) repos.push(repo);
  }
  return repos;
}

function requestedPermissions(inst: Installation, body: TokenRequest): Record<string, Permission> {
  if (!body.permissions) return { ...inst.permissions };
  for (const [name, level] of Object.entries(body.permissions)) {
    const held = inst.permissions[name];
    if (!held || RANK[held] < RANK[level]) {
      throw new GitHubError(422, 'The permissions requested are not granted to this installation.');
    }
  }
  return { ...body.permissions };
}

/** Installation tokens (a workflow's GITHUB_TOKEN is one too) may revoke themselves. */
function revocable(p: Principal): string {
  if (p.kind === 'token' && (p.grant.kind === 'installation' || p.grant.kind === 'actions')) return p.token;
  throw new GitHubError(
    403,
    p.kind === 'app'
      ? 'Resource not accessible by integration'
      : 'Resource not accessible by personal access token',
  );
}

export const appRoutes: Route[] = [
  route({
    operation: 'apps/get-repo-installation',
    access: (c) => {
      const app = appOf(c);
      const repo = c.state.repo(`${c.params.owner}/${c.params.repo}`);
      if (!repo) throw notFound();
      const inst = installationFor(c, app, repo.owner.login);
      if (!installationCovers(inst, repo.fullName)) throw notFound();
      return { app, inst };
    },
    handle: found,
  }),
  route({
    operation: 'apps/get-org-installation',
    access: (c) => {
      const app = appOf(c);
      return { app, inst: installationFor(c, app, c.params.org, 'Organization') };
    },
    handle: found,
  }),
  route({
    operation: 'apps/get-user-installation',
    access: (c) => {
      const app = appOf(c);
      return { app, inst: installationFor(c, app, c.params.username, 'User') };
    },
    handle: found,
  }),
  route({
    operation: 'apps/create-installation-access-token',
    access: (c) => {
      const app = appOf(c);
      const inst = c.state.installations.get(Number(c.params.installation_id));
      if (!inst || inst.appId !== app.id) throw notFound();
      return { app, inst };
    },
    handle: (c, { inst }) => {
      const body = (c.body ?? {}) as TokenRequest;
      const repos = requestedRepos(c, inst, body);
      const permissions = requestedPermissions(inst, body);
      const token = randomToken('ghs_');
      const expiresAt = Date.now() + TOKEN_LIFETIME_MS;
      const limited = repos ?? (inst.repos === '*' ? undefined : inst.repos.map((r) => c.state.repo(r)));
      const listed = limited?.filter((r): r is Repo => r !== undefined);
      c.state.addToken(token, {
        kind: 'installation',
        repos: listed ? listed.map((r) => r.fullName) : '*',
        permissions,
        owner: inst.account.login,
        orgs: [inst.account.login],
        expiresAt,
        installationId: inst.id,
      });
      const out: Record<string, unknown> = {
        token,
        expires_at: timestamp(expiresAt),
        permissions,
        repository_selection: listed ? 'selected' : 'all',
      };
      if (listed) out.repositories = listed.map((r) => minimalRepoJson(r, c.apiBase));
      return { status: 201, body: out };
    },
  }),
  route({
    operation: 'apps/revoke-installation-access-token',
    access: (c) => revocable(requireAuth(c.principal)),
    handle: (c, token) => {
      c.state.revokeToken(token);
      return { status: 204 };
    },
  }),
];
