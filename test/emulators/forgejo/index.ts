// The local Forgejo API emulator: a loopback server speaking the Actions secrets operations of Forgejo's API v1
// (repository, organization and the authenticated user's own) and GET /user, with scoped tokens, Forgejo's
// owner checks, its secret name rule and its error bodies. Faults are scripted by swagger operationId.
import { EmulatorServer } from '../http.js';
import { API_PREFIX, Router } from './router.js';
import {
  type CollaboratorMode,
  ForgejoState,
  type Org,
  type Repo,
  type SecretScope,
  type SecretWrite,
  type User,
  type Visibility,
} from './state.js';

export type { Fault, RecordedRequest } from '../http.js';
export type { CollaboratorMode, Org, Repo, SecretScope, SecretWrite, User, Visibility } from './state.js';

/** The operations served, by swagger operationId. */
export const OPERATIONS = [
  'userGetCurrent',
  'repoListActionsSecrets',
  'updateRepoSecret',
  'deleteRepoSecret',
  'orgListActionsSecrets',
  'updateOrgSecret',
  'deleteOrgSecret',
  'updateUserSecret',
  'deleteUserSecret',
] as const;

export interface SecretView {
  value: string;
  createdAt: string;
}

export interface ForgejoEmulator {
  /** The instance's URL (FORGEJO_URL), no trailing slash; the API is under `${url}/api/v1`. */
  readonly url: string;
  /** `${url}/api/v1`. */
  readonly apiUrl: string;
  readonly server: EmulatorServer;
  readonly state: ForgejoState;
  /** Every secret write that changed something, in order (no values). */
  readonly writes: SecretWrite[];
  close(): Promise<void>;
  addUser(login: string, opts?: { admin?: boolean; visibility?: Visibility; id?: number }): User;
  /** `owners` are the Owners team; `members` belong to the organization without owning it. */
  addOrg(
    login: string,
    opts?: { owners?: string[]; members?: string[]; visibility?: Visibility; id?: number },
  ): Org;
  /**
   * `owner/name`, the owner added first. `adminTeam`: users in an organization team with administrator access
   * (owners of the repository to Forgejo); `collaborators` never are. `actions: false` disables the Actions unit.
   */
  addRepo(
    fullName: string,
    opts?: {
      private?: boolean;
      actions?: boolean;
      collaborators?: Record<string, CollaboratorMode>;
      adminTeam?: string[];
      id?: number;
    },
  ): Repo;
  /** `scopes`: `all`, `public-only`, `read:<category>` or `write:<category>` (repository, organization, user, ...). */
  addToken(token: string, grant: { user: string; scopes: string[] }): void;
  revokeToken(token: string): boolean;
  /** A secret as stored (plaintext), or undefined; names are case-insensitive. */
  secret(scope: SecretScope, name: string): SecretView | undefined;
}

export interface ForgejoEmulatorOptions {
  latencyMs?: number;
  /** false: a release without the DELETE routes of secrets, where a DELETE answers 405 Method Not Allowed. */
  deleteRoutes?: boolean;
}

export async function startForgejoEmulator(opts: ForgejoEmulatorOptions = {}): Promise<ForgejoEmulator> {
  const state = new ForgejoState();
  const router = new Router(state, { deleteRoutes: opts.deleteRoutes });
  const server = new EmulatorServer(router.dispatch, { latencyMs: opts.latencyMs });
  const url = await server.listen();
  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    server,
    state,
    writes: state.writes,
    close: () => server.close(),
    addUser: (login, o) => state.addUser(login, o),
    addOrg: (login, o) => state.addOrg(login, o),
    addRepo: (fullName, o) => state.addRepo(fullName, o),
    addToken: (token, grant) => state.addToken(token, grant),
    revokeToken: (token) => state.tokens.delete(token),
    secret: (scope, name) => {
      const key = state.ownerKey(scope);
      const s = key === undefined ? undefined : state.get(key, name);
      return s && { value: s.value, createdAt: s.createdAt };
    },
  };
}
