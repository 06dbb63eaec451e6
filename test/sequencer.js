// Jest's order (slowest first when its cache knows the durations, else the largest files first), except that
// the fault-injection suite starts first and the other end-to-end and fault files before the unit tests. Those
// take seconds each (the fault suite the longest), the unit tests a fraction of a second: run last, the unit
// tests fill both workers to the end. Without a cache (a fresh clone), size alone would start small slow
// files such as the fault suite or the package test last, with one worker idle while they finish.
import Sequencer from '@jest/test-sequencer';

const FIRST = '/test/faults/faults.test.ts';
const LONG = ['/test/faults/', '/test/e2e/'];

export default class LongFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const rank = (t) => {
      const path = t.path.replaceAll('\\', '/');
      if (path.endsWith(FIRST)) return 0;
      return LONG.some((dir) => path.includes(dir)) ? 1 : 2;
    };
    return sorted
      .map((t, i) => ({ t, i }))
      .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
      .map(({ t }) => t);
  }
}
