// Fly token names are remote text: a name with a line break and `::error::`, `::add-mask::`, or a terminal escape
// must show as text in every mode, never act as a workflow command or reach a terminal as an escape sequence.
// The runs are the action's entry in this process (its stdout recorded as @actions/core writes it), except
// the revoke, which prints the name on its own line: that one is the built action's real stdout.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { isManagedName } from '../../src/core/names.js';
import type { ActionRun } from '../harness/run-action.js';
import { type Scenario, startScenario } from '../harness/scenario.js';

const NAMES = ['x\n::error::pwned', 'y\r\n::add-mask::acme-web', '\u001b]0;title\u0007\u001b[2J'];

/** Lines the runner would take as workflow commands, other than the ones the action writes itself. */
function injected(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('::'))
    .filter(
      (l) =>
        !/^::(add-mask|group|endgroup|warning|error)::/.test(l) ||
        /^::(error::pwned|add-mask::acme-web)/.test(l),
    );
}

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.close());

describe.each(NAMES)('token named %j', (name) => {
  const inputs = (extra: Record<string, string>) => ({ 'token-name': name, 'keep-previous': '1', ...extra });
  const run = (extra: Record<string, string>) => s.runInProcess(inputs(extra));
  const ids = () => s.fly.tokens.filter((t) => isManagedName(t.name, name) && !t.revokedAt).map((t) => t.id);

  test('rotate, status, revoke and revoke-all print it neutralised', async () => {
    const runs = [await run({}), await run({}), await run({ mode: 'status' })];
    expect(ids()).toHaveLength(2);
    runs.push(await s.run(inputs({ mode: 'revoke', 'token-ids': ids()[0], force: 'true' })));
    runs.push(await run({ mode: 'revoke-all' }));
    expect(ids()).toEqual([]);
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(injected(r)).toEqual([]);
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout).not.toContain('\r');
      expect(r.summary).not.toContain('\u001b');
    }
    // The name is still there to read, with its control characters written out.
    const revoke = runs[3].stdout;
    expect(revoke).toMatch(/^Revoked \S+ \(.*\)\.$/m);
    expect(revoke).toContain(name.includes('\u001b') ? '\\u001b]0;title\\u0007' : '\\n::');
  });
});
