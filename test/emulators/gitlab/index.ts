// The local GitLab REST emulator: project- and group-level CI/CD variables under /api/v4, access tokens with
// scopes and roles, and GitLab's validation of keys, masked values and duplicates.
import { EmulatorServer } from '../http.js';
import { API_PREFIX, router } from './router.js';
import {
  GitLabState,
  type Owner,
  type Role,
  type TokenGrant,
  type Variable,
  type VariableWrite,
  type Visibility,
} from './state.js';

export type { Fault, RecordedRequest } from '../http.js';
export type { Owner, Role, TokenGrant, Variable, VariableWrite, Visibility } from './state.js';

export interface GitLabEmulatorOptions {
  latencyMs?: number;
  /** Premium or Ultimate: group variables keep their environment scope (default false, GitLab Free). */
  premium?: boolean;
  /**
   * The release GET /version reports (default 17.5.0-ee). Before 16.2, variables have no `description`: none is
   * returned or stored.
   */
  version?: string;
}

/** Whether a GitLab version string (`16.1.4-ee`) is 16.2 or later, when variables gained a description. */
export function hasDescriptions(version: string): boolean {
  const [major = 0, minor = 0] = (/^(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  return major > 16 || (major === 16 && minor >= 2);
}

export interface GitLabEmulator {
  /** The instance URL (GITLAB_URL), no trailing slash. */
  readonly url: string;
  /** `${url}/api/v4`. */
  readonly apiUrl: string;
  readonly server: EmulatorServer;
  readonly state: GitLabState;
  /** Every variable write that succeeded, in order (values left out). */
  readonly writes: VariableWrite[];
  close(): Promise<void>;
  /** Adds a project and any parent groups its path needs. Projects are private unless told otherwise. */
  addProject(path: string, opts?: { id?: number; visibility?: Visibility }): Owner;
  addGroup(path: string, opts?: { id?: number; visibility?: Visibility }): Owner;
  /** `roles` maps full paths to roles; a group role reaches everything below the group. */
  addToken(
    token: string,
    grant: { scopes: string[]; roles: Record<string, Role>; name?: string; expiresAt?: number },
  ): void;
  revokeToken(token: string): boolean;
  /** A variable as stored (its value even when hidden), or undefined. `path` is a project's or a group's. */
  variable(path: string, key: string, scope?: string): Variable | undefined;
  /** Stores a variable directly, as if created in the UI (no validation, not recorded in `writes`). */
  seedVariable(path: string, variable: Partial<Variable> & Pick<Variable, 'key' | 'value'>): void;
}

export async function startGitLabEmulator(opts: GitLabEmulatorOptions = {}): Promise<GitLabEmulator> {
  const state = new GitLabState();
  state.premium = opts.premium ?? false;
  if (opts.version) {
    state.version = opts.version;
    state.descriptions = hasDescriptions(opts.version);
  }
  const server = new EmulatorServer(router(state), { latencyMs: opts.latencyMs });
  const url = await server.listen();
  const ownerAt = (path: string) => {
    const o = state.owner('project', path) ?? state.owner('group', path);
    if (!o) throw new Error(`no project or group ${path}; call addProject or addGroup first`);
    return o;
  };
  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    server,
    state,
    writes: state.writes,
    close: () => server.close(),
    addProject: (path, o) => state.addProject(path, o),
    addGroup: (path, o) => state.addGroup(path, o),
    addToken: (token, grant: TokenGrant) => {
      state.addToken(token, grant);
    },
    revokeToken: (token) => state.tokens.delete(token),
    variable: (path, key, scope = '*') => {
      const found = state
        .variablesOf(ownerAt(path))
        .find((v) => v.key === key && v.environment_scope === scope);
      return found && { ...found };
    },
    seedVariable: (path, v) => {
      state.variablesOf(ownerAt(path)).push({
        variable_type: 'env_var',
        protected: false,
        masked: false,
        hidden: false,
        raw: false,
        environment_scope: '*',
        description: null,
        ...v,
      });
    },
  };
}
