// Forgejo's error bodies. Most errors are `{message, url}` (url: the instance's Swagger page); a 404 from a
// lookup adds `errors`, and a 500 hides its message from anyone but a site administrator.
import type { Reply } from '../http.js';

/** Thrown by access checks and handlers; the router turns it into Forgejo's error body. */
export class ForgejoError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Set for 404s: Forgejo lists the underlying errors beside its generic message. */
    readonly errors?: string[],
  ) {
    super(message);
  }
}

/** Forgejo's English text for a plain 404 (locale key error.not_found). */
export const NOT_FOUND_MESSAGE = "The target couldn't be found.";

export const notFound = (message = NOT_FOUND_MESSAGE, errors: string[] = []): ForgejoError =>
  new ForgejoError(404, message, errors);

export function errorReply(err: ForgejoError, swaggerUrl: string): Reply {
  const body: Record<string, unknown> = { message: err.message, url: swaggerUrl };
  if (err.errors) body.errors = err.errors;
  return { status: err.status, body };
}
