// Proof by use end to end (issue 21), in this process against the emulators: status and rotate given what the
// runner would hand a job (input held), revoke-previous: after-use, and that no held value is ever printed.
import { afterAll, beforeEach, describe, expect, test } from '@jest/globals';
import { CLOCK_SKEW_MS } from '../../src/core/holdings.js';
import { withMark } from '../../src/fly/mark.js';
import type { ActionRun } from '../harness/run-action.js';
import { leaks, REPO, type Scenario, startScenario } from '../harness/scenario.js';

let s: Scenario;
beforeEach(async () => {
  await s?.close();
  s = await startScenario();
});
afterAll(() => s.close());

const ENV = { FLY_TOKEN_ROTATOR_RETRY_BASE_MS: '20', FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: '0' };
function go(inputs: Record<string, string> = {}): Promise<ActionRun> {
  s.fly.advance(CLOCK_SKEW_MS + 5000);
  return s.runInProcess({ 'token-name': 'held-suite', ...inputs }, { env: ENV });
}
const secret = () => s.gh.secret(REPO, 'FLY_API_TOKEN')!.value;
const state = (id: string) => s.fly.tokens.find((t) => t.id === id)!;

/** Neither the held values nor any token or credential appears in the log, the outputs, the summary or errors. */
function printed(r: ActionRun, ...held: string[]) {
  const shown = [
    r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    r.stderr,
    JSON.stringify(r.outputs),
    r.summary,
    r.errors.join('\n'),
  ].join('\n');
  const bare = held.flatMap((h) => [h, h.replace(/^FlyV1 /, ''), ...h.replace(/^FlyV1 /, '').split(',')]);
  return [...leaks(s, shown), ...bare.filter((v) => shown.includes(v))];
}
const holdings = (r: ActionRun) => JSON.parse(r.outputs.holdings);

describe('status with held', () => {
  test('the new token: named exactly, proven by use, accepted by Fly; nothing printed', async () => {
    const first = await go();
    expect(first.code).toBe(0);
    const id = first.outputs['token-id'];
    expect(state(id).name).toMatch(/ mark [0-9a-f]{7}$/);
    const value = secret();
    const r = await go({ mode: 'status', held: value });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(holdings(r)).toEqual([
      expect.objectContaining({ tokenId: id, proof: 'use', heldMatch: 'token', accepted: true, live: true }),
    ]);
    expect(r.summary).toContain('(proven by use)');
    expect(r.summary).toContain(holdings(r)[0].fingerprint);
    expect(r.stdout).toContain(`::add-mask::${value}`);
    expect(printed(r, value)).toEqual([]);
  });

  test('without a credential to read the secret (a deploy job), held alone names the token and Fly checks it', async () => {
    await go();
    const value = secret();
    const r = await go({ mode: 'status', held: value, 'github-token': '' });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(holdings(r)[0]).toMatchObject({ proof: 'use', tokenId: s.fly.tokens.at(-1)!.id, accepted: true });
    expect(printed(r, value)).toEqual([]);
    s.fly.revokeToken(s.fly.tokens.at(-1)!.id);
    const revoked = await go({ mode: 'status', held: value, 'github-token': '' });
    expect(revoked.code).toBe(1);
    expect(revoked.errors.join('\n')).toMatch(/proven by use.*revoked/);
  });

  test('the multi-line form names the target by its secret name', async () => {
    await go();
    const r = await go({ mode: 'status', held: `FLY_API_TOKEN=${secret()}` });
    expect(r.code).toBe(0);
    expect(holdings(r)[0]).toMatchObject({ proof: 'use', tokenId: s.fly.tokens.at(-1)!.id });
    expect(printed(r, secret())).toEqual([]);
  });

  test('the previous token, still valid (keep-previous): reported as handed out, both kept protected', async () => {
    await go({ 'keep-previous': '1' });
    const previous = secret();
    const previousId = s.fly.tokens.at(-1)!.id;
    await go({ 'keep-previous': '1' });
    const r = await go({ mode: 'status', held: previous });
    // The secret was written after that job started: the store says the new token, the job was handed the old.
    expect(holdings(r)[0]).toMatchObject({ heldMatch: 'token', tokenId: s.fly.tokens.at(-1)!.id });
    expect(holdings(r)[0].proof).toBeUndefined();
    expect(r.summary).toContain(`the runner handed this job ${previousId}`);
    expect(printed(r, previous)).toEqual([]);
  });

  test('a revoked token fails the run loudly', async () => {
    await go();
    const old = secret();
    const oldId = s.fly.tokens.at(-1)!.id;
    // Revoked behind the secret's back (revoke-all, a leak response): the secret still holds it.
    s.fly.revokeToken(oldId);
    const r = await go({ mode: 'status', held: old });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(new RegExp(`runner hands out ${oldId} .*proven by use.*revoked`));
    expect(printed(r, old)).toEqual([]);
  });

  test('an expired token fails the run loudly too', async () => {
    await go();
    const id = s.fly.tokens.at(-1)!.id;
    s.fly.expireToken(id);
    const r = await go({ mode: 'status', held: secret() });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(new RegExp(`${id}.*expired`));
  });

  test('a value that is no managed token is reported as set by hand and fails status', async () => {
    await go();
    const t = s.fly.tokens.at(-1)!;
    // A Fly token with a mark no managed token carries (minted elsewhere and set by hand).
    const foreign = withMark(s.authToken, '0abcdef', t.expiresAt.toISOString());
    const r = await go({ mode: 'status', held: foreign });
    expect(r.code).toBe(1);
    expect(holdings(r)[0]).toMatchObject({ heldMatch: 'foreign' });
    expect(r.errors.join('\n')).toContain('no managed token: set by hand');
    expect(printed(r, foreign)).toEqual([]);
  });

  test('a value without a mark (minted before marks) is reported, the store decides', async () => {
    await go();
    const r = await go({ mode: 'status', held: 'FlyV1 fm2_notatokenbutlongenough' });
    expect(r.code).toBe(0);
    expect(holdings(r)[0]).toMatchObject({ heldMatch: 'unmarked', tokenId: s.fly.tokens.at(-1)!.id });
    expect(holdings(r)[0].proof).toBeUndefined();
    expect(printed(r, 'FlyV1 fm2_notatokenbutlongenough')).toEqual([]);
  });
});

