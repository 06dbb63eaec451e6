import { expect, test } from '@jest/globals';
import { ApiError } from '../../src/core/errors.js';
import { revokeTokens } from '../../src/core/revoke.js';
import { FakeIssuer, memoryLog } from './fakes.js';

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
