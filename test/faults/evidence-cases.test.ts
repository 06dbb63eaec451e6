// Issue 17's cases on GitHub targets, each an ordinary test through the action's entry (in this process) against
// the emulators: the promise is that no token a target holds is revoked, and that a run exits 0 only when every
// target holds its new token.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { nameMark } from '../../src/core/held.js';
import { markOf } from '../../src/fly/mark.js';
import { REPO, type Scenario, startScenario } from '../harness/scenario.js';
import { heldToken, isValid, targetHoldsValid } from './invariants.js';
import { FAST_ENV, FAST_INPUTS, runInProcess, setupRotation, TOKEN_NAME } from './world.js';

const WRITE = 'actions/create-or-update-repo-secret';
const CREATE = 'createLimitedAccessToken';
const every = { times: Number.POSITIVE_INFINITY };

let s: Scenario;
let previous: string;
beforeEach(async () => {
  s = await startScenario();
  expect(await setupRotation(s)).toEqual([]);
  previous = heldToken(s, TOKEN_NAME)!.id;
});
afterEach(() => s.close());

/** A second run a couple of seconds after the first (a re-run, a matrix): no clock tick between them. */
const soonAfter = (inputs: Record<string, string> = {}) => {
  s.fly.advance(2000);
  return s.runInProcess({ ...FAST_INPUTS, ...inputs }, { env: FAST_ENV });
};
const valid = (id: string) => isValid(s, s.fly.tokens.find((t) => t.id === id)!);

