// The messages a new user met that said the wrong thing (issue "Ready to ship"): each now says what was wrong and
// what to do. The action's entry and the CLI's run in this process, against the emulators where a run gets
// that far.

import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { parseArgs } from '../../src/cli/args.js';
import { HELP } from '../../src/cli/help.js';
import { runCli } from '../../src/cli/run.js';
import { GITHUB_TOKEN, type Scenario, startScenario } from '../harness/scenario.js';

let s: Scenario;
let dir: string;
beforeAll(async () => {
  s = await startScenario();
  dir = await mkdtemp(join(tmpdir(), 'fly-rotator-messages-'));
});
afterAll(async () => {
  await s.close();
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    {
      PATH: process.env.PATH ?? '',
      FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off',
      ...s.env,
      FLY_API_TOKEN: s.authToken,
      GITHUB_TOKEN,
      ...env,
    },
    {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
    },
  );
  return { code, stdout, stderr };
}

/** A port on loopback where nothing listens: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('mode plan without config says plan needs a config file, not that deploy needs an app', async () => {
  const run = await s.runInProcess({ mode: 'plan', app: '' });
  expect(run.code).toBe(1);
  expect(run.errors.join('\n')).toContain(
    'mode plan lists the rotations of a config file, and config is not set. Expected config with the path of the config file',
  );
  const c = await cli(['--mode', 'plan']);
  expect(c.code).toBe(2);
  expect(c.stderr).toMatch(/^error: mode plan lists the rotations of a config file, and --config is not set/);
});

test('--not-before with neither a time nor a duration says both are accepted', async () => {
  const c = await cli(['--app', 'acme-web', '--target', 'repo:acme/web', '--not-before', 'tomorrow']);
  expect(c.code).toBe(2);
  expect(c.stderr).toContain(
    '--not-before "tomorrow" is not a time or a duration. Expected an ISO 8601 time with a zone (2030-01-31T12:00:00Z) or a delay such as 30m or 1h.',
  );
  expect(s.fly.tokens).toHaveLength(0);
});

test('a target with a space after its kind names the space', async () => {
  const c = await cli(['--app', 'acme-web', '--target', 'repo: acme/web']);
  expect(c.code).toBe(2);
  expect(c.stderr).toContain(
    '--target line 1 ("repo: acme/web") has a space after "repo:". Expected no space between the kind and where it writes: repo:acme/web.',
  );
  // A kind that is no kind still gets the list of kinds.
  expect((await cli(['--app', 'acme-web', '--target', 'repos: acme/web'])).stderr).toContain(
    'is not a target',
  );
});

test('a mode given as an argument points to --mode; no arguments at all prints the help', async () => {
  const c = await cli(['status']);
  expect(c.code).toBe(2);
  expect(c.stderr).toBe(
    'error: unexpected argument "status": a mode is chosen with --mode. Expected --mode status (see --help).\n',
  );
  const none = await cli([], { FLY_API_TOKEN: '' });
  expect(none).toEqual({ code: 0, stdout: HELP, stderr: '' });
  expect(HELP).toContain('no arguments: this text');
});

test('GitHub unreachable says it could not be reached, with no HTTP status it never sent', async () => {
  const port = await closedPort();
  const run = await s.runInProcess({}, { env: { GITHUB_API_URL: `http://127.0.0.1:${port}` } });
  expect(run.code).toBe(1);
  const error = run.errors.join('\n');
  expect(error).toMatch(/Could not reach GitHub while trying to [^:]+: .*ECONNREFUSED/);
  expect(error).toContain(
    'No HTTP answer came; check the API URL (GITHUB_API_URL), the network and any proxy.',
  );
  expect(error).not.toContain('HTTP 500');
  // Nothing was written, so the token minted for it (if any) is revoked: none is left valid.
  expect(s.fly.tokens.filter((t) => !t.revokedAt)).toHaveLength(0);
});

test('--json with refused input still prints one JSON document on stdout', async () => {
  const c = await cli(['--app', 'acme-web', '--target', 'repo: acme/web', '--json']);
  expect(c.code).toBe(2);
  const doc = JSON.parse(c.stdout);
  expect(doc).toEqual({
    ok: false,
    exitCode: 2,
    inputError: expect.stringContaining('has a space after "repo:"'),
  });
  expect(c.stderr).toMatch(/^error: /);
  // Also when the flags themselves do not parse.
  expect(JSON.parse((await cli(['--json', '--colour', 'blue'])).stdout)).toMatchObject({
    ok: false,
    exitCode: 2,
  });
});

test('a YAML alias bomb in the config is a config error (exit 2), not a bug', async () => {
  const file = join(dir, 'bomb.yml');
  const row = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(`*${of}`).join(',')}]\n`;
  await writeFile(
    file,
    `a: &a [x,x,x,x,x,x,x,x,x]\n${row('b', 'a')}${row('c', 'b')}${row('d', 'c')}${row('e', 'd')}rotations: [*e]\n`,
  );
  const c = await cli(['--config', file]);
  expect(c.code).toBe(2);
  expect(c.stderr).not.toContain('unexpected error');
  expect(c.stderr).toContain('its YAML aliases (*name) expand to too many values');
  expect(c.stderr).toContain('bomb.yml');
});

test('a Fly URL on a port fetch refuses names the port and why, before any call', async () => {
  const run = await s.runInProcess({}, { env: { FLY_API_BASE_URL: 'http://127.0.0.1:1' } });
  expect(run.code).toBe(1);
  expect(run.errors.join('\n')).toContain(
    '"http://127.0.0.1:1" uses port 1, which Node\'s fetch refuses to connect to: the Fetch standard blocks it',
  );
  expect(run.errors.join('\n')).not.toMatch(/^bad port/m);
});

describe('--expiry', () => {
  test('past 90 days warns and still runs; past 20 years is refused', async () => {
    const c = await cli([
      '--app',
      'acme-web',
      '--target',
      'repo:acme/web',
      '--expiry',
      '100000h',
      '--dry-run',
    ]);
    expect(c.code).toBe(0);
    expect(c.stderr).toContain(
      'warning: expiry 100000h is longer than 90 days: the new token (deploy token for app acme-web) stays valid that long',
    );
    const quiet = await cli([
      '--app',
      'acme-web',
      '--target',
      'repo:acme/web',
      '--expiry',
      '90d',
      '--dry-run',
    ]);
    expect(quiet.stderr).not.toContain('longer than 90 days');
    const refused = await cli(['--app', 'acme-web', '--target', 'repo:acme/web', '--expiry', '175201h']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '--expiry "175201h" is longer than 20 years (175200h), the longest this tool mints',
    );
  });

  test('the action warns as an annotation', async () => {
    const run = await s.runInProcess({ expiry: '100d', 'dry-run': 'true' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning::expiry 100d is longer than 90 days/m);
  });
});

test('action.yml: targets lists every kind, and fly-api-token is not required (plan runs without it)', async () => {
  const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { description: string; required?: boolean }>;
  };
  const kinds = ['repo:', 'env:', 'org:', 'dependabot:', 'dependabot-org:', 'codespaces:', 'codespaces-org:'];
  kinds.push('gitlab:', 'gitlab-group:', 'forgejo:', 'forgejo-org:', 'forgejo-user:', 'command:');
  for (const kind of kinds) expect(action.inputs.targets.description).toContain(kind);
  expect(action.inputs['fly-api-token'].required).toBe(false);
  const config = join(dir, 'plan.yml');
  await writeFile(config, 'rotations:\n  - app: acme-web\n    targets: [repo:acme/web]\n');
  const plan = await s.runInProcess({
    mode: 'plan',
    config,
    app: '',
    'fly-api-token': '',
    'github-token': '',
  });
  expect(plan.errors).toEqual([]);
  expect(JSON.parse(plan.outputs.matrix).include).toHaveLength(1);
  // Every other mode names it when it is missing.
  const rotate = await s.runInProcess({ 'fly-api-token': '' });
  expect(rotate.errors.join('\n')).toContain('fly-api-token');
});

describe('the GitHub App private key on the command line', () => {
  const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEkey\n-----END RSA PRIVATE KEY-----\n';

  test('comes from a file or the environment', async () => {
    const file = join(dir, 'app.pem');
    await writeFile(file, PEM);
    const fromFile = parseArgs(['--github-app-id', '1', '--github-app-private-key-file', file], {});
    expect(fromFile.get('github-app-private-key')).toBe(PEM);
    expect(fromFile.given.has('github-app-private-key')).toBe(true);
    expect(fromFile.onCommandLine).toEqual([]);
    const fromEnv = parseArgs([], { GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: PEM });
    expect(fromEnv.get('github-app-private-key')).toBe(PEM);
    expect(fromEnv.get('github-app-id')).toBe('1');
    expect(fromEnv.get.describe?.('github-app-private-key')).toBe(
      '--github-app-private-key (or GITHUB_APP_PRIVATE_KEY)',
    );
  });

  test('a file that cannot be read, or both forms, are refused; the flag itself warns', async () => {
    expect(() => parseArgs(['--github-app-private-key-file', join(dir, 'missing.pem')], {})).toThrow(
      /--github-app-private-key-file ".*missing\.pem" cannot be read \(.*ENOENT.*\)\. Expected the path of a file holding it/,
    );
    expect(() =>
      parseArgs(['--github-app-private-key-file', 'a.pem', '--github-app-private-key', PEM], {}),
    ).toThrow('Give either --github-app-private-key-file or --github-app-private-key, not both.');
    const c = await cli([
      '--app',
      'acme-web',
      '--target',
      'repo:acme/web',
      '--github-app-id',
      '1',
      '--github-app-private-key',
      'not-a-pem',
      '--dry-run',
    ]);
    expect(c.stderr).toContain(
      'warning: the GitHub App private key is on the command line, where any user of this machine can read it (ps). Expected --github-app-private-key-file PATH or env GITHUB_APP_PRIVATE_KEY.',
    );
    expect(c.stderr).not.toContain('not-a-pem');
  });
});
