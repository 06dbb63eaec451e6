// The scenarios of issue 10, each through the action's entry (in this process) against the emulators: a run
// revokes what it minted and no target holds before it exits, `revoke` tells held tokens from orphans, `status`
// shows each target's token, and a hanging API fails the run on time.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { type Scenario, startScenario } from '../harness/scenario.js';
import { heldToken, isValid, managed, ownTokensHeldOrRevoked, targetHoldsValid } from './invariants.js';
import { runInProcess as run, setupRotation, TOKEN_NAME } from './world.js';

const WRITE = 'actions/create-or-update-repo-secret';
const CREATE = 'createLimitedAccessToken';
const REVOKE = 'deleteLimitedAccessToken';
const every = { times: Number.POSITIVE_INFINITY };

let s: Scenario;
let existing: Set<string>;
beforeEach(async () => {
  s = await startScenario();
  expect(await setupRotation(s)).toEqual([]);
  existing = new Set(s.fly.tokens.map((t) => t.id));
});
afterEach(() => s.close());

const mintedByRun = () => s.fly.tokens.filter((t) => !existing.has(t.id));

describe('a run revokes what it minted and no target holds', () => {
  test('every write answered HTTP 500 before GitHub stored it: updated_at shows it, the new token is revoked', async () => {
    s.gh.server.fault(WRITE, { kind: 'status', status: 500 }, every);
    const r = await run(s);
    expect(r.code).toBe(1);
    expect(r.errors.join()).toMatch(/did not land/);
    expect(mintedByRun()).toHaveLength(1);
    expect(mintedByRun()[0].revokedAt).not.toBeNull();
    expect(JSON.parse(r.outputs['revoked-token-ids'])).toEqual([mintedByRun()[0].id]);
    expect(targetHoldsValid(s, TOKEN_NAME)).toEqual([]);
  });

  test('every write stored but answered HTTP 500: updated_at shows it landed, and the rotation completes', async () => {
    s.gh.server.fault(WRITE, { kind: 'status', status: 500 }, { ...every, after: true });
    const r = await run(s);
    expect(r.code).toBe(0);
    expect(heldToken(s, TOKEN_NAME)?.id).toBe(r.outputs['token-id']);
    expect(managed(s, TOKEN_NAME).filter((t) => isValid(s, t))).toHaveLength(1);
  });

  test('every create minted but its answer lost: each token the run created is revoked by the run', async () => {
    s.fly.server.fault(CREATE, { kind: 'reset' }, { ...every, after: true });
    const r = await run(s);
    expect(r.code).toBe(1);
    expect(r.errors.join()).toMatch(/failed twice.*so this run revoked it/);
    expect(mintedByRun()).toHaveLength(2);
    expect(ownTokensHeldOrRevoked(s, TOKEN_NAME, existing)).toEqual([]);
    expect(targetHoldsValid(s, TOKEN_NAME)).toEqual([]);
  });

  test('one create minted but its answer lost: the lost token is revoked at once, not left for the grace period', async () => {
    s.fly.server.fault(CREATE, { kind: 'status', status: 502 }, { after: true });
    // The real grace period: it must not protect this run's own lost token.
    const r = await s.runInProcess(
      { 'token-name': TOKEN_NAME },
      { env: { FLY_TOKEN_ROTATOR_RETRY_BASE_MS: '20' } },
    );
    expect(r.code).toBe(0);
    const [lost, fresh] = mintedByRun();
    expect(fresh.id).toBe(r.outputs['token-id']);
    expect(lost.revokedAt).not.toBeNull();
    expect(lost.name).toBe(fresh.name);
    expect(fresh.name).toMatch(
      new RegExp(`^${TOKEN_NAME} · (cli|run \\d+/\\d+) [0-9a-f]{6} mark [0-9a-f]{7}$`),
    );
  });
});

