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
  /** Base of the backoff for 5xx and connection failures (ms): waits are 1, 4, 9… times this. */
  retryBaseMs?: number;
  log?: { warning(message: string): void };
}

// The plugin added last wraps outermost: throttling must see a rate limit first, to wait what Retry-After says.
const RotatorOctokit = Octokit.plugin(throttling, retry);

/** A throttling group that runs every job at once: the 1 s write spacing, without the spacing. */
const unpaced = {
  key: () => ({
    schedule: <A extends unknown[], R>(_opts: unknown, fn: (...args: A) => R, ...args: A) =>
      Promise.resolve().then(() => fn(...args)),
  }),
};

/**
 * One REST client per credential: retries transient failures (5xx, resets, 429) with bounded backoff,
 * waits out rate limits as long as GitHub's Retry-After says, paces writes, and times out every request.
 * With pacing off the throttling plugin stays on, so rate limits are handled exactly as in production.
 */
export function createGitHub(options: GitHubOptions): GitHub {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 3;
  const retryOnLimit =
    (what: string) => (after: number, req: { method: string; url: string }, _o: unknown, count: number) => {
      if (after > 120) {
        options.log?.warning(
          `GitHub ${what} on ${req.method} ${req.url} asks to wait ${after} s; giving up.`,
        );
        return false;
      }
      options.log?.warning(`GitHub ${what} on ${req.method} ${req.url}; retrying in ${after} s.`);
      return count < retries;
    };
  return new RotatorOctokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'fly-token-rotator',
    retry: {
      retries,
      retryAfterBaseValue: options.retryBaseMs ?? 1000,
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
    },
    throttle: {
      onRateLimit: retryOnLimit('rate limit'),
      onSecondaryRateLimit: retryOnLimit('secondary rate limit'),
      fallbackSecondaryRateRetryAfter: 5,
      // Duck-typed groups: the plugin only calls key().schedule() on them.
      ...(options.pacing ? {} : ({ write: unpaced, notifications: unpaced } as object)),
    },
    request: { fetch: (url: string | URL, init?: RequestInit) => fetchChecked(url, init, timeoutMs) },
  });
}

/**
 * fetch with a timeout that also refuses a JSON answer that does not parse (a proxy cutting a reply short).
 * Octokit would hand such a body over as a string; thrown here, it becomes a retried network error instead.
 */
async function fetchChecked(
  url: string | URL,
  init: RequestInit | undefined,
  timeoutMs: number,
): Promise<Response> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  if (!/\bjson\b/i.test(res.headers.get('content-type') ?? '')) return res;
  const text = await res.text();
  if (text !== '') {
    try {
      JSON.parse(text);
    } catch {
      throw new Error(`GitHub sent HTTP ${res.status} with a body that is not valid JSON`);
    }
  }
  return new Response([204, 205, 304].includes(res.status) ? null : text, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
}
