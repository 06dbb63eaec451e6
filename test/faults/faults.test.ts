// The fault-injection suite: the built action against both emulators, with one fault at each API call of each
// mode × each fault kind, then a clean run. Needs `npm run build` first. Invariants from ./invariants.ts.
import { availableParallelism } from 'node:os';
import { describe, expect, test } from '@jest/globals';
import { faultCases } from './points.js';
import { closingTable, pool, runFaultCase } from './world.js';

// Each case spends most of its time waiting (timeouts, Retry-After), so a few more than the cores.
const PARALLEL = Math.max(4, availableParallelism() * 3);

describe('fault injection', () => {
  test('every mode × call × fault kind keeps the invariants', async () => {
    const cases = faultCases();
    const results = await pool(cases, PARALLEL, runFaultCase);
    const table = closingTable('Fault injection', results);
    console.log(table);
    expect(results.length).toBeGreaterThan(100);
    expect(table).not.toContain('FAILED');
    // A generous limit: on a machine shared with other test runs this one test can take minutes.
  }, 600_000);
});
