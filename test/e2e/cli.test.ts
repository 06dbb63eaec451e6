// The built CLI (bin/fly-token-rotator.js over dist/) against both emulators: credentials from the environment, --json,
// exit codes, and no credential or minted token in anything it prints. The hostile-names case, a dozen runs,
// calls the CLI's own code (src/cli/run.ts) in this process: what it checks is what the CLI writes.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { runCli } from '../../src/cli/run.js';
import { type ProcessResult, runProcess } from '../harness/process.js';
import { GITHUB_TOKEN, leaks, type Scenario, startScenario } from '../harness/scenario.js';

const CLI = fileURLToPath(new URL('../../bin/fly-token-rotator.js', import.meta.url));

let s: Scenario;
let dir: string;
beforeEach(async () => {
  s = await startScenario();
  s.gh.addRepo('acme/api');
  s.gh.addToken(GITHUB_TOKEN, {
    kind: 'fine-grained',
    repos: ['acme/web', 'acme/api'],
    permissions: { secrets: 'write', metadata: 'read' },
  });
  dir = await mkdtemp(join(tmpdir(), 'fly-rotator-cli-'));
});
afterEach(async () => {
  await s.close();
  await rm(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}) {
  return runProcess(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off', ...s.env, ...env },
  });
}

/** The CLI's runCli in this process, with the environment `cli` gives the process; stdout and stderr kept. */
async function cliInProcess(args: string[], env: Record<string, string> = {}): Promise<ProcessResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    { PATH: process.env.PATH ?? '', FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off', ...s.env, ...env },
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
  );
  return { code, stdout, stderr };
}

const credentials = () => ({ FLY_API_TOKEN: s.authToken, GITHUB_TOKEN });

test('rotates a config with credentials from the environment and prints JSON', async () => {
  const file = join(dir, 'bot.yml');
  await writeFile(
    file,
    'rotations:\n  - app: acme-web\n    targets: [repo:acme/web]\n  - app: acme-api\n    targets: [repo:acme/api]\n',
  );
  const run = await cli(['--config', file, '--json'], credentials());
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout);
  expect(report).toMatchObject({ mode: 'rotate', ok: true });
  expect(report.rotations.map((r: { name: string; ok: boolean }) => [r.name, r.ok])).toEqual([
    ['acme-web', true],
    ['acme-api', true],
  ]);
  for (const r of report.rotations) expect(s.fly.tokens.find((t) => t.id === r.tokenId)).toBeDefined();
  expect(s.fly.accepts(s.gh.secret('acme/api', 'FLY_API_TOKEN')!.value, { app: 'acme-api' })).toBe(true);
  // Plain progress lines (stderr is not a TTY here): one per rotation.
  expect(run.stderr.match(/^ok {3}\[\d\/2\] /gm)).toHaveLength(2);
  expect(leaks(s, run.stdout, run.stderr)).toEqual([]);
});

test('flags override the environment; a failed rotation exits 1 and names it', async () => {
  const run = await cli(
    ['--app', 'acme-web', '--target', 'repo:acme/web', '--fly-api-token', s.authToken, '--expiry', '2d'],
    { GITHUB_TOKEN: 'github_pat_unknown_to_the_emulator' },
  );
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^FAIL \[1\/1\] deploy token for app acme-web: /m);
  expect(run.stderr).toMatch(/^error: /m);
  expect(s.gh.secret('acme/web', 'FLY_API_TOKEN')).toBeUndefined();
  expect(s.fly.tokens.every((t) => t.revokedAt)).toBe(true);
  expect(leaks(s, run.stdout, run.stderr)).toEqual([]);
});

test('bad flags and bad input exit 2 before any API call; --help shows examples and exit codes', async () => {
  const unknown = await cli(['--colour', 'blue'], credentials());
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('unknown flag --colour');
  const missing = await cli(['--app', 'acme-web', '--target', 'repo:acme/web'], { GITHUB_TOKEN });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('error: --fly-api-token (or FLY_API_TOKEN) is required.');
  const only = await cli(
    ['--app', 'acme-web', '--target', 'repo:acme/web', '--only', 'acme-web'],
    credentials(),
  );
  expect(only.code).toBe(2);
  expect(only.stderr).toContain('--only has no effect without --config');
  const version = await cli(['--app', 'acme-web', '--target', 'repo:acme/web', '--version'], credentials());
  expect(version).toMatchObject({
    code: 0,
    stdout: expect.stringMatching(/^fly-token-rotator \d+\.\d+\.\d+/),
  });
  expect(s.fly.server.requests).toEqual([]);
  expect(s.gh.server.requests).toEqual([]);
  const help = await cli(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Examples:');
  expect(help.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}3 /);
});

