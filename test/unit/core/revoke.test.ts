import { describe, expect, test } from '@jest/globals';
import { ApiError } from '../../../src/core/errors.js';
import { holdingOf } from '../../../src/core/holdings.js';
import { type HoldingsReader, revokeTokens } from '../../../src/core/revoke.js';
import { FakeIssuer, memoryLog } from '../fakes.js';

const opts = { managedName: 'managed', force: true };

test('a token revoked by someone else meanwhile is reported as already revoked, not failed', async () => {
  const fly = new FakeIssuer();
  const [id] = fly.seed('managed');
  const revoke = fly.revoke.bind(fly);
  fly.revoke = async (x) => {
    await revoke(x); // another run got there first
    throw new ApiError(`Fly could not find what was asked: ${x}`, 'fly', 200, 'NOT_FOUND');
  };
  const [r] = await revokeTokens([id], fly, opts, memoryLog());
  expect(r.outcome).toBe('already revoked');
});

test('a NOT_FOUND for a token that is still valid stays a failure', async () => {
  const fly = new FakeIssuer();
  const [id] = fly.seed('managed');
  fly.fail.revoke = new ApiError('Fly could not find what was asked', 'fly', 200, 'NOT_FOUND');
  const [r] = await revokeTokens([id], fly, opts, memoryLog());
  expect(r.outcome).toBe('failed');
});

describe('which tokens revoke refuses', () => {
  // Tokens a, b, c minted a minute apart; the target was written right after b was minted.
  const setup = () => {
    const fly = new FakeIssuer();
    const [a, b, c] = fly.seed('managed', 3);
    const writtenAt = new Date(Date.parse(fly.tokens[1].createdAt) + 20_000).toISOString();
    const holdings: HoldingsReader = async (managed) => [holdingOf('repo secret X', writtenAt, managed)];
    return { fly, a, b, c, holdings };
  };

  test('the held token is refused, naming the target; an orphan newer than it is revoked without force', async () => {
    const { fly, b, c, holdings } = setup();
    const report = await revokeTokens(
      [b, c],
      fly,
      { managedName: 'managed', force: false, holdings },
      memoryLog(),
    );
    expect(report.map((r) => r.outcome)).toEqual(['refused', 'revoked']);
    expect(report[0].detail).toMatch(/held by repo secret X; set force: true/);
    expect(fly.valid(b)).toBe(true);
    expect(fly.valid(c)).toBe(false);
  });

  test('force revokes the held token too', async () => {
    const { fly, b, holdings } = setup();
    const [r] = await revokeTokens([b], fly, { managedName: 'managed', force: true, holdings }, memoryLog());
    expect(r.outcome).toBe('revoked');
  });

  test('targets that cannot be read: every valid managed token is refused, saying why', async () => {
    const { fly, a, c } = setup();
    const holdings: HoldingsReader = async () => {
      throw new Error('GitHub down');
    };
    const report = await revokeTokens(
      [a, c],
      fly,
      { managedName: 'managed', force: false, holdings },
      memoryLog(),
    );
    expect(report.map((r) => r.outcome)).toEqual(['refused', 'refused']);
    expect(report[0].detail).toMatch(/could not be read.*GitHub down/);
  });

  test('without a GitHub credential the newest managed token is taken to be held, and the detail says so', async () => {
    const { fly, b, c } = setup();
    const report = await revokeTokens([b, c], fly, { managedName: 'managed', force: false }, memoryLog());
    expect(report.map((r) => r.outcome)).toEqual(['revoked', 'refused']);
    expect(report[1].detail).toMatch(/without every target's credential the targets cannot be read/);
  });
});
