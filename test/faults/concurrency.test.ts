// Invariant (d): two rotations started at once never revoke each other's new token. The runs are the action's
// entry in this process, interleaved on its event loop by the emulators' latency. Both runs use the default
// sweep grace (no concurrency group); afterwards the target must hold a valid token, and a later run (grace 0,
// as if much later) must leave exactly that one valid.
import { describe, expect, test } from '@jest/globals';
import { startScenario } from '../harness/scenario.js';
import { noLeaks, nothingUnaccounted, targetHoldsValid } from './invariants.js';
import { type CaseResult, closingTable, pool, runInProcess, setupRotation, TOKEN_NAME } from './world.js';

const TRIALS = 6;

async function trial(i: number): Promise<CaseResult> {
  // Latency spreads each run's calls out, so the two runs interleave differently from trial to trial.
  const s = await startScenario({ latencyMs: 5 + i * 7 });
  try {
    const v = await setupRotation(s);
    const realGrace = { 'token-name': TOKEN_NAME };
    const both = await Promise.all([
      s.runInProcess(realGrace, { env: { FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: '' } }),
      s.runInProcess(realGrace, { env: { FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: '' } }),
    ]);
    for (const r of both) {
      if (r.code !== 0) v.push(`a concurrent run failed: ${r.errors.join(' / ')}`);
      v.push(...noLeaks(s, r));
    }
    v.push(...targetHoldsValid(s, TOKEN_NAME));
    const later = await runInProcess(s);
    v.push(...targetHoldsValid(s, TOKEN_NAME, later), ...nothingUnaccounted(s, TOKEN_NAME));
    return { id: `concurrent pair ${i + 1}`, violations: v };
  } finally {
    await s.close();
  }
}

describe('two runs at once', () => {
  test('never leave the target with a revoked token', async () => {
    const results = await pool(
      Array.from({ length: TRIALS }, (_, i) => i),
      3,
      trial,
    );
    const table = closingTable('Concurrent runs', results);
    console.log(table);
    expect(table).not.toContain('FAILED');
  }, 120_000);
});
