// Forgejo's failures in terms of the credential: which scope or role is missing, what must exist. Every message
// passes through scrub(): older Forgejo releases answer an unknown token with "access token does not exist
// [sha: <the token>]", and any answer is remote text, so credential and secret values are cut out of it.
import { ApiError, errorMessage, TransientError } from '../core/errors.js';
import { cutOut } from '../core/mask.js';

/** What a target's errors say the token needs, and what must exist for a 404 to go away. */
export interface Needs {
  /** "the write:repository scope, and its user must own acme/web (…)". */
  needs: string;
  /** "The repository must exist, …" */
  missing: string;
}

const statusOf = (err: unknown) => (err as { status?: number }).status;

/** Ends a message with a full stop, so that a hint can follow it. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Adds what the credential needs to a failed call's error; other failures pass through unchanged. */
export function explain(err: unknown, action: string, hint: Needs): unknown {
  const status = statusOf(err);
  if (status === 401) {
    // Forgejo's own text is dropped: it may quote the token.
    return new ApiError(
      `Forgejo refused the token (HTTP 401) while trying to ${action}: check that it exists and has not expired or been revoked.`,
      'forgejo',
      401,
    );
  }
  if (status === 403) {
    return new ApiError(`${sentence(errorMessage(err))} The token needs ${hint.needs}.`, 'forgejo', 403);
  }
  if (status === 404) {
    return new ApiError(
      `${sentence(errorMessage(err))} ${hint.missing}; the token needs ${hint.needs}.`,
      'forgejo',
      404,
    );
  }
  return err;
}

/** Replaces control characters (a terminal's escape sequences among them) with spaces. */
function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? ' ' : ch;
  }
  return out;
}

/** Cuts every value out of a message (see cutOut), and control characters. */
export function redact(text: string, values: readonly string[]): string {
  return cutOut(printable(text), values);
}

/** The same failure with its message redacted, keeping what callers read: class, status, Retry-After. */
export function scrub(err: unknown, values: readonly string[]): ApiError {
  const message = redact(errorMessage(err), values);
  if (err instanceof TransientError) {
    const copy = new TransientError(message, err.retryAfterMs, 'forgejo');
    const status = statusOf(err);
    return status === undefined ? copy : Object.assign(copy, { status });
  }
  if (err instanceof ApiError) return new ApiError(message, 'forgejo', err.status, err.code);
  return new ApiError(message, 'forgejo', statusOf(err));
}
