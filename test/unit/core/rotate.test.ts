import { describe, expect, test } from '@jest/globals';
import { rotate } from '../../../src/core/rotate.js';
import { RotationError } from '../../../src/core/rotation.js';
import { managedTokens } from '../../../src/core/sweep.js';
import { FakeIssuer, FakeTarget, memoryLog, writerFor } from '../fakes.js';

const NAME = 'managed';
const input = { tokenName: NAME, expiry: '168h0m0s', keepPrevious: 0 };

describe('rotate', () => {
  test('first rotation: mints, stores, verifies; nothing to revoke', async () => {
    const fly = new FakeIssuer();
    const target = new FakeTarget('repo');
    const log = memoryLog();
    const r = await rotate(input, fly, writerFor([target]), log);
    expect(r.token.id).toBe('tok1');
    expect(r.stored.map((s) => s.result)).toEqual(['created']);
    expect(r.revoked).toEqual([]);
    expect(log.masked).toContain('FlyV1 fm2_secret-tok1');
    expect(log.masked).toContain('fm2_secret-tok1');
    expect(log.lines.join('\n')).not.toContain('secret-tok1');
  });

  test('revokes the previous managed tokens, never others or the new one', async () => {
    const fly = new FakeIssuer();
    const [old1, old2] = fly.seed(NAME, 2);
    const [other] = fly.seed('someone else');
    const r = await rotate(input, fly, writerFor([new FakeTarget('repo')]), memoryLog());
    expect(r.revoked.sort()).toEqual([old1, old2]);
    expect(fly.valid(other)).toBe(true);
    expect(fly.valid(r.token.id)).toBe(true);
  });

  test('keep-previous keeps the newest previous tokens', async () => {
    const fly = new FakeIssuer();
    const [a, b, c] = fly.seed(NAME, 3);
    const r = await rotate(
      { ...input, keepPrevious: 2 },
      fly,
      writerFor([new FakeTarget('repo')]),
      memoryLog(),
    );
    expect(r.revoked).toEqual([a]);
    expect(r.kept).toEqual([b, c]);
  });

  test('a public key that cannot be read stops the run before anything is minted', async () => {
    const fly = new FakeIssuer();
    const target = new FakeTarget('repo');
    target.failKey = new Error('403');
    await expect(rotate(input, fly, writerFor([target]), memoryLog())).rejects.toThrow('403');
    expect(fly.calls).not.toContain('mint');
  });

  test('storing fails everywhere: the new token is revoked and the old one kept', async () => {
    const fly = new FakeIssuer();
    const [old] = fly.seed(NAME);
    const target = new FakeTarget('repo');
    // A 4xx proves the write did not happen, so taking the new token back is safe.
    target.failWrite = Object.assign(new Error('boom'), { status: 422 });
    const err = await rotate(input, fly, writerFor([target]), memoryLog()).catch((e) => e);
    expect(err).toBeInstanceOf(RotationError);
    expect(err.message).toMatch(/nothing changed.*was revoked.*boom/);
    const minted = fly.tokens.at(-1)!;
    expect(fly.valid(minted.id)).toBe(false);
    expect(fly.valid(old)).toBe(true);
  });

  test('storing fails for some targets: nothing is revoked and the message names them', async () => {
    const fly = new FakeIssuer();
    const [old] = fly.seed(NAME);
    const good = new FakeTarget('good');
    const bad = new FakeTarget('bad');
    bad.failWrite = new Error('nope');
    const err = await rotate(input, fly, writerFor([good, bad]), memoryLog()).catch((e) => e);
    expect(err.message).toMatch(/written to 1 of 2 targets; bad still hold/);
    expect(fly.valid(old)).toBe(true);
    expect(fly.valid(fly.tokens.at(-1)!.id)).toBe(true);
  });

  test('verification failure keeps the previous token', async () => {
    const fly = new FakeIssuer();
    const [old] = fly.seed(NAME);
    fly.fail.verify = new Error('UNAUTHORIZED');
    await expect(rotate(input, fly, writerFor([new FakeTarget('repo')]), memoryLog())).rejects.toThrow(
      /previous token was kept/,
    );
    expect(fly.valid(old)).toBe(true);
  });

  test('one public key request per key scope, one write per target', async () => {
    const fly = new FakeIssuer();
    const a = new FakeTarget('a', 'shared');
    const b = new FakeTarget('b', 'shared');
    const c = new FakeTarget('c', 'own');
    await rotate(input, fly, writerFor([a, b, c]), memoryLog());
    expect(a.keyFetches + b.keyFetches).toBe(1);
    expect(c.keyFetches).toBe(1);
    expect([a.writes, b.writes, c.writes]).toEqual([1, 1, 1]);
  });

  test('a token minted by a concurrent run after ours stops revocation', async () => {
    const fly = new FakeIssuer();
    const [old] = fly.seed(NAME);
    const target = new FakeTarget('repo');
    const realVerify = fly.verify.bind(fly);
    fly.verify = async (h) => {
      fly.seed(NAME); // another run mints while we store
      return realVerify(h);
    };
    const r = await rotate(input, fly, writerFor([target]), memoryLog());
    expect(r.revoked).toEqual([]);
    expect(r.revocationSkipped).toMatch(/another rotation/);
    expect(fly.valid(old)).toBe(true);
  });
});

test('managedTokens ignores revoked, expired and foreign tokens', () => {
  const t = (id: string, name: string, created: string, extra = {}) => ({
    id,
    name,
    createdAt: created,
    expiresAt: '2100-01-01T00:00:00Z',
    revokedAt: null,
    ...extra,
  });
  const list = [
    t('b', 'm', '2026-01-02T00:00:00Z'),
    t('a', 'm', '2026-01-01T00:00:00Z'),
    t('r', 'm', '2026-01-03T00:00:00Z', { revokedAt: '2026-01-04T00:00:00Z' }),
    t('e', 'm', '2026-01-03T00:00:00Z', { expiresAt: '2000-01-01T00:00:00Z' }),
    t('x', 'other', '2026-01-03T00:00:00Z'),
  ];
  expect(managedTokens(list, 'm').map((x) => x.id)).toEqual(['a', 'b']);
});
