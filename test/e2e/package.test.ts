// The npm package as a user meets it: `npm pack`, install the tarball into an empty folder, then
// `npx fly-token-rotator` for help and for a dry run against the emulators. Uses the current dist/ (npm test
// builds it first). The package has no dependencies, so the install needs no network and no npm cache: it runs
// offline with an empty cache, and every npm run is bounded and leaves no process behind.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import { runProcess } from '../harness/process.js';
import { GITHUB_TOKEN, leaks, startScenario } from '../harness/scenario.js';

jest.setTimeout(120_000);
const root = fileURLToPath(new URL('../../', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let dir: string;
let app: string;
let installed: string;
let files: string[];
let manifest: Record<string, unknown>;

function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  // Only what npm needs from this process's environment (no GITHUB_TOKEN or Fly token leaks in), offline,
  // with a cache of its own that starts empty.
  const base = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    npm_config_offline: 'true',
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  return runProcess(cmd, args, { cwd, env: { ...base, ...env }, timeoutMs: 60_000 });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fly-rotator-package-'));
  const pack = await run(npm, ['pack', '--json', '--pack-destination', dir], root);
  expect(pack.timedOut).toBe(false);
  expect(pack.stderr).not.toMatch(/npm error/i);
  expect(pack.code).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  files = info.files.map((f) => f.path).sort();
  app = join(dir, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), '{ "name": "probe", "private": true }\n');
  const install = await run(npm, ['install', '--ignore-scripts', join(dir, info.filename)], app);
  expect(install.timedOut).toBe(false);
  expect(install.stderr).not.toMatch(/npm error/i);
  expect(install.code).toBe(0);
  installed = join(app, 'node_modules', 'fly-token-rotator');
  manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the tarball holds what the CLI runs, the schema and the docs, and nothing for development', () => {
  const shipped = files.filter(
    (f) => !f.startsWith('dist/') && !f.startsWith('docs/') && !f.startsWith('examples/'),
  );
  expect(shipped).toEqual([
    'LICENSE',
    'README.md',
    'bin/fly-token-rotator.js',
    'package.json',
    'schema/config.schema.json',
  ]);
  expect(files).toContain('dist/index.js');
  expect(files).toContain('dist/package.json');
  expect(files).toContain('docs/cli.md');
  expect(files.filter((f) => f.startsWith('dist/') && !/^dist\/([\w.]+\.js|package\.json)$/.test(f))).toEqual(
    [],
  );
  expect(files.filter((f) => /^(docs|examples)\//.test(f) && !/\.(md|ya?ml)$/.test(f))).toEqual([]);
});

test('the package depends on nothing: the bundle needs only Node', async () => {
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies'])
    expect(manifest[field]).toBeUndefined();
  // Installing the tarball added nothing beside it.
  const lock = JSON.parse(await readFile(join(app, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/fly-token-rotator']);
});

test("the installed README's and docs' links lead to files in the package", async () => {
  const broken: string[] = [];
  for (const file of files.filter((f) => f === 'README.md' || /^docs\/.*\.md$/.test(f))) {
    const text = await readFile(join(installed, file), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target) || target.startsWith('#')) continue;
      const path = join(installed, file, '..', target.split('#')[0]);
      if (!existsSync(path)) broken.push(`${file}: ${target}`);
    }
  }
  expect(broken).toEqual([]);
  // --help points to the schema by its path in the package.
  expect(existsSync(join(installed, 'schema', 'config.schema.json'))).toBe(true);
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
