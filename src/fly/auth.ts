import { InputError } from '../core/errors.js';

const MACAROON = /^(fm1r|fm1a|fm2)_/;

/** Removes a pasted `FlyV1 ` or `Bearer ` scheme and surrounding white space. */
export function bareToken(token: string): string {
  return token
    .trim()
    .replace(/^(FlyV1|Bearer)\s+/i, '')
    .trim();
}

/** True when the token is a Fly macaroon bundle (`fm2_…`, possibly with discharges after commas). */
export function isMacaroon(token: string): boolean {
  return MACAROON.test(bareToken(token));
}

/**
 * Builds the Authorization header the way flyctl does: macaroons go as `FlyV1 <bundle>`,
 * older opaque personal tokens as `Bearer <token>`.
 */
export function authorizationHeader(token: string, what = 'fly-api-token'): string {
  const bare = bareToken(token);
  if (bare === '')
    throw new InputError(
      `${what} is empty. Expected a Fly auth token (FlyV1 fm2_… or a personal access token).`,
    );
  if (/\s/.test(bare))
    throw new InputError(
      `${what} contains white space inside the token. Expected one token, optionally prefixed by "FlyV1 ".`,
    );
  return isMacaroon(bare) ? `FlyV1 ${bare}` : `Bearer ${bare}`;
}
