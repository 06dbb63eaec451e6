// Builds what a run talks to from its credentials and the environment: the Fly client, and each store
// connected through its descriptor (../stores.ts).

import { DEFAULT_CONCURRENCY, defaultTimeoutMs, type RunSignals, runSignals } from '../core/budget.js';
import type { RunSpec, TargetSpec } from '../core/spec.js';
import type { ConnectedStore, StoreDescriptor } from '../core/store.js';
import { FlyClient } from '../fly/client.js';
import { proxySettings } from '../net/proxy.js';
import { apiBaseUrl } from '../net/url.js';
import { STORE_SECRET_VARIABLES, STORES, storeOf } from '../stores.js';

export type Env = Record<string, string | undefined>;

export interface Services {
  fly: FlyClient;
  /** The run's deadlines (see ../core/budget.ts); the clients are cut by `run`. */
  signals?: RunSignals;
  /** Each store the run's targets live in, connected for this run. */
  stores: ReadonlyMap<StoreDescriptor, ConnectedStore>;
  /**
   * Whether the credential of the target's store was given: without it, modes other than rotate cannot read the
   * target (rotate requires every one). Absent: all can be read.
   */
  canRead?(target: TargetSpec): boolean;
  /** Ends what the stores opened (GitHub App installation tokens); never throws. */
  close?(): Promise<void>;
}

/**
 * `apiUrl`: the action passes its run context's GitHub API URL (@actions/github `context.apiUrl`); the CLI
 * and in-process tests leave it to GITHUB_API_URL in `env`.
 */
export async function createServices(
  spec: RunSpec,
  env: Env,
  log: { warning(message: string): void; info?(message: string): void; mask?(value: string): void },
  apiUrl = env.GITHUB_API_URL,
): Promise<Services> {
  const flyBase = apiBaseUrl(env.FLY_API_BASE_URL || 'https://api.fly.io', 'FLY_API_BASE_URL');
  const storeEnv = { ...env, GITHUB_API_URL: apiUrl };
  // A proxy variable that cannot be honoured fails the run here, before any request (never a direct one).
  proxySettings(env);
  // Tests shorten backoff with FLY_TOKEN_ROTATOR_RETRY_BASE_MS; Retry-After from either API is still honoured.
  const retryBaseMs = Number(env.FLY_TOKEN_ROTATOR_RETRY_BASE_MS) || undefined;
  const timeoutMs = spec.requestTimeoutMs;
  // One deadline for the whole run, from now: every request of every client is cut when it fires.
  const signals = runSignals(
    spec.timeoutMs ?? defaultTimeoutMs(spec.rotations.length, spec.concurrency ?? DEFAULT_CONCURRENCY),
  );
  const fly = new FlyClient({
    baseUrl: flyBase,
    token: spec.credentials.fly,
    timeoutMs,
    retryBaseMs,
    signal: signals.run,
  });
  const ctx = {
    spec,
    env: storeEnv,
    signals,
    timeoutMs,
    ...(retryBaseMs ? { retryBaseMs } : {}),
    log,
    credentialVariables: STORE_SECRET_VARIABLES,
  };
  // Only the stores this run's targets live in: the others' clients are never loaded.
  const targets = spec.rotations.flatMap((r) => r.targets);
  const used = STORES.filter((s) => targets.some(s.owns));
  const connected = await Promise.all(used.map((s) => s.connect(spec.credentials.stores[s.id], ctx)));
  const stores = new Map(used.map((s, i) => [s, connected[i]] as const));
  return {
    fly,
    signals,
    stores,
    canRead: (target) => stores.get(storeOf(target))?.canRead ?? false,
    close: async () => {
      await Promise.all([...stores.values()].map((s) => s.close?.()));
    },
  };
}
