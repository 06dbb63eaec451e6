import { describe, expect, test } from '@jest/globals';
import { TransientError } from '../../../src/core/errors.js';
import type { SecretWriter } from '../../../src/core/interfaces.js';
import { rotate } from '../../../src/core/rotate.js';
import { RotationError } from '../../../src/core/rotation.js';
import { choosePrevious } from '../../../src/core/sweep.js';
import { joinWriters } from '../../../src/core/writers.js';
import { FakeIssuer, FakeTarget, memoryLog, writerFor } from '../fakes.js';

const NAME = 'managed';
const input = { tokenName: NAME, expiry: '168h0m0s', keepPrevious: 0 };

/** Mints, then loses the answer the first `lose` times: what a timeout after Fly's handler ran looks like. */
class LossyIssuer extends FakeIssuer {
  lose = 1;
  override async mint(name: string) {
    const t = await super.mint(name);
    if (this.lose-- > 0)
      throw new TransientError('Fly API did not answer within 1000 ms while trying to create a token.');
    return t;
  }
}

describe('rotate under failures', () => {
  test("an ambiguous create: the lost token is this run's own, revoked at once; exactly one more is minted", async () => {
    const fly = new LossyIssuer();
    const [old] = fly.seed(NAME);
    const target = new FakeTarget('repo');
    // The default grace period: it protects other runs' tokens, never this run's own.
    const r = await rotate(input, fly, writerFor([target]), memoryLog());
    const [, lost, fresh] = fly.tokens.map((t) => t.id);
    expect(r.token.id).toBe(fresh);
    expect(r.stored.map((s) => s.error)).toEqual([undefined]);
    expect(r.ownRevoked).toEqual([lost]);
    expect(r.revoked).toEqual([old]);
    expect(fly.valid(lost)).toBe(false);
    expect(fly.calls.filter((c) => c === 'mint')).toHaveLength(2);
  });

  test('an ambiguous create twice: fails, both lost tokens revoked by the run, the previous token still valid', async () => {
    const fly = new LossyIssuer();
    fly.lose = 2;
    const [old] = fly.seed(NAME);
    const err = await rotate(input, fly, writerFor([new FakeTarget('repo')]), memoryLog()).catch((e) => e);
    expect(err).toBeInstanceOf(RotationError);
    expect(err.message).toMatch(/failed twice.*created .* anyway, so this run revoked it/);
    const [, lost1, lost2] = fly.tokens.map((t) => t.id);
    expect(err.partial.ownRevoked).toEqual([lost1, lost2]);
    expect(fly.tokens.filter((t) => !t.revokedAt).map((t) => t.id)).toEqual([old]);
  });

  test("a concurrent run's young token is never taken for a lost one of this run", async () => {
    const fly = new LossyIssuer();
    fly.seed(NAME);
    const other = fly.seed(`${NAME} · run 99/1 abcdef`)[0];
    await rotate(
      { ...input, runName: `${NAME} · cli 123456` },
      fly,
      writerFor([new FakeTarget('r')]),
      memoryLog(),
    );
    const lost = fly.tokens.find((t) => t.name === `${NAME} · cli 123456` && t.revokedAt);
    expect(lost).toBeDefined();
    // The other run's token is a previous token: swept by the normal rules, not as this run's own.
    expect(fly.tokens.find((t) => t.id === other)?.name).toContain('run 99/1');
  });

  test('an ambiguous create and an unreadable list: no blind retry', async () => {
    const fly = new LossyIssuer();
    fly.seed(NAME);
    const origList = fly.list.bind(fly);
    let lists = 0;
    fly.list = async () => {
      if (++lists > 1) throw new Error('list down');
      return origList();
    };
    const err = await rotate(input, fly, writerFor([new FakeTarget('repo')]), memoryLog()).catch((e) => e);
    expect(err.message).toMatch(/could not be read to check whether Fly created it/);
    expect(fly.calls.filter((c) => c === 'mint')).toHaveLength(1);
  });

  test('a non-transient create failure is not retried', async () => {
    const fly = new FakeIssuer();
    fly.fail.mint = new Error('UNAUTHORIZED');
    await expect(rotate(input, fly, writerFor([new FakeTarget('repo')]), memoryLog())).rejects.toThrow(
      'UNAUTHORIZED',
    );
    expect(fly.calls.filter((c) => c === 'mint')).toHaveLength(1);
  });

  test('every write failed ambiguously and updated_at shows it did not land: the new token is rolled back', async () => {
    const fly = new FakeIssuer();
    const [old] = fly.seed(NAME);
    const target = new FakeTarget('repo');
    target.updatedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    target.failWrite = Object.assign(new Error('HTTP 500'), { status: 500 });
    const err = await rotate(input, fly, writerFor([target]), memoryLog()).catch((e) => e);
    expect(err.message).toMatch(/nothing changed.*was revoked.*did not land/);
    expect(err.partial.ownRevoked).toEqual([fly.tokens.at(-1)!.id]);
    expect(fly.valid(old)).toBe(true);
    expect(fly.valid(fly.tokens.at(-1)!.id)).toBe(false);
  });

  test('a write whose answer was lost but which landed (updated_at after the mint) counts as written', async () => {
    const fly = new FakeIssuer();
    const [old] = fly.seed(NAME);
    const target = new FakeTarget('repo');
    target.loseAnswer = Object.assign(new Error('HTTP 502'), { status: 502 });
    const r = await rotate(input, fly, writerFor([target]), memoryLog());
    expect(r.stored.map((s) => s.error)).toEqual([undefined]);
    expect(fly.valid(r.token.id)).toBe(true);
    expect(r.revoked).toEqual([old]);
  });

  test('every write failed ambiguously and GitHub cannot be read: nothing is revoked, and the run says why', async () => {
    const fly = new FakeIssuer();
    const [old] = fly.seed(NAME);
    const target = new FakeTarget('repo');
    target.failWrite = Object.assign(new Error('socket hang up'), { status: 500 });
    target.failRead = new Error('GitHub down');
    const err = await rotate(input, fly, writerFor([target]), memoryLog()).catch((e) => e);
    expect(err.message).toMatch(
      new RegExp(
        `repo may hold the previous token ${old} or the new token ${fly.tokens.at(-1)!.id}, so neither was revoked.*` +
          'mode: status.*the target could not be read to tell whether it landed',
      ),
    );
    expect(fly.valid(old)).toBe(true);
    expect(fly.valid(fly.tokens.at(-1)!.id)).toBe(true);
  });

  test('a target that proves nothing and answered ambiguously keeps both tokens valid; a joined writer keeps target order', async () => {
    const fly = new FakeIssuer();
    const [old] = fly.seed(NAME);
    const github = new FakeTarget('repo');
    github.failWrite = Object.assign(new Error('Bad credentials'), { status: 401 });
    const blind = blindWriter('command vault', 'ambiguous');
    const log = memoryLog();
    const err = await rotate(
      input,
      fly,
      joinWriters([writerFor([github]), blind], [blind.targets[0], github]),
      log,
    ).catch((e) => e);
    expect(err.message).toMatch(
      /command vault may hold the previous token \S+ or the new token \S+, so neither was revoked.*it cannot say what it holds/,
    );
    expect(err.partial.stored.map((s: { target: { label: string } }) => s.target.label)).toEqual([
      'command vault',
      'repo',
    ]);
    expect(fly.valid(old)).toBe(true);
    expect(fly.valid(fly.tokens.at(-1)!.id)).toBe(true);
  });

  test('a target that proves nothing and refused cleanly, with every other target refused too: the new token is taken back', async () => {
    const fly = new FakeIssuer();
    const [old] = fly.seed(NAME);
    const err = await rotate(input, fly, blindWriter('command vault', 'refused'), memoryLog()).catch(
      (e) => e,
    );
    expect(err.message).toMatch(/No target could be written/);
    expect(fly.valid(old)).toBe(true);
    expect(fly.valid(fly.tokens.at(-1)!.id)).toBe(false);
  });

  test('orphans of crashed runs (minted, never stored) are swept by the next rotation', async () => {
    const fly = new FakeIssuer();
    const [held, orphan1, orphan2] = fly.seed(NAME, 3);
    const r = await rotate(input, fly, writerFor([new FakeTarget('repo')]), memoryLog());
    expect(r.revoked.sort()).toEqual([held, orphan1, orphan2].sort());
    expect(fly.tokens.filter((t) => !t.revokedAt).map((t) => t.id)).toEqual([r.token.id]);
  });
});

