// GitLab's error bodies, which come in three shapes: `{"message": "404 Project Not Found"}` from the API's own
// helpers, `{"message": {"key": ["…"]}}` from model validation, and `{"error": "key is missing"}` from Grape's
// parameter checks (plus the OAuth-style body of a token without the scope).
import { randomUUID } from 'node:crypto';
import type { Reply } from '../http.js';

/** Thrown by handlers; the router turns it into the reply. */
export class GitLabError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

export const unauthorized = () => new GitLabError(401, { message: '401 Unauthorized' });
export const forbidden = () => new GitLabError(403, { message: '403 Forbidden' });
/** `what` is GitLab's model name: `Project`, `Group`, `Variable`, `GroupVariable`. */
export const notFound = (what: string) => new GitLabError(404, { message: `404 ${what} Not Found` });
/** Grape's parameter errors: every problem, joined. */
export const badParams = (problems: string[]) => new GitLabError(400, { error: problems.join(', ') });
/** Model validation errors, keyed by attribute (`base` for the record as a whole). */
export const invalid = (errors: Record<string, string[]>) => new GitLabError(400, { message: errors });

/** What a token without `api` (or `read_api` for a read) gets, before any resource is looked at. */
export const insufficientScope = (scope: string) =>
  new GitLabError(403, {
    error: 'insufficient_scope',
    error_description: 'The request requires higher privileges than provided by the access token.',
    scope,
  });

export function reply(status: number, body?: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    body,
    headers: { 'x-request-id': randomUUID().replace(/-/g, '').slice(0, 26), ...headers },
  };
}
