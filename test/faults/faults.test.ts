// The fault-injection suite: the action against both emulators, with one fault at each API call of each
// mode × each fault kind, then a clean run. Every case runs the action's entry in this process; a sample, one
// case per fault kind, also runs through the built action (needs `npm run build` first). Invariants from
// ./invariants.ts.
import { describe, expect, test } from '@jest/globals';
import { FAULT_KINDS, type FaultCase, faultCases, POINTS } from './points.js';
import { closingTable, pool, run, runFaultCase } from './world.js';

// A case spends most of its time waiting (request timeouts, Retry-After) and little on the CPU now that it
// starts no process, so many at once.
const PARALLEL = 16;

/**
 * One case per fault kind, the kinds spread over the modes and each mode's calls, so that the bundle meets
 * every kind of fault and every mode at least once.
 */
function sample(cases: FaultCase[]): FaultCase[] {
  const modes = Object.keys(POINTS) as (keyof typeof POINTS)[];
  return FAULT_KINDS.map((kind, k) => {
    const mode = modes[k % modes.length];
    const fits = cases.filter((c) => c.kind === kind && c.mode === mode);
    return fits[k % fits.length];
  });
}

describe('fault injection', () => {
  test('every mode × call × fault kind keeps the invariants', async () => {
    const cases = faultCases();
    const results = await pool(cases, PARALLEL, (c) => runFaultCase(c));
    const table = closingTable('Fault injection', results);
    console.log(table);
    expect(results.length).toBeGreaterThan(100);
    expect(table).not.toContain('FAILED');
    // A generous limit: on a machine shared with other test runs this one test can take minutes.
  }, 600_000);

  test('a sample through the built action keeps the invariants too', async () => {
    const cases = sample(faultCases());
    expect(new Set(cases.map((c) => c.kind)).size).toBe(FAULT_KINDS.length);
    expect(new Set(cases.map((c) => c.mode)).size).toBe(Object.keys(POINTS).length);
    const results = await pool(cases, 3, (c) => runFaultCase(c, run));
    const table = closingTable('Fault injection, built action', results);
    console.log(table);
    expect(table).not.toContain('FAILED');
  }, 300_000);
});
