import { Octokit } from '@octokit/core';
import type { OctokitOptions } from '@octokit/core/types';
import { throttling } from '@octokit/plugin-throttling';
import { withRunSignal } from '../core/budget.js';
import { type HttpInit, type HttpResponse, httpFetch } from '../http.js';

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
  /** The run's deadline: cuts every request and retry once it fires. */
  signal?: AbortSignal;
}

interface RetryOptions {
  retries: number;
  retryAfterBaseValue: number;
  doNotRetry: number[];
  /** The run's deadline: no retry once it fired. */
  signal?: AbortSignal;
}

/**
 * Retries what may pass on a second try (5xx, lost connections, timeouts: octokit reports those as 500) after
 * 1, 4, 9… × the base delay. @octokit/plugin-retry does the same through a Bottleneck per request, which cost
 * ~5 ms a call on a rotation's critical path.
 */
function retry(octokit: Octokit, octokitOptions: OctokitOptions) {
  const options = (octokitOptions as { retry?: Partial<RetryOptions> }).retry;
  const { retries = 3, retryAfterBaseValue = 1000, doNotRetry = [], signal } = options ?? {};
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(options);
      } catch (err) {
        const { status, response } = err as {
          status?: number;
          response?: { headers?: Record<string, string> };
        };
        if (attempt >= retries || (status !== undefined && doNotRetry.includes(status)) || signal?.aborted)
          throw err;
        // A 429 the throttling plugin did not claim (no rate-limit headers) may still say when to come back.
        const asked = Number(response?.headers?.['retry-after']) * 1000;
        const backoff = (attempt + 1) ** 2 * retryAfterBaseValue;
        const wait = Number.isFinite(asked) && asked > backoff ? Math.min(asked, 120_000) : backoff;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  });
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
 * A throttling group that keeps the plugin's concurrency limit without Bottleneck: its timer-driven scheduling
 * cost ~10 ms per request, twice on a rotation's critical path (public key, write). A finishing job hands its
 * slot straight to the next waiting one, so the limit holds.
 */
export function concurrencyGroup(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const limiter = {
    schedule: async <A extends unknown[], R>(_opts: unknown, fn: (...args: A) => R, ...args: A) => {
      if (running < max) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await fn(...args);
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
    },
  };
  return { key: () => limiter };
}

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
      if (options.signal?.aborted) return false;
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
      signal: options.signal,
    },
    throttle: {
      onRateLimit: retryOnLimit('rate limit'),
      onSecondaryRateLimit: retryOnLimit('secondary rate limit'),
      fallbackSecondaryRateRetryAfter: 5,
      // Duck-typed groups: the plugin only calls key().schedule() on them. The plugin's own limits: at most 10
      // requests at once (1 for auth); with pacing, its Bottleneck groups space writes 1 s apart.
      ...({ global: concurrencyGroup(10), auth: concurrencyGroup(1) } as object),
      ...(options.pacing ? {} : ({ write: unpaced, notifications: unpaced } as object)),
    },
    request: {
      fetch: (url: string, init: HttpInit) =>
        fetchChecked(url, { ...init, signal: withRunSignal(options.signal, timeoutMs) }),
    },
  });
}

/**
 * The HTTP client octokit uses: ours (see ../http.ts), with a timeout, refusing a JSON answer that does not
 * parse (a proxy cutting a reply short). Octokit would hand such a body over as a string; thrown here, it
 * becomes a retried network error instead.
 */
async function fetchChecked(url: string, init: HttpInit): Promise<HttpResponse> {
  const res = await httpFetch(url, init);
  if (!/\bjson\b/i.test(res.headers.get('content-type') ?? '')) return res;
  const text = await res.text();
  if (text !== '') {
    try {
      JSON.parse(text);
    } catch {
      throw new Error(`GitHub sent HTTP ${res.status} with a body that is not valid JSON`);
    }
  }
  return res;
}
