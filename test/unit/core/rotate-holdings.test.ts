// Which token a target holds (from updated_at), run identities in token names, and the run's time budget.
import { describe, expect, test } from '@jest/globals';
import { parseArgs } from '../../../src/cli/args.js';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_TIMEOUT_MS,
  defaultTimeoutMs,
  runBudget,
} from '../../../src/core/budget.js';
import { InputError } from '../../../src/core/errors.js';
import { holdingFrom, holdingOf } from '../../../src/core/holdings.js';
import { isManagedName, runIdentity, runLabel, runTokenName } from '../../../src/core/names.js';
import { managedTokens } from '../../../src/core/sweep.js';
import { parseTimeout } from '../../../src/inputs/run-options.js';

const at = (s: number) => new Date(Date.parse('2026-03-01T12:00:00Z') + s * 1000).toISOString();
const tok = (id: string, createdS: number) => ({
  id,
  name: 'm',
  createdAt: at(createdS),
  expiresAt: at(86_400),
  revokedAt: null,
});

describe('holdingOf', () => {
  const tokens = [tok('a', 0), tok('b', 600), tok('c', 1200)];

  test('a target holds the newest token minted before its last write; the one before it is not held', () => {
    // The usual run: c minted, the secret written a second later.
    const h = holdingOf('t', at(1201), tokens);
    expect(h.token?.id).toBe('c');
    expect(h.possible.map((t) => t.id)).toEqual(['c']);
    expect(holdingOf('t', at(700), tokens).token?.id).toBe('b');
  });

  test("Fly's clock a little ahead of GitHub's: the token minted just before the write is still the held one", () => {
    const h = holdingOf('t', at(1200 - 3), tokens);
    expect(h.token?.id).toBe('c');
  });

  test("a token that looks minted just after the write may be a concurrent run's: both it and the one before are protected", () => {
    const h = holdingOf('t', at(1200 - 2), tokens);
    expect(h.possible.map((t) => t.id)).toEqual(['b', 'c']);
  });

  test('a token minted well after the write is not held (an orphan of a failed store)', () => {
    const h = holdingOf('t', at(1200 - 60), tokens);
    expect(h.token?.id).toBe('b');
    expect(h.possible.map((t) => t.id)).toEqual(['b']);
  });

  test('a secret written before any managed token, or missing, holds none', () => {
    expect(holdingOf('t', at(-60), tokens).token).toBeUndefined();
    expect(holdingOf('t', undefined, tokens).possible).toEqual([]);
  });

  test('holdings: read-back names its token; a target that proves nothing may hold any valid managed token', () => {
    const tokens = [tok('a', 10), tok('b', 20), { ...tok('c', 30), revokedAt: at(40) }];
    expect(holdingFrom('gl', { proof: 'read-back', exists: true, tokenId: 'a' }, tokens)).toMatchObject({
      token: { id: 'a' },
      possible: [{ id: 'a' }],
    });
    expect(holdingFrom('gl', { proof: 'read-back', exists: false }, tokens).possible).toEqual([]);
    const cmd = holdingFrom('cmd', { proof: 'none' }, tokens, Date.parse(at(50)));
    expect(cmd.unproven).toBe(true);
    expect(cmd.token?.id).toBe('b');
    expect(cmd.possible.map((t) => t.id)).toEqual(['a', 'b']);
    expect(holdingFrom('fj', { proof: 'none', exists: false }, tokens).possible).toEqual([]);
  });
});

describe('token names carry the run', () => {
  test('a GitHub run is named by run id and attempt, the CLI as cli, each with a nonce', () => {
    expect(runLabel({ GITHUB_RUN_ID: '123456', GITHUB_RUN_ATTEMPT: '2' })).toBe('run 123456/2');
    expect(runLabel({})).toBe('cli');
    expect(runLabel({ GITHUB_RUN_ID: '12; rm' })).toBe('cli');
    expect(runTokenName('fly-token-rotator acme/web', runIdentity('run 1/1', 'abc123'))).toBe(
      'fly-token-rotator acme/web · run 1/1 abc123',
    );
    expect(runIdentity('cli')).toMatch(/^cli [0-9a-f]{6}$/);
  });

  test('tokens named by the plain prefix (older releases) and by prefix · run are managed; others are not', () => {
    expect(isManagedName('app', 'app')).toBe(true);
    expect(isManagedName('app · run 1/1 abc123', 'app')).toBe(true);
    expect(isManagedName('app-other', 'app')).toBe(false);
    expect(isManagedName('app2 · run 1/1 abc123', 'app')).toBe(false);
    const list = [tok('x', 0), { ...tok('y', 1), name: 'm · cli 000000' }, { ...tok('z', 2), name: 'mm' }];
    expect(managedTokens(list, 'm', Date.parse(at(10))).map((t) => t.id)).toEqual(['x', 'y']);
  });

  test('a name over 200 characters is refused before anything is minted, saying how long the prefix may be', () => {
    expect(() => runTokenName('x'.repeat(195), 'cli abcdef')).toThrow(InputError);
    expect(() => runTokenName('x'.repeat(195), 'cli abcdef')).toThrow(/at most 187 characters/);
  });
});

describe('the run budget', () => {
  test('the default run, every API hanging, ends within 60 s with time kept for cleanup', () => {
    const b = runBudget(DEFAULT_TIMEOUT_MS);
    expect(b.totalMs).toBeLessThanOrEqual(55_000);
    // Cleanup (revoking this run's own tokens, re-reading a target) gets at least one full request.
    expect(b.totalMs - b.workMs).toBeGreaterThanOrEqual(DEFAULT_REQUEST_TIMEOUT_MS);
    // A hung request is retried at least once before the work deadline.
    expect(2 * DEFAULT_REQUEST_TIMEOUT_MS).toBeLessThan(b.workMs);
    expect(defaultTimeoutMs(1, 8)).toBe(DEFAULT_TIMEOUT_MS);
  });

  test('a config with more rotations than run at once gets the default per batch', () => {
    expect(defaultTimeoutMs(20, 8)).toBe(3 * DEFAULT_TIMEOUT_MS);
  });

  test('the CLI takes --timeout like the action input', () => {
    expect(parseArgs(['--timeout', '3'], {}).get('timeout')).toBe('3');
  });

  test('a short timeout keeps a quarter of itself for cleanup', () => {
    expect(runBudget(4000)).toEqual({ workMs: 3000, totalMs: 4000 });
  });

  test('timeout accepts seconds and minutes and refuses the rest', () => {
    expect(parseTimeout('90')).toBe(90_000);
    expect(parseTimeout('2.5s')).toBe(2500);
    expect(parseTimeout('5m')).toBe(300_000);
    expect(() => parseTimeout('0')).toThrow(/Expected seconds or minutes between 1s and 6h/);
    expect(() => parseTimeout('1h')).toThrow(InputError);
  });
});
