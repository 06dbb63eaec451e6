// GitHub's error bodies and the headers every api.github.com answer carries.
import { randomBytes } from 'node:crypto';
import type { Reply } from '../http.js';

export const DOCS_ROOT = 'https://docs.github.com/rest';
export const API_VERSION = '2022-11-28';

/** Thrown by access checks and handlers; the router turns it into GitHub's error reply. */
export class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorReply(status: number, message: string, docs = DOCS_ROOT, headers = {}): Reply {
  return { status, body: { message, documentation_url: docs, status: String(status) }, headers };
}

export const notFound = (): GitHubError => new GitHubError(404, 'Not Found');
export const badCredentials = (): GitHubError => new GitHubError(401, 'Bad credentials');

/** Request ids look like `C3A4:1F2B07:9E41C2:A0B3D4:6650F1C2`. */
export function requestId(): string {
  const hex = (n: number) => randomBytes(n).toString('hex').toUpperCase();
  return [hex(2), hex(3), hex(3), hex(3), hex(4)].join(':');
}

export function standardHeaders(): Record<string, string> {
  return {
    'x-github-request-id': requestId(),
    'x-github-api-version-selected': API_VERSION,
    'x-github-media-type': 'github.v3; format=json',
    'x-content-type-options': 'nosniff',
    server: 'github.com',
  };
}

interface Bucket {
  limit: number;
  used: number;
  resetAt: number;
}

/** Per-credential primary rate limit of the `core` resource, with GitHub's hourly window. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** Counts one request; returns the headers and whether the credential was already out of requests. */
  take(key: string, limit: number, now = Date.now()): { headers: Record<string, string>; exceeded: boolean } {
    let b = this.buckets.get(key);
    if (!b || b.resetAt <= now) {
      b = { limit, used: 0, resetAt: now + 3600_000 };
      this.buckets.set(key, b);
    }
    const exceeded = b.used >= b.limit;
    if (!exceeded) b.used += 1;
    return {
      exceeded,
      headers: {
        'x-ratelimit-limit': String(b.limit),
        'x-ratelimit-remaining': String(b.limit - b.used),
        'x-ratelimit-reset': String(Math.floor(b.resetAt / 1000)),
        'x-ratelimit-used': String(b.used),
        'x-ratelimit-resource': 'core',
      },
    };
  }

  /** Test helper: leave `remaining` requests in the credential's current window. */
  setRemaining(key: string, limit: number, remaining: number, now = Date.now()): void {
    const b = this.buckets.get(key);
    const resetAt = b && b.resetAt > now ? b.resetAt : now + 3600_000;
    this.buckets.set(key, { limit, used: Math.max(0, limit - remaining), resetAt });
  }
}
