// Proof by use (src/core/held.ts, src/fly/mark.ts, src/inputs/held.ts): the mark a name and a value share,
// matching a held value to a managed token, and joining that with what the store says.

import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  fingerprint,
  markedIdentity,
  markNotBefore,
  markOfNotBefore,
  matchHeld,
  nameMark,
  newMark,
  provenCurrent,
  withUse,
} from '../../../src/core/held.js';
import { type Holding, holdingOf } from '../../../src/core/holdings.js';
import type { FlyToken } from '../../../src/core/interfaces.js';
import { runTokenName } from '../../../src/core/names.js';
import type { RotationSpec } from '../../../src/core/spec.js';
import { FlyClient } from '../../../src/fly/client.js';
import { DeployTokenIssuer } from '../../../src/fly/kinds/app.js';
import { markOf, withMark } from '../../../src/fly/mark.js';
import type { GitHubTargetSpec } from '../../../src/github/spec.js';
import { maskHeld, parseHeld } from '../../../src/inputs/held.js';
import { type FlyEmulator, startFlyEmulator } from '../../emulators/fly/index.js';

const token = (id: string, name: string, createdAt: string, extra: Partial<FlyToken> = {}): FlyToken => ({
  id,
  name,
  createdAt,
  expiresAt: '2099-01-01T00:00:00Z',
  revokedAt: null,
  ...extra,
});

describe('marks', () => {
  test('a mark is 7 hex digits, read back from a name and from a not-before second', () => {
    for (let i = 0; i < 50; i++) {
      const mark = newMark();
      expect(mark).toMatch(/^[0-9a-f]{7}$/);
      expect(
        nameMark(runTokenName('fly-token-rotator acme/web', markedIdentity('run 1/1 abcdef', mark))),
      ).toBe(mark);
      expect(markOfNotBefore(markNotBefore(mark))).toBe(mark);
      // Always long past: the window restricts nothing.
      expect(markNotBefore(mark) * 1000).toBeLessThan(Date.parse('2010-12-31T00:00:00Z'));
    }
    expect(nameMark('fly-token-rotator acme/web · run 1/1 abcdef')).toBeUndefined();
    expect(nameMark('fly-token-rotator acme/web')).toBeUndefined();
    // An ordinary validity window (not-before, flyctl's -x) is no mark.
    expect(markOfNotBefore(Math.floor(Date.parse('2026-01-01T00:00:00Z') / 1000))).toBeUndefined();
  });

  test('the fingerprint hashes the token without its scheme: 12 hex digits, the same with or without FlyV1', () => {
    expect(fingerprint('FlyV1 fm2_abc,fm2_def')).toMatch(/^[0-9a-f]{12}$/);
    expect(fingerprint('FlyV1 fm2_abc,fm2_def')).toBe(fingerprint('fm2_abc,fm2_def'));
    expect(fingerprint('fm2_abc,fm2_def')).not.toBe(fingerprint('fm2_abc'));
  });
});

describe('the mark inside a minted value (Fly emulator)', () => {
  let emu: FlyEmulator;
  let fly: FlyClient;
  beforeAll(async () => {
    emu = await startFlyEmulator();
    fly = new FlyClient({ baseUrl: emu.url, token: emu.seedDemo(), retries: 0 });
  });
  afterAll(() => emu.close());

  test('a name with a mark gives a value with the same mark, which Fly accepts for the app', async () => {
    const issuer = new DeployTokenIssuer(fly, 'acme-web');
    const name = runTokenName('unit', markedIdentity('cli 000001', '1a2b3c4'));
    const t = await issuer.mint(name, '1h0m0s');
    expect(issuer.markOf(t.header)).toBe('1a2b3c4');
    expect(emu.accepts(t.header, { app: 'acme-web' })).toBe(true);
    expect(await issuer.verify(t.header)).toBeUndefined();
    // Fly's own value carries no mark; a name without a mark mints a value without one.
    const record = emu.tokens.find((r) => r.id === t.id)!;
    expect(markOf(record.header)).toBeUndefined();
    const plain = await issuer.mint('unit · cli 000002', '1h0m0s');
    expect(markOf(plain.header)).toBeUndefined();
  });

  test('two different marks in one value match nothing; a value that is no token throws', () => {
    const record = emu.tokens[0];
    const twice = withMark(
      withMark(record.header, '0000001', record.expiresAt.toISOString()),
      '0000002',
      record.expiresAt.toISOString(),
    );
    expect(markOf(twice)).toBeUndefined();
    expect(() => markOf('ghp_notafly')).toThrow();
  });
});