describe('revoke and status know what each target holds', () => {
  test('an orphan newer than the held token is revoked without force; the held one is refused, naming the target', async () => {
    // A rotation whose store and rollback both fail leaves an orphan: newer than what the secret holds.
    s.gh.server.fault(WRITE, { kind: 'status', status: 422 }, every);
    s.fly.server.fault(REVOKE, { kind: 'status', status: 500 }, every);
    expect((await run(s)).code).toBe(1);
    s.gh.server.clearFaults();
    s.fly.server.clearFaults();
    const [orphan] = mintedByRun();
    const held = heldToken(s, TOKEN_NAME)!;
    expect(isValid(s, orphan)).toBe(true);

    const status = await run(s, { mode: 'status' });
    expect(status.code).toBe(0);
    const holdings = JSON.parse(status.outputs.holdings);
    expect(holdings).toEqual([expect.objectContaining({ tokenId: held.id, live: true })]);
    expect(Date.parse(holdings[0].expiresAt)).toBe(held.expiresAt.getTime());

    const ok = await run(s, { mode: 'revoke', 'token-ids': orphan.id });
    expect(ok.code).toBe(0);
    expect(orphan.revokedAt).not.toBeNull();
    const refused = await run(s, { mode: 'revoke', 'token-ids': held.id });
    expect(refused.code).toBe(1);
    expect(refused.summary).toMatch(/refused: held by repository secret FLY_API_TOKEN in acme\/web/);
    expect(held.revokedAt).toBeNull();
  });

  test('status without a GitHub credential checks Fly only, and says that the targets were not read', async () => {
    const r = await run(s, { mode: 'status', 'github-token': '' });
    expect(r.code).toBe(0);
    expect(r.summary).toMatch(/Targets not read: a target's credential was not given \(github-token/);
    expect(r.outputs.holdings).toBeUndefined();
    expect(r.outputs['token-id']).toBe(heldToken(s, TOKEN_NAME)?.id);
  });

  test('status fails when a target holds a revoked token, and names it', async () => {
    const held = heldToken(s, TOKEN_NAME)!;
    expect((await run(s, { mode: 'revoke', 'token-ids': held.id, force: 'true' })).code).toBe(0);
    const r = await run(s, { mode: 'status' });
    expect(r.code).toBe(1);
    expect(r.errors.join()).toMatch(new RegExp(`acme/web holds ${held.id}, which was revoked`));
    expect(JSON.parse(r.outputs.holdings)[0]).toMatchObject({ tokenId: held.id, live: false });
  });
});

describe('revoke-all re-checks a NOT_FOUND as mode revoke does', () => {
  const notFound = JSON.stringify({
    data: null,
    errors: [{ message: 'Could not find the requested resource', extensions: { code: 'NOT_FOUND' } }],
  });

  test('a token revoked by someone else meanwhile is already revoked, not a failure', async () => {
    const held = heldToken(s, TOKEN_NAME)!;
    // The revoke lands, and the answer says NOT_FOUND: another run got there first.
    s.fly.server.fault(REVOKE, { kind: 'status', status: 200, body: notFound }, { after: true });
    const r = await run(s, { mode: 'revoke-all' });
    expect(r.code).toBe(0);
    expect(held.revokedAt).not.toBeNull();
    expect(r.summary).toMatch(new RegExp(`${held.id}.*already revoked`));
    expect(r.summary).toMatch(/These targets now hold a revoked token.*acme\/web/);
    expect(JSON.parse(r.outputs['revoked-token-ids'])).toEqual([]);
  });

  test('a NOT_FOUND for a token that is still valid stays a failure', async () => {
    const held = heldToken(s, TOKEN_NAME)!;
    s.fly.server.fault(REVOKE, { kind: 'status', status: 200, body: notFound });
    const r = await run(s, { mode: 'revoke-all' });
    expect(r.code).toBe(1);
    expect(held.revokedAt).toBeNull();
    expect(r.errors.join()).toMatch(/failed; run revoke-all again/);
  });
});

describe('a run ends on time', () => {
  test('every request to both APIs hangs: the run fails within its timeout, naming the step, changing nothing', async () => {
    s.fly.server.fault('*', { kind: 'hang' }, every);
    s.gh.server.fault('*', { kind: 'hang' }, every);
    const secret = s.gh.secret('acme/web', 'FLY_API_TOKEN')?.value;
    const started = Date.now();
    // Each request alone would wait 30 s: only the run's timeout can end this run on time.
    const r = await run(s, { timeout: '3', 'request-timeout': '30' });
    const took = Date.now() - started;
    expect(r.code).toBe(1);
    expect(r.errors.join()).toMatch(/timeout \(3 s\) ran out while step Plan .* was waiting/);
    // The budget, plus slack for a busy machine; far below one request's 30 s.
    expect(took).toBeLessThan(3000 + 6000);
    expect(s.gh.secret('acme/web', 'FLY_API_TOKEN')?.value).toBe(secret);
    expect(mintedByRun()).toEqual([]);
  }, 20_000);

  test('the secret write hangs: the run gives up on it, sees from updated_at that it did not land, and revokes its token', async () => {
    s.gh.server.fault(WRITE, { kind: 'hang' }, every);
    // 4 s: the write is cut after 3, when the last quarter is left for cleanup; the steps before it take
    // milliseconds in this process.
    const r = await run(s, { timeout: '4' });
    expect(r.code).toBe(1);
    expect(r.errors.join()).toMatch(/did not land/);
    expect(ownTokensHeldOrRevoked(s, TOKEN_NAME, existing)).toEqual([]);
    expect(targetHoldsValid(s, TOKEN_NAME)).toEqual([]);
  }, 20_000);
});
