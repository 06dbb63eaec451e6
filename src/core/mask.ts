import { ApiError, errorMessage, type Service, statusOf, TransientError } from './errors.js';
import type { Log } from './interfaces.js';
import { printable } from './printable.js';

/** Every form a Fly token could be printed in: whole, without its scheme, and each part of a bundle. */
export function tokenForms(header: string): string[] {
  const bare = header.replace(/^(FlyV1|Bearer)\s+/i, '');
  // A bundle (`FlyV1 fm2_a,fm2_b`) works with any of its parts, so each part is a secret of its own.
  const parts = bare
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return [...new Set([header, bare, ...parts])];
}

/** Masks a Fly token in every form it could be printed in. */
export function maskToken(header: string, log: Pick<Log, 'mask'>): void {
  for (const form of tokenForms(header)) log.mask(form);
}

/**
 * Cuts secret values out of a text, longest first so that a token goes whole rather than around a part of it.
 * Values shorter than 6 characters are not worth mangling ordinary text for.
 */
export function cutOut(text: string, values: readonly string[], replacement = '***'): string {
  let out = text;
  for (const v of [...values].sort((a, b) => b.length - a.length)) {
    if (v.length >= 6) out = out.split(v).join(replacement);
  }
  return out;
}

/**
 * A server's text as a message may quote it: every value cut out (see cutOut), then printable on one line
 * (./printable.ts), whatever the server put in its answer.
 */
export function scrubText(text: string, values: readonly string[], replacement?: string): string {
  return printable(cutOut(text, values, replacement));
}

/**
 * The same failure with its message scrubbed (see scrubText), keeping what callers read: class (ApiError or
 * TransientError), service, status, code and Retry-After. Anything else becomes an ApiError of `service`.
 */
export function scrubError(
  err: unknown,
  values: readonly string[],
  service: Service,
  replacement?: string,
): ApiError {
  const message = scrubText(errorMessage(err), values, replacement);
  const status = statusOf(err);
  if (err instanceof TransientError) {
    const copy = new TransientError(message, err.retryAfterMs, err.service);
    return status === undefined ? copy : Object.assign(copy, { status });
  }
  if (err instanceof ApiError) return new ApiError(message, err.service, status, err.code);
  return new ApiError(message, service, status);
}
