// Forgejo's failures in terms of the credential: which scope or role is missing, what must exist. Every message
// passes through scrubError (../core/mask.ts): older Forgejo releases answer an unknown token with "access token
// does not exist [sha: <the token>]", and any answer is remote text, so credential and secret values are cut out
// of it.
import { ApiError, errorMessage, statusOf } from '../core/errors.js';

/** What a target's errors say the token needs, and what must exist for a 404 to go away. */
export interface Needs {
  /** "the write:repository scope, and its user must own acme/web (…)". */
  needs: string;
  /** "The repository must exist, …" */
  missing: string;
}

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
