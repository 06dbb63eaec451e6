// The walking skeleton end to end: the built action against both emulators, as the runner runs it. Runs that
// only prepare a case (a previous token to revoke or keep) are the action's entry in this process.
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { APP, leaks, REPO, type Scenario, startScenario, storedValue } from '../harness/scenario.js';

let s: Scenario;
beforeEach(async () => {
  s = await startScenario();
});
afterEach(async () => {
  await s.close();
});

const live = () => s.fly.tokens.filter((t) => !t.revokedAt);

test('first rotation mints a deploy token and stores it in the repository secret', async () => {
  const run = await s.run({}, { env: { GITHUB_RUN_ID: '123456', GITHUB_RUN_ATTEMPT: '2' } });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  const [token] = s.fly.tokens;
  expect(s.fly.tokens).toHaveLength(1);
  expect(token.profile).toBe('deploy');
  // The managed prefix, then the run that minted it (see src/core/names.ts).
  expect(token.name).toMatch(
    new RegExp(`^fly-token-rotator ${REPO} FLY_API_TOKEN · run 123456/2 [0-9a-f]{6} mark [0-9a-f]{7}$`),
  );
  expect(run.outputs['token-id']).toBe(token.id);
  expect(Date.parse(run.outputs['expires-at'])).toBe(token.expiresAt.getTime());
  expect(JSON.parse(run.outputs['revoked-token-ids'])).toEqual([]);
  // Default expiry is 7 days.
  expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBe(7 * 86_400_000);
  const secret = s.gh.secret(REPO, 'FLY_API_TOKEN');
  expect(secret?.value).toBe(storedValue(token));
  expect(s.fly.accepts(secret!.value, { app: APP })).toBe(true);
  expect(s.fly.accepts(secret!.value, { app: 'acme-api' })).toBe(false);
  expect(run.summary).toContain('### Fly token rotated');
  expect(run.summary).toContain(token.id);
  expect(leaks(s, run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs))).toEqual([]);
});

test('second rotation revokes the previous token; the secret decrypts to the new one', async () => {
  const first = await s.run();
  const second = await s.run();
  expect(second.code).toBe(0);
  const firstId = first.outputs['token-id'];
  const secondId = second.outputs['token-id'];
  expect(secondId).not.toBe(firstId);
  expect(JSON.parse(second.outputs['revoked-token-ids'])).toEqual([firstId]);
  expect(live().map((t) => t.id)).toEqual([secondId]);
  const value = s.gh.secret(REPO, 'FLY_API_TOKEN')!.value;
  expect(value).toBe(storedValue(s.fly.tokens.find((t) => t.id === secondId)!));
  const old = s.fly.tokens.find((t) => t.id === firstId)!;
  expect(s.fly.accepts(old.header, { app: APP })).toBe(false);
  // 201 on create, then 204 on update.
  const puts = s.gh.server.requests.filter((r) => r.operation === 'actions/create-or-update-repo-secret');
  expect(puts.map((r) => r.status)).toEqual([201, 204]);
  expect(leaks(s, first.stdout, second.stdout, second.stderr, second.summary)).toEqual([]);
});

test('storing fails: the new token is revoked and the old secret and token stay as they were', async () => {
  await s.runInProcess();
  const before = s.gh.secret(REPO, 'FLY_API_TOKEN')!;
  s.gh.server.fault('actions/create-or-update-repo-secret', {
    kind: 'status',
    status: 403,
    body: '{"message":"Resource not accessible by personal access token"}',
  });
  const run = await s.run();
  expect(run.code).not.toBe(0);
  expect(run.errors.join('\n')).toMatch(/No target could be written, so nothing changed.*was revoked/);
  expect(run.errors.join('\n')).toContain('Secrets: read and write on acme/web');
  expect(s.fly.tokens).toHaveLength(2);
  const [old, minted] = s.fly.tokens;
  expect(minted.revokedAt).not.toBeNull();
  expect(old.revokedAt).toBeNull();
  expect(s.gh.secret(REPO, 'FLY_API_TOKEN')).toEqual(before);
  expect(s.fly.accepts(before.value, { app: APP })).toBe(true);
  expect(run.summary).toContain('### Fly token rotation failed');
  expect(leaks(s, run.stdout, run.stderr, run.summary)).toEqual([]);
});

test('a bad secret name fails before anything is minted', async () => {
  const run = await s.run({ 'secret-name': 'GITHUB_FLY' });
  expect(run.code).not.toBe(0);
  expect(run.errors).toEqual([
    'secret-name "GITHUB_FLY" must not start with GITHUB_ (GitHub reserves that prefix).',
  ]);
  expect(s.fly.tokens).toHaveLength(0);
  expect(s.fly.server.requests).toHaveLength(0);
  expect(s.gh.server.requests).toHaveLength(0);
});

test('revoke mode revokes the given ids and reports each', async () => {
  const a = (await s.runInProcess()).outputs['token-id'];
  const b = (await s.runInProcess()).outputs['token-id'];
  const run = await s.run({ mode: 'revoke', 'token-ids': `${a}, ${b}`, force: 'true', 'github-token': '' });
  expect(run.errors).toEqual([]);
  expect(JSON.parse(run.outputs['revoked-token-ids'])).toEqual([b]);
  expect(run.summary).toContain(`| \`${a}\``);
  expect(run.summary).toMatch(new RegExp(`${a}.*already revoked`));
  expect(live()).toHaveLength(0);
});

test('revoke mode refuses an unknown or malformed id', async () => {
  await s.runInProcess();
  const bad = await s.run({ mode: 'revoke', 'token-ids': 'not;an;id' });
  expect(bad.errors[0]).toContain('is not a Fly token ID');
  const unknown = await s.run({ mode: 'revoke', 'token-ids': 'nosuchtoken' });
  expect(unknown.code).not.toBe(0);
  expect(unknown.summary).toMatch(/nosuchtoken.*unknown/);
  expect(live()).toHaveLength(1);
});

test("an unknown app fails with Fly's error and nothing is minted", async () => {
  const run = await s.run({ app: 'ghost-app' });
  expect(run.code).not.toBe(0);
  expect(run.errors.join('\n')).toContain('Fly app "ghost-app" was not found');
  expect(s.fly.tokens).toHaveLength(0);
});

test('a revoked Fly credential is rejected with the credential it needs', async () => {
  const userTokens = [...s.fly.state.credentials.keys()];
  for (const id of userTokens) s.fly.revokeToken(id);
  const run = await s.run();
  expect(run.code).not.toBe(0);
  expect(run.errors.join('\n')).toMatch(/Fly rejected fly-api-token.*personal access token/);
  expect(s.fly.tokens).toHaveLength(0);
});

test('plain http to a non-loopback host is refused', async () => {
  const run = await s.run({}, { env: { FLY_API_BASE_URL: 'http://fly.example.com' } });
  expect(run.errors).toEqual([
    'FLY_API_BASE_URL "http://fly.example.com" must use https (plain http is accepted only for loopback hosts).',
  ]);
});
