// The npm package as a user meets it: `npm pack`, install the tarball into an empty folder, then
// `npx fly-token-rotator` for help and for a dry run against the emulators. Uses the current dist/ (npm test
// builds it first). Slow: it runs npm twice.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import { runProcess } from '../harness/process.js';
import { GITHUB_TOKEN, leaks, startScenario } from '../harness/scenario.js';

jest.setTimeout(240_000);
const root = fileURLToPath(new URL('../../', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  // Only what npm needs from this process's environment: no GITHUB_TOKEN or Fly token leaks in.
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() };
  return runProcess(cmd, args, { cwd, env: { ...base, ...env } });
}

let dir: string;
let app: string;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fly-rotator-package-'));
  const pack = await run(npm, ['pack', '--json', '--pack-destination', dir], root);
  expect(pack.stderr).not.toMatch(/npm error/i);
  expect(pack.code).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  files = info.files.map((f) => f.path).sort();
  app = join(dir, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), '{ "name": "probe", "private": true }\n');
  // The dependencies are in npm's cache after `npm ci`, so this needs no network.
  const install = await run(
    npm,
    ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, info.filename)],
    app,
  );
  expect(install.stderr).not.toMatch(/npm error/i);
  expect(install.code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the tarball holds what the CLI runs and nothing for development', () => {
  const expected = ['LICENSE', 'README.md', 'bin/fly-token-rotator.js', 'package.json'];
  expect(files.filter((f) => !f.startsWith('dist/'))).toEqual(expected);
  expect(files).toContain('dist/index.js');
  expect(files).toContain('dist/package.json');
  expect(files.filter((f) => f.startsWith('dist/') && !/^dist\/([\w.]+\.js|package\.json)$/.test(f))).toEqual(
    [],
  );
});

test('npx fly-token-rotator --help', async () => {
  const help = await run(npx, ['--no-install', 'fly-token-rotator', '--help'], app);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage:/m);
  expect(help.stdout).toContain('--dry-run');
});

test('npx fly-token-rotator: a dry run against the emulators reads, plans and changes nothing', async () => {
  const s = await startScenario();
  try {
    const r = await run(
      npx,
      [
        '--no-install',
        'fly-token-rotator',
        '--app',
        'acme-web',
        '--target',
        'repo:acme/web',
        '--dry-run',
        '--json',
      ],
      app,
      { ...s.env, FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off', FLY_API_TOKEN: s.authToken, GITHUB_TOKEN },
    );
    expect(r.stderr).not.toMatch(/^error: /m);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ mode: 'rotate', ok: true });
    expect(report.outputs['dry-run']).toBe(true);
    // It talked to both APIs, and created, wrote and revoked nothing.
    expect(s.gh.server.requests.some((q) => q.operation === 'actions/get-repo-public-key')).toBe(true);
    expect(s.fly.tokens).toHaveLength(0);
    expect(s.gh.secretWrites).toHaveLength(0);
    expect(leaks(s, r.stdout, r.stderr)).toEqual([]);
  } finally {
    await s.close();
  }
});
