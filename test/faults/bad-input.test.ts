// Bad input from the issue, through the action's entry (in this process): each ends with a clear error and
// nothing minted.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { REPO, type Scenario, startScenario } from '../harness/scenario.js';
import { noLeaks } from './invariants.js';
import { runInProcess as run, setupRotation } from './world.js';

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

/** Runs with these inputs and returns the error text, asserting that Fly minted nothing. */
async function rejected(inputs: Record<string, string>): Promise<string> {
  const before = s.fly.tokens.length;
  const creates = s.fly.server.count('createLimitedAccessToken');
  const r = await run(s, inputs);
  expect(r.code).toBe(1);
  expect(noLeaks(s, r)).toEqual([]);
  expect(s.fly.tokens.length).toBe(before);
  expect(s.fly.server.count('createLimitedAccessToken')).toBe(creates);
  return r.errors.join('\n');
}

describe('bad input: a clear error and nothing minted', () => {
  test('unknown app', async () => {
    expect(await rejected({ app: 'no-such-app' })).toMatch(/app "no-such-app" was not found/);
  });

  test('unknown org', async () => {
    expect(await rejected({ app: '', 'token-type': 'org', org: 'no-such-org' })).toMatch(
      /organization "no-such-org"/i,
    );
  });

  test('malformed token ids', async () => {
    expect(await rejected({ mode: 'revoke', 'token-ids': 'abc, not an id!' })).toMatch(/not a Fly token ID/);
  });

  test.each(['0', '-1h', '1y', 'abc'])('expiry %s', async (expiry) => {
    expect(await rejected({ expiry })).toMatch(/expiry "[^"]*" is (zero|negative|not a duration)/);
  });

  test.each(['GITHUB_TOKEN', '1BAD', 'has-dash'])('secret name GitHub rejects: %s', async (name) => {
    expect(await rejected({ 'secret-name': name })).toMatch(/secret/i);
  });

  test('a Fly credential that cannot mint (a deploy token)', async () => {
    expect(await setupRotation(s)).toEqual([]);
    const deploy = s.gh.secret(REPO, 'FLY_API_TOKEN')!.value;
    expect(await rejected({ 'fly-api-token': deploy })).toMatch(
      /deploy token, which Fly does not allow to create or revoke tokens/,
    );
  });

  test('a revoked Fly credential', async () => {
    const user = s.fly.addUser('revoked@example.com', { orgs: ['acme'] });
    s.fly.revokeToken(user.tokenId);
    expect(await rejected({ 'fly-api-token': user.authToken })).toMatch(/rejected fly-api-token/);
  });

  test('an expired Fly credential', async () => {
    const user = s.fly.addUser('expired@example.com', { orgs: ['acme'] });
    s.fly.expireToken(user.tokenId);
    expect(await rejected({ 'fly-api-token': user.authToken })).toMatch(/rejected fly-api-token/);
  });

  test('a GitHub token without access to the secrets', async () => {
    const token = 'github_pat_11EMULATOR0metadataonly';
    s.gh.addToken(token, { kind: 'fine-grained', repos: [REPO], permissions: { metadata: 'read' } });
    expect(await rejected({ 'github-token': token })).toMatch(/github-token needs/);
  });
});