describe('choosePrevious', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const tok = (id: string, minutesAgo: number) => ({
    id,
    name: NAME,
    createdAt: new Date(now - minutesAgo * 60_000).toISOString(),
    expiresAt: new Date(now + 86_400_000).toISOString(),
    revokedAt: null,
  });

  test('tokens younger than the grace period may be a concurrent run’s: deferred, not revoked', () => {
    const previous = [tok('a', 600), tok('b', 300), tok('c', 2)];
    const r = choosePrevious(previous, 0, 15 * 60_000, 0, now);
    expect(r.doomed.map((t) => t.id)).toEqual(['a', 'b']);
    expect(r.deferred.map((t) => t.id)).toEqual(['c']);
  });

  test('a young token is revoked once every target was written after it was created', () => {
    const previous = [tok('a', 600), tok('b', 3), tok('c', 2)];
    // Every target was last written 2.5 minutes ago: b's run had finished writing, c's may still be writing.
    const r = choosePrevious(previous, 0, 15 * 60_000, now - 150_000, now);
    expect(r.doomed.map((t) => t.id)).toEqual(['a', 'b']);
    expect(r.deferred.map((t) => t.id)).toEqual(['c']);
  });

  test('keep-previous keeps the newest; the rest go', () => {
    const previous = [tok('a', 600), tok('b', 300), tok('c', 200)];
    const r = choosePrevious(previous, 1, 0, 0, now);
    expect(r.kept.map((t) => t.id)).toEqual(['c']);
    expect(r.doomed.map((t) => t.id)).toEqual(['a', 'b']);
  });
});

/** A writer with one target that proves nothing (a command): its one write fails as told. */
function blindWriter(label: string, outcome: 'ambiguous' | 'refused'): SecretWriter {
  const target = { label, proof: 'none' as const };
  return {
    targets: [target],
    prepare: async () => {},
    warmUp: () => {},
    store: async () => [
      outcome === 'ambiguous'
        ? { target, error: 'timed out', facts: { answers: [{ lost: 'timeout' as const }] } }
        : { target, error: 'could not start', facts: { answers: [] } },
    ],
    evidence: async () => [{ proof: 'none' }],
  };
}