describe('matching a held value', () => {
  const a = token('tok_a', 'p · run 1/1 aaaaaa mark 000000a', '2026-01-01T00:00:00Z');
  const b = token('tok_b', 'p · run 2/1 bbbbbb mark 000000b', '2026-01-02T00:00:00Z');
  const old = token('tok_old', 'p · run 0/1 cccccc', '2025-12-01T00:00:00Z');
  const managed = [old, a, b];
  const marks: Record<string, string | undefined> = { va: '000000a', vb: '000000b', vx: '0000fff' };
  const read = (v: string) => {
    if (v === 'junk') throw new Error('not a token');
    return marks[v];
  };

  test('by mark: one token, none (foreign), a value without a mark, or one that is no Fly token', () => {
    expect(matchHeld('va', managed, read).match).toEqual({ kind: 'token', token: a });
    expect(matchHeld('vx', managed, read).match).toEqual({ kind: 'foreign', mark: '0000fff' });
    expect(matchHeld('legacy', managed, read).match).toEqual({ kind: 'unmarked' });
    expect(matchHeld('junk', managed, read).match).toEqual({ kind: 'unmarked', notFly: true });
    const again = token('tok_a2', a.name, '2026-01-01T00:00:01Z', { revokedAt: '2026-01-01T00:00:02Z' });
    expect(matchHeld('va', [...managed, again], read).match).toEqual({ kind: 'several', tokens: [a, again] });
    expect(matchHeld('va', managed, read).fingerprint).toBe(fingerprint('va'));
  });

  test('joined with a timestamp that cannot tell a from b, use settles it exactly', () => {
    const store = holdingOf('secret', '2026-01-02T00:00:02Z', [
      a,
      { ...b, createdAt: '2026-01-02T00:00:00Z' },
    ]);
    const near: Holding = { ...store, possible: [a, b] };
    const h = withUse(near, matchHeld('va', managed, read));
    expect(h).toMatchObject({ proof: 'use', token: a, possible: [a] });
    expect(h.byUse).toMatchObject({ match: 'token', tokenId: 'tok_a', agrees: true });
  });

  test('when the store was written since the job started, both tokens stay protected and nothing is exact', () => {
    const store = holdingOf('secret', '2026-01-02T00:00:03Z', managed);
    expect(store.possible).toEqual([b]);
    const h = withUse(store, matchHeld('va', managed, read));
    expect(h.proof).toBeUndefined();
    expect(h.token).toBe(b);
    expect(h.possible.map((t) => t.id).sort()).toEqual(['tok_a', 'tok_b']);
    expect(h.byUse).toMatchObject({ agrees: false, tokenId: 'tok_a' });
  });

  test('a target that cannot say what it holds (a command) becomes exact', () => {
    const store: Holding = { target: 'command vault', unproven: true, token: b, possible: [a, b] };
    const h = withUse(store, matchHeld('va', managed, read));
    expect(h).toMatchObject({ proof: 'use', token: a, possible: [a] });
    expect(h.unproven).toBeUndefined();
  });

  test('provenCurrent: one valid token proven for every target, else why not', () => {
    const proven = (t: FlyToken, target = 'x'): Holding => ({
      target,
      proof: 'use',
      token: t,
      possible: [t],
    });
    expect(provenCurrent([proven(b, 'x'), proven(b, 'y')])).toEqual({ token: b });
    expect(provenCurrent([proven(b), proven(a, 'y')])).toMatchObject({
      why: expect.stringContaining('different'),
    });
    expect(provenCurrent([proven(b), { target: 'y', possible: [b], token: b }])).toMatchObject({
      why: expect.stringContaining('not proven by use'),
    });
    const revoked = { ...b, revokedAt: '2026-01-03T00:00:00Z' };
    expect(provenCurrent([proven(revoked)])).toMatchObject({
      why: expect.stringContaining('no longer valid'),
    });
  });
});

