// Turns failed GitLab calls into messages about the credential (which scope and role are missing, on which
// project or group), and keeps the token being written out of every message, whatever a server echoes.

import { ApiError, statusOf } from '../core/errors.js';

/** A failure that proves what happened (a read-back that disagrees, a scope GitLab dropped): never ambiguous. */
export class GitLabCheckError extends ApiError {
  constructor(
    message: string,
    /** What was written was taken back: the target holds what it held before. */
    readonly undone = false,
  ) {
    super(message, 'gitlab');
  }
}

/** Is this GitLab's "no such variable" (as opposed to no such project or group)? */
export function variableMissing(err: unknown): boolean {
  return statusOf(err) === 404 && /\b(Group)?Variable Not Found\b/.test((err as Error).message);
}

/**
 * Explains a failed call: 401 is the token itself, 403 a missing scope or role, 404 a path that does not exist
 * or is not visible to the token. `requirement` reads "… with scope api and the Owner role on group acme".
 * Transient errors are returned as they are, so callers still see them as such.
 */
export function gitlabError(err: unknown, requirement: string): unknown {
  if (!(err instanceof ApiError) || err.status === undefined || err.status >= 500) return err;
  const status = err.status;
  let hint = '';
  if (status === 401) {
    hint = ' GitLab did not accept the token: check that it exists, has not expired and was not revoked.';
  } else if (status === 403 && /insufficient_scope/.test(err.message)) {
    hint = ` The token lacks the api scope (read_api can only read); it must be ${requirement}.`;
  } else if (status === 403) {
    hint = ` It must be ${requirement}.`;
  } else if (status === 404) {
    hint = ` The path must exist and be visible to the token, which must be ${requirement}.`;
  } else if (/masked and hidden/i.test(err.message)) {
    // With raw, GitLab masks any value of at least 8 characters without whitespace (`\A\S{8,}\z`), commas
    // included; the Fly token is maskable without its `FlyV1 ` scheme, the form a masked target stores.
    hint =
      ' The variable is masked and hidden, and GitLab never lets a hidden variable change whether it is masked. ' +
      'GitLab masks a raw value of 8 or more characters without whitespace (commas allowed), so set masked: true ' +
      'for this target: it then stores the token without its FlyV1 scheme (which flyctl and Fly accept) and the ' +
      'variable stays hidden. Or delete the variable in GitLab and the next run creates it.';
  }
  return hint ? new ApiError(`${err.message}.${hint}`, 'gitlab', status) : err;
}