describe('rotate with held', () => {
  test('a revoked token handed to the job: the rotation writes the new one and fails loudly', async () => {
    await go();
    const old = secret();
    const oldId = s.fly.tokens.at(-1)!.id;
    s.fly.revokeToken(oldId);
    const r = await go({ held: old });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(new RegExp(`handed this job ${oldId} .*revoked`));
    expect(secret()).not.toBe(old);
    expect(state(r.outputs['token-id']).revokedAt).toBeNull();
    expect(printed(r, old)).toEqual([]);
  });
});

describe('revoke-previous: after-use', () => {
  test('only a run handed the new token revokes the previous one', async () => {
    await go();
    const previous = secret();
    const previousId = s.fly.tokens.at(-1)!.id;
    const rotated = await go({ 'revoke-previous': 'after-use', held: previous });
    expect(rotated.errors).toEqual([]);
    const newId = rotated.outputs['token-id'];
    // The rotation itself revokes nothing: the previous token stays valid.
    expect(JSON.parse(rotated.outputs['revoked-token-ids'])).toEqual([]);
    expect(state(previousId).revokedAt).toBeNull();
    // A run still handed the previous token (a snapshot from before the write) revokes nothing.
    const stale = await go({ mode: 'status', 'revoke-previous': 'after-use', held: previous });
    expect(JSON.parse(stale.outputs['revoked-token-ids'])).toEqual([]);
    expect(state(previousId).revokedAt).toBeNull();
    expect(state(newId).revokedAt).toBeNull();
    // Without held, nothing proves anything: nothing is revoked.
    const blind = await go({ mode: 'status', 'revoke-previous': 'after-use' });
    expect(JSON.parse(blind.outputs['revoked-token-ids'])).toEqual([]);
    expect(state(previousId).revokedAt).toBeNull();
    // Handed the new token: now the previous goes, and the new one stays.
    const current = secret();
    const confirm = await go({ mode: 'status', 'revoke-previous': 'after-use', held: current });
    expect(confirm.errors).toEqual([]);
    expect(JSON.parse(confirm.outputs['revoked-token-ids'])).toEqual([previousId]);
    expect(state(previousId).revokedAt).not.toBeNull();
    expect(state(newId).revokedAt).toBeNull();
    expect(confirm.summary).toContain(`proven by use to hold \`${newId}\``);
    for (const r of [rotated, stale, blind, confirm]) expect(printed(r, previous, current)).toEqual([]);
  });

  test('the next rotation handed the current token revokes what came before it, then rotates', async () => {
    await go();
    await go({ 'revoke-previous': 'after-use' });
    const [first, second] = s.fly.tokens.slice(-2).map((t) => t.id);
    const r = await go({ 'revoke-previous': 'after-use', held: secret() });
    expect(r.errors).toEqual([]);
    expect(JSON.parse(r.outputs['revoked-token-ids'])).toEqual([first]);
    expect(state(second).revokedAt).toBeNull();
    expect(state(r.outputs['token-id']).revokedAt).toBeNull();
  });

  test('with another mode it is refused before anything happens', async () => {
    const r = await go({ mode: 'revoke-all', 'revoke-previous': 'after-use' });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/revoke-previous is after-use, but mode revoke-all/);
    expect(s.fly.tokens).toHaveLength(0);
  });
});