describe('input held', () => {
  const rot = (secrets: string[]): RotationSpec => ({
    label: 'deploy',
    kind: 'deploy',
    scope: { app: 'a' },
    expiryMs: 1,
    tokenName: 'p',
    keepPrevious: 0,
    targets: secrets.map((secret) => ({ type: 'repository', owner: 'o', repo: 'r', secret })),
  });

  test("one value for the run's one target; NAME=value lines for several", () => {
    expect(parseHeld('FlyV1 fm2_abc=', [rot(['FLY_API_TOKEN'])])).toEqual([
      { rotation: 0, target: 0, value: 'FlyV1 fm2_abc=' },
    ]);
    expect(parseHeld('FLY_API_TOKEN=FlyV1 fm2_abc', [rot(['FLY_API_TOKEN'])])).toEqual([
      { rotation: 0, target: 0, value: 'FlyV1 fm2_abc' },
    ]);
    expect(parseHeld('B=fm2_b\n\nA=FlyV1 fm2_a', [rot(['A']), rot(['X', 'B'])])).toEqual([
      { rotation: 1, target: 1, value: 'fm2_b' },
      { rotation: 0, target: 0, value: 'FlyV1 fm2_a' },
    ]);
    expect(parseHeld('  ', [rot(['A'])])).toEqual([]);
  });

  test('refusals say what was expected and never quote a value', () => {
    const value = 'FlyV1 fm2_secretvalue';
    const refuse = (raw: string, rotations: RotationSpec[]) => {
      try {
        parseHeld(raw, rotations);
      } catch (err) {
        expect((err as Error).message).not.toContain('secretvalue');
        return (err as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refuse(value, [rot(['A', 'B'])])).toMatch(/one value, but the run has 2 targets.*A, B/);
    expect(refuse(`C=${value}`, [rot(['A']), rot(['B'])])).toMatch(/one value, but the run has 2 targets/);
    expect(refuse(`A=${value}\nC=${value}`, [rot(['A', 'B'])])).toMatch(/names C, which no target/);
    expect(refuse(`A=${value}`, [rot(['A']), rot(['A'])])).toMatch(/2 targets of the run write/);
    expect(refuse(`A=${value}\nA=${value}`, [rot(['A', 'B'])])).toMatch(/twice/);
    expect(refuse(`A=${value}\n${value}`, [rot(['A', 'B'])])).toMatch(/line 2 is not NAME=value/);
  });

  test("of several targets with one name, the workflow's own repository is the one its jobs are handed", () => {
    const targets: GitHubTargetSpec[] = [
      { type: 'repository', owner: 'o', repo: 'other', secret: 'FLY_API_TOKEN' },
      { type: 'repository', owner: 'o', repo: 'r', secret: 'FLY_API_TOKEN' },
    ];
    const r: RotationSpec = { ...rot([]), targets };
    expect(parseHeld('FLY_API_TOKEN=fm2_x', [r], 'held', 'o/r')).toEqual([
      { rotation: 0, target: 1, value: 'fm2_x' },
    ]);
    expect(() => parseHeld('FLY_API_TOKEN=fm2_x', [r], 'held', 'o/elsewhere')).toThrow(/2 targets/);
  });

  test('maskHeld masks each value in every form before parsing', () => {
    const masked: string[] = [];
    maskHeld('A=FlyV1 fm2_one,fm2_two\nB=fm2_three', (v) => masked.push(v));
    for (const v of ['FlyV1 fm2_one,fm2_two', 'fm2_one,fm2_two', 'fm2_one', 'fm2_two', 'fm2_three'])
      expect(masked).toContain(v);
  });
});
