// The action under GitHub's local runner, @github/local-action, as docs/development.md tells a developer to
// debug it: `local-action run . src/action/main.ts .env`. It loads the action's source entry with tsx, puts its
// own @actions/core and @actions/github in their place, calls the exported run(), and prints the outputs it
// recorded; its exit code is the action's. No network: npm runs offline and every API is an emulator.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals';
import { runProcess } from '../harness/process.js';
import { APP, leaks, REPO, type Scenario, startScenario, storedValue } from '../harness/scenario.js';

jest.setTimeout(90_000);
const root = fileURLToPath(new URL('../../', import.meta.url));
const LOCAL_ACTION = join(root, 'node_modules/@github/local-action/bin/local-action.js');

let s: Scenario;
let dir: string;
beforeEach(async () => {
  s = await startScenario();
  dir = await mkdtemp(join(tmpdir(), 'fly-rotator-local-action-'));
});
afterEach(async () => {
  await s.close();
  await rm(dir, { recursive: true, force: true });
});

/** Writes the .env file local-action reads (inputs as INPUT_* variables) and runs the action with it. */
async function localAction(inputs: Record<string, string>) {
  const summary = join(dir, 'summary.md');
  await writeFile(summary, '');
  const vars: Record<string, string> = {
    ...s.env,
    FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off',
    GITHUB_STEP_SUMMARY: summary,
  };
  for (const [name, value] of Object.entries({ ...s.inputs, ...inputs }))
    vars[`INPUT_${name.toUpperCase()}`] = value;
  const dotenv = join(dir, '.env');
  await writeFile(
    dotenv,
    Object.entries(vars)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}\n`)
      .join(''),
  );
  const r = await runProcess(process.execPath, [LOCAL_ACTION, 'run', '.', 'src/action/main.ts', dotenv], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
      // local-action replaces @actions/core by its path as `npm ls` prints it; where node_modules is a symbolic
      // link (a git worktree sharing one), Node would load the real path instead and miss the replacement.
      NODE_OPTIONS: '--preserve-symlinks',
      NO_COLOR: '1',
    },
    timeoutMs: 60_000,
  });
  return { ...r, summary: await readFile(summary, 'utf8') };
}

/** The rows of local-action's "Action Outputs" table: │ index │ name │ value │. */
function outputsTable(stdout: string): Record<string, string> {
  const table = stdout.split('Action Outputs')[1] ?? '';
  const rows = [...table.matchAll(/^│\s*\d+\s*│\s*'?([\w-]+)'?\s*│\s*'?(.*?)'?\s*│$/gm)];
  return Object.fromEntries(rows.map((m) => [m[1], m[2]]));
}

test('a rotation against the emulators: outputs in the table, the summary written, exit 0', async () => {
  const r = await localAction({});
  expect(r.timedOut).toBe(false);
  expect(r.stdout).not.toContain('does not export a run() function');
  expect(r.code).toBe(0);
  const [token] = s.fly.tokens;
  expect(s.fly.tokens).toHaveLength(1);
  expect(s.gh.secret(REPO, 'FLY_API_TOKEN')?.value).toBe(storedValue(token));
  expect(s.fly.accepts(token.header, { app: APP })).toBe(true);
  const outputs = outputsTable(r.stdout);
  expect(outputs['token-id']).toBe(token.id);
  expect(Date.parse(outputs['expires-at'])).toBe(token.expiresAt.getTime());
  expect(outputs['revoked-token-ids']).toBe('[]');
  expect(r.summary).toContain('### Fly token rotated');
  expect(leaks(s, r.stdout, r.stderr, r.summary)).toEqual([]);
});

test('a failing run exits 1 with its error, and nothing is minted', async () => {
  const r = await localAction({ app: 'ghost-app' });
  expect(r.timedOut).toBe(false);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('Fly app "ghost-app" was not found');
  expect(s.fly.tokens).toHaveLength(0);
  // The table still prints: what the run set before it failed (it revoked nothing).
  expect(outputsTable(r.stdout)).toEqual({ 'revoked-token-ids': '[]' });
  expect(leaks(s, r.stdout, r.stderr)).toEqual([]);
});
