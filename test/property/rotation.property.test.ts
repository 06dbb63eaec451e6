// The promise as a property over random schedules (see ./schedule.ts): after every run of every schedule, every
// target holds a token Fly accepts; exit 0 means every target holds this run's token; no token a target holds is
// revoked (but by revoke-all); every token a run minted and no target holds is revoked or named in its failure;
// the run ends within its timeout. A CI-sized sample here; `npm run chaos -- --runs N` runs a long one.
import { expect, test } from '@jest/globals';
import fc from 'fast-check';
import { describeSchedule, runSchedule, scheduleArb } from './schedule.js';

const SEED = Number(process.env.FLY_TOKEN_ROTATOR_PROPERTY_SEED) || 20261207;
const RUNS = Number(process.env.FLY_TOKEN_ROTATOR_PROPERTY_RUNS) || 12;

test(`no schedule breaks the promise (seed ${SEED}, ${RUNS} schedules)`, async () => {
  const result = await fc.check(
    fc.asyncProperty(scheduleArb, async (schedule) => {
      const violations = await runSchedule(schedule);
      if (violations.length) throw new Error(violations.join('\n'));
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: false, interruptAfterTimeLimit: 240_000 },
  );
  const shrunk = result.counterexample
    ? `\nshrunk schedule:\n${describeSchedule(result.counterexample[0])}\n${String(result.errorInstance)}`
    : '';
  expect(result.failed ? `seed ${result.seed}, path ${result.counterexamplePath}${shrunk}` : 'held').toBe(
    'held',
  );
}, 300_000);