test('plan needs no credentials and prints the matrix', async () => {
  const file = join(dir, 'bot.yml');
  await writeFile(file, 'rotations:\n  - app: acme-web\n    targets: [repo:acme/web]\n');
  const run = await cli(['--config', file, '--mode', 'plan']);
  expect(run.code).toBe(0);
  const matrix = JSON.parse(run.stdout.replace(/^matrix: /, ''));
  expect(matrix.include).toEqual([
    { name: 'acme-web', label: 'acme-web: deploy token for app acme-web', kind: 'deploy', targets: 1 },
  ]);
});

test('a refused revoke says why in the plain output', async () => {
  const rotation = ['--app', 'acme-web', '--target', 'repo:acme/web'];
  const first = await cli([...rotation, '--json'], credentials());
  expect(first.code).toBe(0);
  const id = JSON.parse(first.stdout).rotations[0].tokenId as string;
  const refused = await cli([...rotation, '--mode', 'revoke', '--token-ids', id], credentials());
  expect(refused.code).toBe(1);
  expect(refused.stdout).toMatch(
    new RegExp(
      `^revoke ${id} \\(fly-token-rotator acme/web FLY_API_TOKEN.*\\): refused \\(held by .*; --force revokes it anyway\\)$`,
      'm',
    ),
  );
  expect(s.fly.tokens.find((t) => t.id === id)?.revokedAt).toBeFalsy();
  const forced = await cli([...rotation, '--mode', 'revoke', '--token-ids', id, '--force'], credentials());
  expect(forced.code).toBe(0);
  expect(forced.stdout).toMatch(
    new RegExp(`^revoke ${id} \\(fly-token-rotator acme/web FLY_API_TOKEN.*\\): revoked$`, 'm'),
  );
  expect(leaks(s, refused.stdout, refused.stderr, forced.stdout, forced.stderr)).toEqual([]);
});

test('remote token names print as text: no terminal escape, no line a runner would take as a command', async () => {
  const names = ['x\n::error::pwned', '\u001b]0;title\u0007\u001b[2J'];
  for (const name of names) {
    const rotate = [
      '--app',
      'acme-web',
      '--target',
      'repo:acme/web',
      '--token-name',
      name,
      '--keep-previous',
      '1',
    ];
    const runs = [await cliInProcess(rotate, credentials()), await cliInProcess(rotate, credentials())];
    const ids = s.fly.tokens.filter((t) => t.name.startsWith(name) && !t.revokedAt).map((t) => t.id);
    const scope = ['--app', 'acme-web', '--token-name', name];
    runs.push(await cliInProcess([...scope, '--mode', 'status'], credentials()));
    runs.push(await cliInProcess([...scope, '--mode', 'status', '--json'], credentials()));
    runs.push(
      await cliInProcess([...scope, '--mode', 'revoke', '--token-ids', ids[0], '--force'], credentials()),
    );
    runs.push(await cliInProcess([...scope, '--mode', 'revoke-all'], credentials()));
    expect(s.fly.tokens.filter((t) => t.name.startsWith(name) && !t.revokedAt)).toEqual([]);
    for (const r of runs) {
      expect(r.code).toBe(0);
      for (const text of [r.stdout, r.stderr]) {
        for (const control of ['\u001b', '\u0007', '\r']) expect(text).not.toContain(control);
        expect(text.split('\n').filter((l) => l.trim().startsWith('::'))).toEqual([]);
      }
    }
    // --json stays JSON and carries the name exactly (the managed name, then the run's identity).
    const listed: string = JSON.parse(runs[3].stdout).outputs.tokens[0].name;
    expect(listed.slice(0, name.length + 3)).toBe(`${name} · `);
    expect(runs[4].stderr).toMatch(/^Revoked \S+ \(.*\)\.$/m);
  }
});