describe('case 1: a failed write seconds after the previous one cannot be told from one that landed', () => {
  test.each([
    ['HTTP 500', { kind: 'status', status: 500 } as const],
    [
      'HTTP 502 with an HTML page',
      { kind: 'status', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' } as const,
    ],
    ['a reset', { kind: 'reset' } as const],
  ])('every PUT answers %s: both tokens stay valid, the run fails naming both', async (_name, fault) => {
    s.gh.server.fault(WRITE, fault, every);
    const r = await soonAfter();
    expect(r.code).toBe(1);
    const minted = r.outputs['token-id'] ?? s.fly.tokens.at(-1)!.id;
    expect(minted).not.toBe(previous);
    // The secret still holds the previous token, and it was not revoked; the new one is kept too.
    expect(heldToken(s, TOKEN_NAME)?.id).toBe(previous);
    expect(valid(previous)).toBe(true);
    expect(valid(minted)).toBe(true);
    const message = r.errors.join('\n');
    expect(message).toContain(previous);
    expect(message).toContain(minted);
    expect(message).toMatch(/neither was revoked/);
    expect(message).toMatch(/mode: status/);
  });

  test('every PUT hangs: the run does not exit 0, and the token the secret holds stays valid', async () => {
    s.gh.server.fault(WRITE, { kind: 'hang' }, every);
    const r = await soonAfter({ timeout: '4', 'request-timeout': '2' });
    expect(r.code).toBe(1);
    expect(heldToken(s, TOKEN_NAME)?.id).toBe(previous);
    expect(valid(previous)).toBe(true);
    expect(targetHoldsValid(s, TOKEN_NAME)).toEqual([]);
  }, 20_000);
});

test('case 6: with not-before, the newest previous token stays valid until the new one is', async () => {
  const r = await runInProcess(s, { 'not-before': '30m' });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  // The stored value carries the not-before window too, so it is matched by its mark rather than compared whole.
  const minted = s.fly.tokens.find((t) => t.id === r.outputs['token-id'])!;
  expect(markOf(s.gh.secret(REPO, 'FLY_API_TOKEN')!.value)).toBe(nameMark(minted.name));
  // The secret holds a token valid only in 30 minutes: jobs until then still need the previous one.
  expect(valid(previous)).toBe(true);
  expect(JSON.parse(r.outputs['revoked-token-ids'])).not.toContain(previous);
});

test("case 7: a create that completes on Fly after its answer was lost leaves no second token of the run's name", async () => {
  // The first create is applied, but its answer never comes back; the run's retry mints again.
  s.fly.server.fault(CREATE, { kind: 'hang' }, { times: 1, after: true });
  const r = await runInProcess(s, { 'request-timeout': '2' });
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  const held = heldToken(s, TOKEN_NAME)!;
  expect(held.id).toBe(r.outputs['token-id']);
  const ownName = held.name;
  const sameName = s.fly.tokens.filter((t) => t.name === ownName);
  expect(sameName.length).toBeGreaterThan(1);
  // Every token with the run's own name other than the stored one was revoked before the run exited.
  expect(sameName.filter((t) => t.id !== held.id && valid(t.id))).toEqual([]);
  expect(r.stdout).not.toMatch(/another rotation/);
}, 20_000);

test("case 7, found by the property test: a create that hangs past the run's work deadline, applied on Fly, is revoked before the run ends", async () => {
  // The request timeout is longer than the run: only the run's deadline cuts the create, and the time kept
  // for cleanup must still let the run list its own name and revoke what Fly created.
  const before = new Set(s.fly.tokens.map((t) => t.id));
  s.fly.server.fault(CREATE, { kind: 'hang' }, { times: 1, after: true });
  const r = await runInProcess(s, { timeout: '8', 'request-timeout': '30' });
  expect(r.code).toBe(1);
  const created = s.fly.tokens.filter((t) => !before.has(t.id));
  expect(created).toHaveLength(1);
  expect(valid(created[0].id)).toBe(false);
  expect(r.errors.join('\n')).toContain(created[0].id);
  expect(heldToken(s, TOKEN_NAME)?.id).toBe(previous);
  expect(valid(previous)).toBe(true);
}, 30_000);

describe('case 7, found by the property test: a create applied on Fly whose answer was lost (HTTP 500)', () => {
  const orphansAfter = async (revokeFaults: number) => {
    const before = new Set(s.fly.tokens.map((t) => t.id));
    s.fly.server.fault(CREATE, { kind: 'status', status: 500 }, { times: 1, after: true });
    s.fly.server.fault('deleteLimitedAccessToken', { kind: 'status', status: 408 }, { times: revokeFaults });
    const r = await runInProcess(s);
    const held = heldToken(s, TOKEN_NAME)!;
    const orphans = s.fly.tokens.filter((t) => !before.has(t.id) && t.id !== held.id && valid(t.id));
    return { r, orphans, held };
  };
  test('a revoke answering 408 twice is retried: the lost token is revoked and the run succeeds', async () => {
    const { r, orphans, held } = await orphansAfter(2);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(held.id).toBe(r.outputs['token-id']);
    expect(orphans).toEqual([]);
  }, 30_000);
  test('every revoke answering 408: the run fails naming the token nobody holds, never exits 0', async () => {
    const { r, orphans } = await orphansAfter(Number.POSITIVE_INFINITY);
    expect(r.code).toBe(1);
    expect(orphans.length).toBeGreaterThan(0);
    for (const t of orphans) expect(r.errors.join('\n')).toContain(t.id);
    expect(r.errors.join('\n')).toMatch(/nobody holds it, and revoking it failed/);
  }, 30_000);
});

describe('case 8: waits are cut by the run deadline', () => {
  test('GitHub answers 429 with Retry-After: 100: the run ends within its timeout, and a 429 wrote nothing', async () => {
    s.gh.server.fault(
      WRITE,
      { kind: 'status', status: 429, headers: { 'retry-after': '100' }, body: '{"message":"slow down"}' },
      every,
    );
    const started = Date.now();
    const r = await runInProcess(s, { timeout: '10' });
    // Generous: the run's own timeout plus slack for a busy machine, far below the 100 s asked for.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(1);
    // A 429 proves nothing was written: the secret holds the previous token, and the new one was taken back.
    expect(heldToken(s, TOKEN_NAME)?.id).toBe(previous);
    expect(valid(previous)).toBe(true);
    const minted = s.fly.tokens.at(-1)!;
    expect(minted.id).not.toBe(previous);
    expect(valid(minted.id)).toBe(false);
  }, 30_000);
});
