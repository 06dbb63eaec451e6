// Jest's order (slowest first when its cache knows the durations, else the largest files first), except that the
// fault suites start first: they take most of the run, yet their files are small, so a fresh clone (no cache)
// would otherwise start them last and leave the other workers idle at the end.
import Sequencer from '@jest/test-sequencer';

const FIRST = ['/test/faults/faults.test.ts', '/test/faults/kill.test.ts'];

export default class FaultsFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const rank = (t) => {
      const i = FIRST.findIndex((end) => t.path.replaceAll('\\', '/').endsWith(end));
      return i < 0 ? FIRST.length : i;
    };
    return sorted
      .map((t, i) => ({ t, i }))
      .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
      .map(({ t }) => t);
  }
}
