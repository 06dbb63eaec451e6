import { getOctokit } from '@actions/github';
import type { Octokit } from '@octokit/core';
import type { OctokitOptions } from '@octokit/core/types';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { remainingMs, withRunSignal } from '../core/budget.js';
import type { WriteAnswer } from '../core/interfaces.js';
import { apiFetch, TransportError, withBody } from '../net/fetch.js';

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

/** The throttling plugin's own test for a rate limit it waits out (or gave up on): not ours to retry. */
const rateLimited = (err: { message?: string; response?: { headers?: Record<string, string> } }) =>
  /\bsecondary rate\b/i.test(err.message ?? '') || err.response?.headers?.['x-ratelimit-remaining'] === '0';

/**
 * Tells @octokit/plugin-retry what it cannot see, through its documented per-request `retries` and
 * `retryRequest`. Runs between the throttling plugin (inner) and plugin-retry (outer). A request our transport
 * refused (redirect, oversized answer) is final. A 429 the throttling plugin did not claim waits what
 * Retry-After says: plugin-retry's own wait (1, 4, 9… × base) ignores it, and 429 is in doNotRetry so that
 * plugin-retry passes this verdict on instead of replacing it.
 */
function retryHints(octokit: Octokit, octokitOptions: OctokitOptions) {
  const { retries = 3, retryAfterBaseValue = 1000 } =
    (octokitOptions as { retry?: { retries?: number; retryAfterBaseValue?: number } }).retry ?? {};
  // The run's deadline (see createGitHub), which every wait must fit before.
  const signal = (octokitOptions as { request?: { signal?: AbortSignal } }).request?.signal;
  // Each attempt's answer, for a caller that asks (request.answers): the facts of the rule of evidence.
  octokit.hook.after('request', (response, options) => {
    (options.request as { answers?: WriteAnswer[] }).answers?.push({ status: response.status });
  });
  octokit.hook.error('request', async (error, options) => {
    const request = options.request as {
      retries?: number;
      retryCount?: number;
      signal?: AbortSignal;
      answers?: WriteAnswer[];
    };
    const err = error as Parameters<typeof rateLimited>[0] & { status?: number; cause?: unknown };
    request.answers?.push(
      err.cause instanceof TransportError
        ? { lost: 'bad-reply' }
        : typeof err.status === 'number' && err.response
          ? { status: err.status }
          : { lost: 'reset' },
    );
    // Refused by our transport, or the run's deadline has passed: no retry.
    if (err.cause instanceof TransportError || request.signal?.aborted || signal?.aborted)
      request.retries = 0;
    // No server there (refused) or no such name: one more try covers a blip; three with backoff (14 s) only
    // delay the message.
    if (!err.response && unreachable(err.cause)) request.retries = Math.min(request.retries ?? retries, 1);
    const backoff = ((request.retryCount ?? 0) + 1) ** 2 * retryAfterBaseValue;
    if (err.status === 429 && !rateLimited(err)) {
      const asked = Number(err.response?.headers?.['retry-after']) * 1000;
      const wait = Number.isFinite(asked) && asked > backoff ? Math.min(asked, 120_000) : backoff;
      // A wait that cannot fit before the deadline: give up now and settle what is known (a 429 wrote nothing).
      if (wait >= remainingMs(signal, request.signal)) throw error;
      const { retryRequest } = (octokit as unknown as { retry: RetryApi }).retry;
      throw retryRequest(error as never, request.retries ?? retries, wait / retryAfterBaseValue);
    }
    // plugin-retry's own backoff (5xx, resets) must fit too.
    if (backoff >= remainingMs(signal, request.signal)) request.retries = 0;
    throw error;
  });
}
/** The code of a connection that could not be made, on the fetch error octokit keeps as its cause. */
function unreachable(cause: unknown): boolean {
  const code = (cause as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND';
}
type RetryApi = { retryRequest(error: never, retries: number, retryAfter: number): Error };

/** A throttling group that runs every job at once: the 1 s write spacing, without the spacing. */
const unpaced = {
  key: () => ({
    schedule: <A extends unknown[], R>(_opts: unknown, fn: (...args: A) => R, ...args: A) =>
      Promise.resolve().then(() => fn(...args)),
  }),
};

/**
 * One REST client per credential, from @actions/github: retries transient failures (5xx, resets, timeouts,
 * 429) with bounded backoff through @octokit/plugin-retry, waits out rate limits as long as GitHub's
 * Retry-After says through @octokit/plugin-throttling, paces writes, and times out every request. With pacing
 * off the throttling plugin stays on, so rate limits are handled exactly as in production.
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
      // A wait that cannot fit before the run's deadline: give up now and settle what is known.
      if (after * 1000 >= remainingMs(options.signal)) {
        options.log?.warning(
          `GitHub ${what} on ${req.method} ${req.url} asks to wait ${after} s, longer than the run has left; giving up.`,
        );
        return false;
      }
      options.log?.warning(`GitHub ${what} on ${req.method} ${req.url}; retrying in ${after} s.`);
      return count < retries;
    };
  // Plugins apply in order and the last wraps outermost: throttling sees a rate limit first, then the hints,
  // then plugin-retry.
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      userAgent: 'fly-token-rotator',
      retry: {
        retries,
        retryAfterBaseValue: options.retryBaseMs ?? 1000,
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
      },
      throttle: {
        onRateLimit: retryOnLimit('rate limit'),
        onSecondaryRateLimit: retryOnLimit('secondary rate limit'),
        fallbackSecondaryRateRetryAfter: 5,
        // Duck-typed groups: the plugin only calls key().schedule() on them.
        ...(options.pacing ? {} : ({ write: unpaced, notifications: unpaced } as object)),
      },
      // Our transport instead of the proxy fetch @actions/github sets up (../net/proxy.ts says why): it also
      // refuses redirects and caps bodies.
      request: {
        // A request's own signal (a write cut at the work deadline), the run's deadline, its own timeout.
        fetch: (url: string, init: RequestInit) =>
          fetchChecked(url, init, withRunSignal(anySignal(init.signal, options.signal), timeoutMs)),
        ...(options.signal ? { signal: options.signal } : {}),
      },
    },
    throttling,
    retryHints,
    retry,
  );
}

/**
 * Refuses a JSON answer that does not parse (a proxy cutting a reply short). Octokit would hand such a body
 * over as a string; thrown here, it becomes a network error that plugin-retry retries.
 */
const anySignal = (a?: AbortSignal | null, b?: AbortSignal) => (a && b ? AbortSignal.any([a, b]) : a || b);

async function fetchChecked(url: string, init: RequestInit, signal: AbortSignal): Promise<Response> {
  const res = await apiFetch(url, { ...init, signal });
  if (!/\bjson\b/i.test(res.headers.get('content-type') ?? '')) return res;
  const text = await res.text();
  if (text !== '') {
    try {
      JSON.parse(text);
    } catch {
      throw new Error(`GitHub sent HTTP ${res.status} with a body that is not valid JSON`);
    }
  }
  return withBody(res, text);
}
