// Whether a Fly token still works: the one test every reader of a token listing uses.
import type { FlyToken } from './interfaces.js';

/** Not revoked, and not past its expiry at `now` (ms). */
export function isLive(t: Pick<FlyToken, 'revokedAt' | 'expiresAt'>, now = Date.now()): boolean {
  return !t.revokedAt && Date.parse(t.expiresAt) > now;
}

/** Why a token that is not live stopped working, for messages: "revoked at …" or "expired at …". */
export function endedAt(t: Pick<FlyToken, 'revokedAt' | 'expiresAt'>): string {
  return t.revokedAt ? `revoked at ${t.revokedAt}` : `expired at ${t.expiresAt}`;
}
