// A long run of the property test (test/property/schedule.ts) outside jest: `npm run chaos -- --runs 20000
// --seed N [--minutes M]`. Prints the size, the time and the result; a failure prints the shrunk schedule and
// exits 1. `--minutes` stops starting new schedules after M minutes and says how many ran.
import fc from 'fast-check';
import { describeSchedule, runSchedule, scheduleArb } from '../test/property/schedule.js';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} expects a positive whole number, got ${process.argv[i + 1]}`);
    process.exit(2);
  }
  return value;
}

const runs = flag('runs', 200);
const seed = flag('seed', Date.now() % 2 ** 31);
const minutes = process.argv.includes('--minutes') ? flag('minutes', 1) : undefined;
const started = Date.now();
let done = 0;
const result = await fc.check(
  fc.asyncProperty(scheduleArb, async (schedule) => {
    const violations = await runSchedule(schedule);
    if (++done % 50 === 0) console.error(`${done} schedules, ${Math.round((Date.now() - started) / 1000)} s`);
    if (violations.length) throw new Error(violations.join('\n'));
  }),
  {
    seed,
    numRuns: runs,
    endOnFailure: false,
    ...(minutes ? { interruptAfterTimeLimit: minutes * 60_000, markInterruptAsFailure: false } : {}),
  },
);
const seconds = Math.round((Date.now() - started) / 1000);
if (result.failed) {
  console.log(
    `chaos: seed ${seed}: FAILED after ${result.numRuns} schedules, ${seconds} s (path ${result.counterexamplePath})`,
  );
  if (result.counterexample) console.log(describeSchedule(result.counterexample[0]));
  console.log(String(result.errorInstance));
  process.exit(1);
}
const cut = result.interrupted ? ` (stopped by --minutes ${minutes} before ${runs})` : '';
console.log(
  `chaos: seed ${seed}: ${result.numRuns} schedules${cut}, every invariant held after every run, ${seconds} s`,
);
// Emulator connections kept alive would hold the process open.
process.exit(0);
