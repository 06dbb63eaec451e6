// The local GitHub REST emulator: a loopback server speaking the api.github.com operations the action uses,
// with real libsodium key stores, per-token permissions and OpenAPI-validated request bodies.
import { EmulatorServer } from '../http.js';
import { type AppOptions, addApp, type Installation, installApp, verifyAppJwt } from './apps.js';
import { sodiumReady } from './keys.js';
import { loadSubset } from './openapi.js';
import { SERVED_OPERATIONS } from './operations.js';
import { Router, rateLimitFor } from './router.js';
import { appRoutes } from './routes/apps.js';
import { environmentRoutes } from './routes/environments.js';
import { orgSecretRoutes } from './routes/org-secrets.js';
import { repoSecretRoutes } from './routes/repo-secrets.js';
import { repoRoutes } from './routes/repos.js';
import {
  type Account,
  type AccountType,
  type Environment,
  GitHubState,
  type Permission,
  type Repo,
  type SecretTarget,
  type SecretWrite,
  type TokenGrant,
  type Visibility,
} from './state.js';

export type { Fault, RecordedRequest } from '../http.js';
export type { App, AppOptions, Installation } from './apps.js';
export { sealFor } from './keys.js';
export { SERVED_OPERATIONS } from './operations.js';
export type {
  Account,
  AccountType,
  Environment,
  Permission,
  Repo,
  SecretApp,
  SecretTarget,
  SecretWrite,
  TokenGrant,
  TokenKind,
  Visibility,
} from './state.js';

export interface SecretView {
  /** Decrypted plaintext. */
  value: string;
  keyId: string;
  createdAt: string;
  updatedAt: string;
  /** Organization secrets only. */
  visibility?: Visibility;
  selectedRepositoryIds?: number[];
}

export interface InstallOptions {
  repos: '*' | string[];
  permissions: Record<string, Permission>;
  /** Type of the account when it does not exist yet (default Organization). */
  ownerType?: AccountType;
  id?: number;
}

export interface GitHubEmulator {
  /** Base URL for GITHUB_API_URL, no trailing slash. The same API is also served under `${url}/api/v3`. */
  readonly url: string;
  readonly server: EmulatorServer;
  readonly state: GitHubState;
  /** Every secret write that succeeded, in order. */
  readonly secretWrites: SecretWrite[];
  close(): Promise<void>;
  addRepo(
    fullName: string,
    opts?: { id?: number; private?: boolean; environments?: string[]; ownerType?: AccountType },
  ): Repo;
  addOrg(login: string, opts?: { id?: number }): Account;
  addUser(login: string, opts?: { id?: number }): Account;
  addEnvironment(fullName: string, name: string): Environment;
  addToken(token: string, grant: TokenGrant): void;
  revokeToken(token: string): boolean;
  /** New keypair for the repository's Actions key store (or another store): old key_id is then refused. */
  rotateRepoKey(fullName: string): { keyId: string; key: string };
  rotateKey(target: SecretTarget): { keyId: string; key: string };
  /** A repository Actions secret as stored (decrypted), or undefined. */
  secret(fullName: string, name: string): SecretView | undefined;
  /** Any secret: repository (Actions/Dependabot/Codespaces), environment or organization. */
  secretAt(target: SecretTarget, name: string): SecretView | undefined;
  /** Registers a GitHub App; generates a 2048-bit RSA key when none is given (read it from `privateKeyPem`). */
  addApp(opts: AppOptions): { id: number; clientId: string; slug: string; privateKeyPem: string };
  installApp(appId: number, owner: string, opts: InstallOptions): Installation;
  /** Leave `remaining` requests in a token's rate-limit window (5000/h, 1000/h for GITHUB_TOKEN); then 403. */
  setRateLimitRemaining(token: string, remaining: number, limit?: number): void;
}

export async function startGitHubEmulator(opts: { latencyMs?: number } = {}): Promise<GitHubEmulator> {
  await sodiumReady();
  const state = new GitHubState();
  const routes = [...repoRoutes, ...repoSecretRoutes, ...environmentRoutes, ...orgSecretRoutes, ...appRoutes];
  const router = new Router(state, loadSubset(), routes, SERVED_OPERATIONS);
  router.jwtVerifier = (jwt) => verifyAppJwt(state, jwt);
  const server = new EmulatorServer(router.dispatch, { latencyMs: opts.latencyMs });
  const url = await server.listen();
  const view = (target: SecretTarget, name: string): SecretView | undefined => {
    const s = state.secret(target, name);
    if (!s) return undefined;
    const v: SecretView = { value: s.value, keyId: s.keyId, createdAt: s.createdAt, updatedAt: s.updatedAt };
    if (s.visibility) v.visibility = s.visibility;
    if (s.selectedRepositoryIds) v.selectedRepositoryIds = [...s.selectedRepositoryIds];
    return v;
  };
  const rotate = (target: SecretTarget) => {
    const k = state.rotateKey(target);
    return { keyId: k.keyId, key: k.publicKeyBase64 };
  };
  return {
    url,
    server,
    state,
    secretWrites: state.secretWrites,
    close: () => server.close(),
    addRepo: (fullName, o) => state.addRepo(fullName, o),
    addOrg: (login, o) => state.addAccount(login, { id: o?.id, type: 'Organization' }),
    addUser: (login, o) => state.addAccount(login, { id: o?.id, type: 'User' }),
    addEnvironment: (fullName, name) => state.addEnvironment(fullName, name),
    addToken: (token, grant) => state.addToken(token, grant),
    addApp: (o) => {
      const app = addApp(state, o);
      return { id: app.id, clientId: app.clientId, slug: app.slug, privateKeyPem: app.privateKeyPem };
    },
    installApp: (appId, owner, o) => installApp(state, appId, owner, o),
    revokeToken: (token) => state.revokeToken(token),
    rotateRepoKey: (fullName) => rotate({ scope: 'repo', repo: state.mustRepo(fullName).fullName }),
    rotateKey: rotate,
    secret: (fullName, name) => view({ scope: 'repo', repo: fullName }, name),
    secretAt: view,
    setRateLimitRemaining: (token, remaining, limit) =>
      router.rateLimits.setRemaining(
        `token:${token}`,
        limit ?? rateLimitFor(state.tokens.get(token)?.kind ?? 'pat'),
        remaining,
      ),
  };
}
