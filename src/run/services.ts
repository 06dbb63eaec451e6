// Builds the Fly and GitHub clients a run needs from its credentials and the environment.

import { DEFAULT_CONCURRENCY, defaultTimeoutMs, type RunSignals, runSignals } from '../core/budget.js';
import { type GitHubTargetSpec, isGitHubTarget, type RunSpec, type TargetSpec } from '../core/spec.js';
import { FlyClient } from '../fly/client.js';
import { forgejoClient } from '../forgejo/client.js';
import { appAccess, tokenAccess } from '../github/auth.js';
import type { GitHub } from '../github/octokit.js';
import { targetOwner } from '../github/targets.js';
import { proxySettings } from '../net/proxy.js';
import { RestClient } from '../net/rest.js';
import { apiBaseUrl } from '../net/url.js';

export type Env = Record<string, string | undefined>;

export interface Services {
  fly: FlyClient;
  /** The run's deadlines (see ../core/budget.ts); the clients are cut by `run`. */
  signals?: RunSignals;
  /**
   * Whether the credential of the target's store was given: without it, modes other than rotate cannot read the
   * target (rotate requires every one). Absent: all can be read.
   */
  canRead?(target: TargetSpec): boolean;
  /** The GitHub client that writes a given target. */
  github(target: GitHubTargetSpec): Promise<GitHub>;
  /** GitLab's REST API (v4), when a GitLab credential was given. */
  gitlab?: RestClient;
  /** Forgejo's REST API (v1), when a Forgejo credential was given. */
  forgejo?: RestClient;
  /** Command targets: how long each may run, and where its output goes (line by line, scrubbed). */
  commands?: { timeoutMs?: number; log(line: string): void };
  /** What a store's writer finds before minting that the user should know (the run's log.warning). */
  warn?(message: string): void;
  /** Ends the run's GitHub access (revokes GitHub App installation tokens); never throws. */
  close?(): Promise<void>;
}

/**
 * `githubApiUrl`: the action passes its run context's (@actions/github `context.apiUrl`); the CLI and
 * in-process tests leave it to GITHUB_API_URL in `env`.
 */
export function createServices(
  spec: RunSpec,
  env: Env,
  log: { warning(message: string): void; info?(message: string): void; mask?(value: string): void },
  githubApiUrl = env.GITHUB_API_URL,
): Services {
  const flyBase = apiBaseUrl(env.FLY_API_BASE_URL || 'https://api.fly.io', 'FLY_API_BASE_URL');
  const githubBase = apiBaseUrl(githubApiUrl || 'https://api.github.com', 'GITHUB_API_URL');
  // A proxy variable that cannot be honoured fails the run here, before any request (never a direct one).
  proxySettings(env);
  // Tests shorten backoff with FLY_TOKEN_ROTATOR_RETRY_BASE_MS; Retry-After from either API is still honoured.
  const retryBaseMs = Number(env.FLY_TOKEN_ROTATOR_RETRY_BASE_MS) || undefined;
  const timeoutMs = spec.requestTimeoutMs;
  // One deadline for the whole run, from now: every request of both clients is cut when it fires.
  const signals = runSignals(
    spec.timeoutMs ?? defaultTimeoutMs(spec.rotations.length, spec.concurrency ?? DEFAULT_CONCURRENCY),
  );
  const signal = signals.run;
  const fly = new FlyClient({
    baseUrl: flyBase,
    token: spec.credentials.fly,
    timeoutMs,
    retryBaseMs,
    signal,
  });
  const clientOptions = {
    baseUrl: githubBase,
    pacing: env.FLY_TOKEN_ROTATOR_GITHUB_PACING !== 'off',
    timeoutMs,
    retryBaseMs,
    signal,
    log: { warning: log.warning, mask: log.mask ?? (() => {}) },
  };
  // With a GitHub App, each target owner gets its own installation token (GHES too: all follow GITHUB_API_URL).
  const app = spec.credentials.githubApp;
  const access = app
    ? appAccess(app, spec.rotations.flatMap((r) => r.targets).filter(isGitHubTarget), clientOptions)
    : tokenAccess(spec.credentials.github, clientOptions);
  const { gitlab, forgejo, commandTimeoutMs } = spec.credentials;
  const rest = { timeoutMs, retryBaseMs, signal };
  return {
    fly,
    signals,
    canRead: (target) =>
      isGitHubTarget(target)
        ? Boolean(spec.credentials.github || app)
        : target.type === 'command' || Boolean(target.type.startsWith('gitlab-') ? gitlab : forgejo),
    github: (target) => access.client(targetOwner(target)),
    ...(gitlab
      ? {
          gitlab: new RestClient({
            ...rest,
            baseUrl: `${apiBaseUrl(gitlab.url, 'gitlab-url')}/api/v4`,
            auth: ['private-token', gitlab.token],
            service: 'gitlab',
            serviceName: 'GitLab',
          }),
        }
      : {}),
    ...(forgejo ? { forgejo: forgejoClient({ ...rest, url: forgejo.url, token: forgejo.token }) } : {}),
    commands: {
      ...(commandTimeoutMs ? { timeoutMs: commandTimeoutMs } : {}),
      log: (line) => log.info?.(line),
    },
    warn: (message) => log.warning(message),
    close: () => access.close(),
  };
}
