// The process killed (SIGKILL) between every two steps of a rotation, then run again: the target must hold a
// valid token throughout, and the rerun must leave exactly that one valid. The killed run is the built action
// (needs `npm run build` first); the reruns are the action's entry in this process, as nothing in them is
// about a process.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { startScenario } from '../harness/scenario.js';
import { managed, noLeaks, nothingUnaccounted, targetHoldsValid } from './invariants.js';
import {
  type CaseResult,
  closingTable,
  pool,
  run,
  runInProcess,
  setupRotation,
  TOKEN_NAME,
} from './world.js';

/** Log lines that mark the boundary between two steps, in protocol order. */
const KILL_POINTS = [
  '::group::Plan',
  '::group::Create',
  'Minted token',
  'Wrote ',
  '::group::Revoke previous',
  'Revoked previous token',
];

/**
 * A job summary file nobody reads (a FIFO): the run blocks when it writes its summary, its last act, so it
 * cannot exit before the kill lands however late that is. Its outputs are written before and stay readable.
 */
async function stalledSummary(): Promise<{ env: Record<string, string>; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fly-rotator-kill-'));
  const path = join(dir, 'summary');
  execFileSync('mkfifo', [path]);
  return { env: { GITHUB_STEP_SUMMARY: path }, remove: () => rm(dir, { recursive: true, force: true }) };
}

async function killCase(marker: string): Promise<CaseResult> {
  // A little latency per request so that the kill lands before the next call, not after it.
  const s = await startScenario({ latencyMs: 40 });
  const summary = await stalledSummary();
  try {
    const v = await setupRotation(s);
    // A run that fails before the marker blocks on the summary too: the timeout ends it, and this says so.
    const killed = await run(s, {}, { killWhen: marker, env: summary.env, timeoutMs: 30_000 });
    if (killed.signal !== 'SIGKILL' || !killed.stdout.includes(marker))
      v.push(`the run was not killed at "${marker}" (exit ${killed.code}): ${killed.errors.join(' / ')}`);
    v.push(...noLeaks(s, killed), ...targetHoldsValid(s, TOKEN_NAME));
    const again = await runInProcess(s);
    if (again.code !== 0) v.push(`the rerun failed: ${again.errors.join(' / ')}`);
    v.push(
      ...noLeaks(s, again),
      ...targetHoldsValid(s, TOKEN_NAME, again),
      ...nothingUnaccounted(s, TOKEN_NAME),
    );
    return { id: `SIGKILL at "${marker}"`, violations: v };
  } finally {
    await Promise.all([s.close(), summary.remove()]);
  }
}

/** The kill switch killed after its first revocation: run again, it finishes; a rotation then recovers. */
async function killRevokeAll(): Promise<CaseResult> {
  const s = await startScenario({ latencyMs: 40 });
  try {
    const v = [...(await setupRotation(s)), ...(await setupRotation(s, { 'keep-previous': '2' }))];
    v.push(...(await setupRotation(s, { 'keep-previous': '2' })));
    // Every revocation after the first is held unanswered (never carried out), so the kill lands while they
    // are in flight. The rerun revokes them.
    let deletes = 0;
    s.fly.server.fault(
      'deleteLimitedAccessToken',
      { kind: 'hang' },
      { times: 100, when: () => deletes++ > 0 },
    );
    const killed = await run(s, { mode: 'revoke-all' }, { killWhen: 'Revoked ' });
    s.fly.server.clearFaults();
    if (killed.signal !== 'SIGKILL' || !killed.stdout.includes('Revoked '))
      v.push(`revoke-all was not killed (exit ${killed.code})`);
    const again = await runInProcess(s, { mode: 'revoke-all' });
    if (again.code !== 0) v.push(`revoke-all rerun failed: ${again.errors.join(' / ')}`);
    if (managed(s, TOKEN_NAME).some((t) => !t.revokedAt)) v.push('a managed token survived revoke-all');
    const rotate = await runInProcess(s);
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
