import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHub = InstanceType<typeof Octokit>;

export interface GitHubOptions {
  token: string;
  baseUrl: string;
  /** GitHub asks integrators to space writes ~1 s apart; only tests against an emulator turn this off. */
  pacing: boolean;
  timeoutMs?: number;
  retries?: number;
  log?: { warning(message: string): void };
}

const RotatorOctokit = Octokit.plugin(retry, throttling);

/** One REST client per credential: retries transient failures, paces writes, and times out every request. */
export function createGitHub(options: GitHubOptions): GitHub {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 3;
  const retryOnLimit =
    (what: string) => (after: number, req: { method: string; url: string }, _o: unknown, count: number) => {
      options.log?.warning(`GitHub ${what} on ${req.method} ${req.url}; retrying in ${after} s.`);
      return count < retries;
    };
  return new RotatorOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'fly-token-rotator',
    retry: { retries, doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
    throttle: options.pacing
      ? {
          onRateLimit: retryOnLimit('rate limit'),
          onSecondaryRateLimit: retryOnLimit('secondary rate limit'),
        }
      : { enabled: false },
    request: {
      fetch: (url: string | URL, init?: RequestInit) =>
        fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    },
  });
}
