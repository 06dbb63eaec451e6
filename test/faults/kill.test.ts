// The process killed (SIGKILL) between every two steps of a rotation, then run again: the target must hold a
// valid token throughout, and the rerun must leave exactly that one valid. Needs `npm run build` first.
import { describe, expect, test } from '@jest/globals';
import { startScenario } from '../harness/scenario.js';
import { managed, noLeaks, nothingUnaccounted, targetHoldsValid } from './invariants.js';
import { type CaseResult, closingTable, pool, run, setupRotation, TOKEN_NAME } from './world.js';

/** Log lines that mark the boundary between two steps, in protocol order. */
const KILL_POINTS = [
  '::group::Plan',
  '::group::Create',
  'Minted token',
  'Wrote ',
  '::group::Revoke previous',
  'Revoked previous token',
];

async function killCase(marker: string): Promise<CaseResult> {
  // A little latency per request so that the kill lands before the next call, not after it.
  const s = await startScenario({ latencyMs: 40 });
  try {
    const v = await setupRotation(s);
    const killed = await run(s, {}, marker);
    if (killed.signal !== 'SIGKILL') v.push(`the run was not killed at "${marker}" (exit ${killed.code})`);
    v.push(...noLeaks(s, killed), ...targetHoldsValid(s, TOKEN_NAME));
    const again = await run(s);
    if (again.code !== 0) v.push(`the rerun failed: ${again.errors.join(' / ')}`);
    v.push(
      ...noLeaks(s, again),
      ...targetHoldsValid(s, TOKEN_NAME, again),
      ...nothingUnaccounted(s, TOKEN_NAME),
    );
    return { id: `SIGKILL at "${marker}"`, violations: v };
  } finally {
    await s.close();
  }
}

/** The kill switch killed after its first revocation: run again, it finishes; a rotation then recovers. */
async function killRevokeAll(): Promise<CaseResult> {
  const s = await startScenario({ latencyMs: 40 });
  try {
    const v = [...(await setupRotation(s)), ...(await setupRotation(s, { 'keep-previous': '2' }))];
    v.push(...(await setupRotation(s, { 'keep-previous': '2' })));
    // Every revocation after the first is slowed down, so the kill lands while they are still in flight.
    let deletes = 0;
    s.fly.server.fault(
      'deleteLimitedAccessToken',
      { kind: 'delay', ms: 3000 },
      { times: 100, when: () => deletes++ > 0 },
    );
    const killed = await run(s, { mode: 'revoke-all' }, 'Revoked ');
    s.fly.server.clearFaults();
    if (killed.signal !== 'SIGKILL') v.push(`revoke-all was not killed (exit ${killed.code})`);
    const again = await run(s, { mode: 'revoke-all' });
    if (again.code !== 0) v.push(`revoke-all rerun failed: ${again.errors.join(' / ')}`);
    if (managed(s, TOKEN_NAME).some((t) => !t.revokedAt)) v.push('a managed token survived revoke-all');
    const rotate = await run(s);
    if (rotate.code !== 0) v.push(`rotation after revoke-all failed: ${rotate.errors.join(' / ')}`);
    v.push(...noLeaks(s, killed), ...noLeaks(s, again), ...noLeaks(s, rotate));
    v.push(...targetHoldsValid(s, TOKEN_NAME, rotate), ...nothingUnaccounted(s, TOKEN_NAME));
    return { id: 'SIGKILL in revoke-all', violations: v };
  } finally {
    await s.close();
  }
}

describe('SIGKILL between steps', () => {
  test('revoke-all killed midway, run again, then rotated', async () => {
    const r = await killRevokeAll();
    expect(r.violations).toEqual([]);
  }, 60_000);

  test('every kill point, then a rerun, keeps the invariants', async () => {
    const results = await pool(KILL_POINTS, 3, killCase);
    const table = closingTable('SIGKILL between steps', results);
    console.log(table);
    expect(results).toHaveLength(KILL_POINTS.length);
    expect(table).not.toContain('FAILED');
  }, 120_000);
});
