import { expect, test } from '@jest/globals';
import { provenCurrent } from '../../../src/core/held.js';
import type { FlyToken } from '../../../src/core/interfaces.js';
import { endedAt, isLive } from '../../../src/core/live.js';
import { managedTokens } from '../../../src/core/sweep.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const token = (over: Partial<FlyToken>): FlyToken => ({
  id: 'tok_a',
  name: 'managed',
  createdAt: '2026-05-01T00:00:00Z',
  expiresAt: '2026-07-01T00:00:00Z',
  revokedAt: null,
  ...over,
});

test('a token is live until it is revoked or its expiry has come', () => {
  expect(isLive(token({}), NOW)).toBe(true);
  expect(isLive(token({ revokedAt: '2026-05-02T00:00:00Z' }), NOW)).toBe(false);
  expect(isLive(token({ expiresAt: '2026-06-01T00:00:00Z' }), NOW)).toBe(false);
  expect(endedAt(token({ revokedAt: '2026-05-02T00:00:00Z' }))).toBe('revoked at 2026-05-02T00:00:00Z');
  expect(endedAt(token({ expiresAt: '2026-05-30T00:00:00Z' }))).toBe('expired at 2026-05-30T00:00:00Z');
});

test('an expiry that cannot be read is not live, for every reader alike', () => {
  // Before the test was shared, provenCurrent and the held check took such a token for a valid one while the
  // sweep and the holdings did not.
  const odd = token({ expiresAt: 'soon' });
  expect(isLive(odd, NOW)).toBe(false);
  expect(managedTokens([odd], 'managed', NOW)).toEqual([]);
  expect(provenCurrent([{ target: 'x', proof: 'use', token: odd, possible: [odd] }], NOW)).toMatchObject({
    why: expect.stringContaining('no longer valid'),
  });
});
