import { ApiError } from '../core/errors.js';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

const AUTH_TOKEN_HELP =
  'Use a Fly auth token: a personal access token from https://fly.io/user/personal_access_tokens or the output of `fly auth token`. ' +
  'Deploy and org tokens (`fly tokens create deploy|org`) cannot mint or revoke tokens.';

/** Turns Fly's GraphQL errors into one message that says what went wrong and which credential is needed. */
export function flyGraphQLError(errors: GraphQLErrorBody[], context: string): ApiError {
  const first = errors[0] ?? { message: 'unknown error' };
  const code = first.extensions?.code;
  const text = first.message;
  if (/not authorized to access (createlimitedaccesstoken|deletelimitedaccesstoken)/i.test(text)) {
    return new ApiError(
      `Fly refused to ${context}: fly-api-token is not allowed to manage tokens. ${AUTH_TOKEN_HELP}`,
      'fly',
      200,
      'FORBIDDEN',
    );
  }
  if (code === 'UNAUTHORIZED' || /must be authenticated|unauthorized/i.test(text)) {
    return new ApiError(
      `Fly rejected fly-api-token while trying to ${context} (unknown, expired or revoked credential). ${AUTH_TOKEN_HELP}`,
      'fly',
      200,
      'UNAUTHORIZED',
    );
  }
  const app = /Could not find App "?([^"]*)"?/i.exec(text);
  if (app) {
    return new ApiError(
      `Fly app "${app[1]}" was not found, or fly-api-token cannot see it (while trying to ${context}).`,
      'fly',
      200,
      'NOT_FOUND',
    );
  }
  if (code === 'NOT_FOUND') {
    return new ApiError(
      `Fly could not find what was asked while trying to ${context}: ${text}`,
      'fly',
      200,
      'NOT_FOUND',
    );
  }
  return new ApiError(`Fly refused to ${context}: ${text}${code ? ` (${code})` : ''}`, 'fly', 200, code);
}

/** For answers that never reached GraphQL: HTTP errors, proxies' HTML pages, broken JSON. */
export function flyHttpError(status: number, bodyText: string, context: string): ApiError {
  if (status === 401 || status === 403) {
    return new ApiError(
      `Fly rejected fly-api-token (HTTP ${status}) while trying to ${context}. ${AUTH_TOKEN_HELP}`,
      'fly',
      status,
      'UNAUTHORIZED',
    );
  }
  const snippet = bodyText.replace(/\s+/g, ' ').slice(0, 120);
  return new ApiError(
    `Fly API answered HTTP ${status} while trying to ${context}${snippet ? `: ${snippet}` : ''}`,
    'fly',
    status,
  );
}
