// A small JSON REST client over apiFetch for the secret stores that have no official client here (GitLab,
// Forgejo/Gitea): one credential header, a per-request timeout under the run's deadline, and retries with
// backoff for requests that are safe to repeat. Errors say which call failed and carry the HTTP status.
import { remainingMs, sleepWithin, withRunSignal } from '../core/budget.js';
import { ApiError, errorMessage, type Service, TransientError } from '../core/errors.js';
import { retryableStatus } from '../core/evidence.js';
import type { WriteAnswer } from '../core/interfaces.js';
import { apiFetch, TransportError } from './fetch.js';

/** How every API client here (this one, Fly's) times, repeats and sends its calls. */
export interface ClientOptions {
  /** Each request's own timeout (ms). */
  timeoutMs?: number;
  /** Extra attempts for requests that are safe to repeat (default 3). */
  retries?: number;
  /** First backoff wait (ms), doubled per attempt up to 16×; Retry-After wins when sent. */
  retryBaseMs?: number;
  /** The run's deadline: cuts every request and retry once it fires. */
  signal?: AbortSignal;
  /** The HTTP client; tests may pass their own. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  sleep?: (ms: number) => Promise<void>;
}

export interface RestOptions extends ClientOptions {
  /** API root, e.g. https://gitlab.com/api/v4 (no trailing slash). */
  baseUrl: string;
  /** Header name and value that carry the credential. */
  auth: [name: string, value: string];
  service: Service;
  /** "GitLab", "Forgejo": for messages. */
  serviceName: string;
}

export interface RestRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below baseUrl, already encoded, with its query string. */
  path: string;
  body?: unknown;
  /** "write variable FLY_API_TOKEN of acme/web": what the call is for, in errors. */
  context: string;
  /** POST creates are not repeated after an answer was lost (the caller settles what happened). */
  idempotent?: boolean;
  /** Cuts this request (not its retries' budget) in addition to the run's deadline. */
  signal?: AbortSignal;
  /** Receives every attempt's answer, in order (a writer's facts for the rule of evidence, core/evidence.ts). */
  answers?: WriteAnswer[];
}

export interface RestResponse<T = unknown> {
  status: number;
  data: T;
  headers: Headers;
}

export class RestClient {
  /** Requests sent, for benchmarks. */
  requests = 0;

  constructor(readonly options: RestOptions) {}

  async request<T = unknown>(req: RestRequest): Promise<RestResponse<T>> {
    const repeatable = req.idempotent ?? req.method !== 'POST';
    return withRetries(() => this.once<T>(req), {
      ...this.options,
      retries: repeatable ? this.options.retries : 0,
      stop: req.signal,
    });
  }

  private async once<T>(req: RestRequest): Promise<RestResponse<T>> {
    const { serviceName, service } = this.options;
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const signal = withRunSignal(this.options.signal, timeoutMs);
    this.requests++;
    let res: Response;
    let text: string;
    try {
      res = await (this.options.fetch ?? apiFetch)(`${this.options.baseUrl}${req.path}`, {
        method: req.method,
        headers: {
          [this.options.auth[0]]: this.options.auth[1],
          accept: 'application/json',
          'user-agent': 'fly-token-rotator',
          ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
        signal: req.signal ? AbortSignal.any([signal, req.signal]) : signal,
      });
      text = await res.text();
    } catch (err) {
      req.answers?.push(
        err instanceof TransportError
          ? { lost: 'bad-reply' }
          : {
              lost:
                (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError'
                  ? 'timeout'
                  : 'reset',
            },
      );
      if (err instanceof TransportError)
        throw new ApiError(`${serviceName} API, trying to ${req.context}: ${err.message}`, service);
      const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      throw new TransientError(
        this.options.signal?.aborted
          ? `The run's timeout ran out while waiting for ${serviceName} to ${req.context}.`
          : timedOut
            ? `${serviceName} did not answer within ${timeoutMs} ms while trying to ${req.context}.`
            : `Could not reach ${serviceName} while trying to ${req.context}: ${errorMessage((err as Error).cause ?? err)}`,
        undefined,
        service,
      );
    }
    req.answers?.push({ status: res.status });
    if (retryableStatus(res.status)) {
      const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
      const error = new TransientError(
        `${serviceName} answered HTTP ${res.status} while trying to ${req.context}${snippet(text)}`,
        Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
        service,
      );
      Object.assign(error, { status: res.status });
      throw error;
    }
    let data: unknown;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch {
        // A 2xx that is not JSON proves nothing (a proxy's page): the same as no answer.
        if (res.ok) {
          req.answers?.splice(-1, 1, { lost: 'bad-reply' });
          throw new TransientError(
            `${serviceName} sent a reply that is not JSON while trying to ${req.context}.`,
            undefined,
            service,
          );
        }
      }
    }
    if (!res.ok) {
      throw new ApiError(
        `${serviceName} answered HTTP ${res.status} while trying to ${req.context}${snippet(messageOf(data) ?? text)}`,
        service,
        res.status,
      );
    }
    return { status: res.status, data: data as T, headers: res.headers };
  }
}

/** The `message` or `error` of a JSON error body, as the APIs send them. */
function messageOf(data: unknown): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const { message, error } = data as { message?: unknown; error?: unknown };
  const m = message ?? error;
  return m === undefined ? undefined : typeof m === 'string' ? m : JSON.stringify(m);
}

function snippet(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return s ? `: ${s}` : '';
}

export interface RetryOptions {
  /** Extra attempts (default 3); 0 for a call that is not safe to repeat. */
  retries?: number;
  /** First backoff wait (ms), doubled per attempt up to 16×; Retry-After wins when sent. */
  retryBaseMs?: number;
  /** The run's deadline, and (`stop`) the call's own signal: once either fires, no attempt follows. */
  signal?: AbortSignal;
  stop?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
}

/** Runs `call` until it succeeds, fails for good (not a TransientError), or the attempts are spent. */
export async function withRetries<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = 1 + (options.retries ?? 3);
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await call();
    } catch (err) {
      last = err;
      const wait = retryDelay(err, attempt, options.retryBaseMs ?? 250);
      // A wait that cannot fit before the deadline means giving up now, with time left to settle what is known.
      if (attempt === attempts || wait === undefined || wait >= remainingMs(options.signal, options.stop))
        break;
      await (options.sleep ?? ((ms: number) => sleepWithin(ms, options.signal, options.stop)))(wait);
      if (options.signal?.aborted || options.stop?.aborted) break;
    }
  }
  throw last;
}

/** How long to wait before the next attempt, or undefined when the error is final. */
export function retryDelay(err: unknown, attempt: number, baseMs: number): number | undefined {
  if (!(err instanceof TransientError)) return undefined;
  if (err.retryAfterMs !== undefined) return Math.min(err.retryAfterMs, 60_000);
  return baseMs * 2 ** Math.min(attempt - 1, 4);
}
