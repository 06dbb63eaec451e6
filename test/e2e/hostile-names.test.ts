// Fly token names are remote text: a name with a line break and `::error::`, `::add-mask::`, or a terminal escape
// must show as text in every mode, never act as a workflow command or reach a terminal as an escape sequence.
// The runs are the action's entry in this process (its stdout recorded as @actions/core writes it), except
// the revoke, which prints the name on its own line: that one is the built action's real stdout.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { isManagedName } from '../../src/core/names.js';
import type { ActionRun } from '../harness/run-action.js';
import { type Scenario, startScenario, storedValue } from '../harness/scenario.js';

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

// The runner's legacy command form, obeyed anywhere in a line: `##[stop-commands]x` would make it ignore every
// command until `##[x]`, so the `::add-mask::` lines after it (a minted token, an App's tokens) would print.
const STOP = '##[stop-commands]x';

/** The runner's view: raw `##[` anywhere, in any line of what it reads. */
const legacyCommands = (text: string) => text.split('\n').filter((l) => l.includes('##['));

test('revoke-all lists a token someone named "… · ##[stop-commands]x": the name shows, the runner obeys nothing', async () => {
  const first = await s.runInProcess({});
  expect(first.code).toBe(0);
  // Any member of the Fly org can create a token with a managed name: here, one of the action's own, renamed.
  const token = s.fly.tokens.find((t) => t.id === first.outputs['token-id'])!;
  token.name = `fly-token-rotator acme/web FLY_API_TOKEN · ${STOP}`;
  // The built action's real stdout, as the runner reads it.
  const run = await s.run({ mode: 'revoke-all' });
  expect(run.code).toBe(0);
  expect(token.revokedAt).toBeTruthy();
  expect(legacyCommands(run.stdout)).toEqual([]);
  expect(legacyCommands(run.summary)).toEqual([]);
  expect(run.stdout).toContain('#\\u0023[stop-commands]x');
  expect(injected(run)).toEqual([]);
});

test('a command target that prints ##[stop-commands] and ::error:: has its output shown, not obeyed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fly-rotator-hostile-command-'));
  try {
    const program = join(dir, 'loud.mjs');
    const stored = join(dir, 'stored');
    await writeFile(
      program,
      `import { writeFileSync } from 'node:fs';
let v = '';
process.stdin.on('data', (d) => (v += d)).on('end', () => {
  writeFileSync(process.argv[2], v);
  console.log('${STOP}');
  console.log('::error::pwned');
  console.error('stored; ${STOP} ::add-mask::x');
});
`,
    );
    const run = await s.run({ targets: `command:node ${program} ${stored}` });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(await readFile(stored, 'utf8')).toBe(storedValue(s.fly.tokens.at(-1)!));
    expect(legacyCommands(run.stdout)).toEqual([]);
    expect(legacyCommands(run.summary)).toEqual([]);
    expect(injected(run)).toEqual([]);
    // What it printed is in the log, to read.
    expect(run.stdout).toContain('stdout: #\\u0023[stop-commands]x');
    // Prefixed by the command's name, `::error::` no longer starts its line.
    expect(run.stdout).toMatch(/^node stdout: ::error::pwned$/m);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
