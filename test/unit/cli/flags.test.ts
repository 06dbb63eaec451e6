// The CLI's flag handling in process: --help and --version run nothing, flags without effect are refused,
// and every input error names the input the way the command line spells it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parseArgs } from '../../../src/cli/args.js';
import { readCliSpec, runCli, VERSION } from '../../../src/cli/run.js';
import { parseConfig } from '../../../src/config/load.js';
import { readRotation, readRunSpec } from '../../../src/inputs/read.js';
import { parseRequestTimeout } from '../../../src/inputs/run-options.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));

// Nothing listens here: a run that reached for an API would fail, not exit 0 or 2.
const ENV = {
  FLY_API_TOKEN: 'legacy-personal-token-0123456789',
  GITHUB_TOKEN: 'github_pat_0123456789abcdef',
  FLY_API_BASE_URL: 'http://127.0.0.1:2',
  GITHUB_API_URL: 'http://127.0.0.1:2',
};

async function cli(argv: string[], env: Record<string, string> = ENV) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, env, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

describe('--version and --help', () => {
  test('the version is the package version', () => {
    expect(VERSION).toBe(pkg.version);
  });

  test.each([
    [['--version']],
    [['--app', 'a', '--repository', 'o/r', '--version']],
    [['--config', 'missing.yml', '--mode', 'revoke', '--version', '--token-ids', 't1']],
    [['--colour', 'blue', '--version']],
    [['-V']],
  ])('%j prints the version and runs nothing', async (argv) => {
    const run = await cli(argv);
    expect(run).toEqual({ code: 0, stdout: `fly-token-rotator ${pkg.version}\n`, stderr: '' });
  });

  test.each([
    [['--help']],
    [['-h']],
    [['--app', 'a', '--repository', 'o/r', '--help']],
    [['--only', 'x', '--help', '--version']],
  ])('%j prints the help and runs nothing', async (argv) => {
    const run = await cli(argv);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^fly-token-rotator: .*\n.*\n\nUsage:/);
    expect(run.stderr).toBe('');
  });
});

describe('a flag without effect is refused before any API call', () => {
  test.each([
    [['--app', 'a', '--repository', 'o/r', '--only', 'a'], '--only has no effect without --config'],
    [['--app', 'a', '--repository', 'o/r', '--force'], '--force has no effect in mode rotate'],
    [['--app', 'a', '--repository', 'o/r', '--token-ids', 't1'], '--token-ids has no effect in mode rotate'],
    [
      ['--app', 'a', '--repository', 'o/r', '--warn-before', '2d'],
      '--warn-before has no effect in mode rotate',
    ],
    [['--app', 'a', '--mode', 'status', '--expiry', '2d'], '--expiry has no effect in mode status'],
    [['--app', 'a', '--mode', 'status', '--dry-run'], '--dry-run has no effect in mode status'],
    [['--app', 'a', '--mode', 'plan', '--github-token', 'x'], '--github-token has no effect in mode plan'],
    [
      ['--app', 'a', '--mode', 'plan', '--request-timeout', '5'],
      '--request-timeout has no effect in mode plan',
    ],
    [['--config', 'bot.yml', '--expiry', '2d'], '--expiry has no effect with --config'],
    [['--app', 'a', '--mode', 'plan', '--token-name', 'x'], '--token-name has no effect in mode plan'],
    [['--config', 'bot.yml', '--kind', 'org'], '--token-type has no effect with --config'],
  ])('%j', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: ${message}`);
    expect(run.stdout).toBe('');
  });

  test('credentials from the environment are fine in every mode', async () => {
    const spec = await readCliSpec(
      parseArgs(['--app', 'a', '--repository', 'o/r', '--mode', 'plan'], ENV),
      ENV,
    );
    expect(spec.mode).toBe('plan');
    const argv = ['--app', 'a', '--repository', 'o/r', '--mode', 'status', '--warn-before', '3d'];
    const status = await readCliSpec(parseArgs(argv, ENV), ENV);
    expect(status.warnBeforeMs).toBe(3 * 86_400_000);
  });
});

test('held comes from FLY_TOKEN_ROTATOR_HELD (or --held), and a value is never quoted back', async () => {
  const env = { ...ENV, FLY_TOKEN_ROTATOR_HELD: 'FlyV1 fm2_heldvalue' };
  const argv = ['--app', 'a', '--repository', 'o/r', '--mode', 'status'];
  const spec = await readCliSpec(parseArgs(argv, env), env);
  expect(spec.held).toEqual([{ rotation: 0, target: 0, value: 'FlyV1 fm2_heldvalue' }]);
  const two = [...argv, '--target', 'repo:o/r', '--target', 'repo:o/r secret=OTHER'];
  await expect(readCliSpec(parseArgs(two.slice(0, 2).concat(two.slice(6)), env), env)).rejects.toThrow(
    /--held \(or FLY_TOKEN_ROTATOR_HELD\) holds one value, but the run has 2 targets/,
  );
  const r = await cli([...argv, '--revoke-previous', 'soon'], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    '--revoke-previous "soon" is not supported. Expected one of: at-once, after-use.',
  );
  expect(r.stderr + r.stdout).not.toContain('heldvalue');
});

describe('input errors name the input as the user wrote it', () => {
  test.each([
    [[], {}, '--fly-api-token (or FLY_API_TOKEN) is required.'],
    [[], { FLY_API_TOKEN: ENV.FLY_API_TOKEN }, '--github-token (or GITHUB_TOKEN) is required.'],
    [['--expiry', 'soon'], ENV, '--expiry "soon" is not a duration.'],
    [['--kind', 'teleport'], ENV, '--token-type "teleport" is not supported.'],
    [['--kind', 'org'], ENV, '--token-type org needs `--org`'],
    [['--secret-name', '1X'], ENV, '--secret-name "1X" is not a valid GitHub secret name.'],
    [['--keep-previous', 'one'], ENV, '--keep-previous "one" is not a whole number.'],
    [['--request-timeout', 'forever'], ENV, '--request-timeout "forever" is not valid.'],
    [['--mode', 'revoke'], ENV, '--token-ids is required for mode revoke.'],
    [['--kind', 'machine-exec'], ENV, "to ask for that, set --commands '*'."],
    [['--fly-api-token', 'two words'], ENV, '--fly-api-token (or FLY_API_TOKEN) contains white space'],
    [['--config', 'no-such-file.yml'], ENV, '--config is set, so --app, --repository would be ignored.'],
  ])('%j', async (argv, env, message) => {
    const args = parseArgs(['--app', 'a', '--repository', 'o/r', ...argv], env);
    await expect(readCliSpec(args, env)).rejects.toThrow(message);
  });

  test('a bad --target counts the --target flags', async () => {
    const args = parseArgs(['--app', 'a', '--target', 'repo:o/r', '--target', 'nowhere:o/r'], ENV);
    await expect(readCliSpec(args, ENV)).rejects.toThrow('--target line 2 ("nowhere:o/r") is not a target.');
  });

  test('no targets at all says so instead of complaining about an empty repository', async () => {
    await expect(readCliSpec(parseArgs(['--app', 'a'], ENV), ENV)).rejects.toThrow(
      '--target is missing: nowhere to write the token.',
    );
  });

  test('an unreadable config file is named by its flag', async () => {
    await expect(readCliSpec(parseArgs(['--config', 'no-such-file.yml'], ENV), ENV)).rejects.toThrow(
      /^--config file .*no-such-file\.yml cannot be read/,
    );
  });

  test('the action keeps its input names', async () => {
    const inputs: Record<string, string> = { app: 'a', expiry: 'soon' };
    await expect(readRunSpec((n) => inputs[n] ?? '', { GITHUB_REPOSITORY: 'o/r' })).rejects.toThrow(
      /^fly-api-token is required\./,
    );
    inputs['fly-api-token'] = ENV.FLY_API_TOKEN;
    inputs['github-token'] = 'x-token';
    await expect(readRunSpec((n) => inputs[n] ?? '', { GITHUB_REPOSITORY: 'o/r' })).rejects.toThrow(
      /^expiry "soon" is not a duration\./,
    );
  });

  test('a config file names its own keys', async () => {
    const text = 'rotations:\n  - kind: org\n    targets: [repo:o/r]\n';
    await expect(parseConfig(text, 'bot.yml', (get) => readRotation(get, {}))).rejects.toThrow(
      'bot.yml:2: rotations.0 (rotation): kind org needs `org`',
    );
  });
});

test('independent problems of one rotation are reported together', async () => {
  const args = parseArgs(
    ['--app', 'a', '--repository', 'o/r', '--expiry', 'soon', '--keep-previous', 'x'],
    ENV,
  );
  await expect(readCliSpec(args, ENV)).rejects.toThrow(
    '2 problems:\n  --expiry "soon" is not a duration. Expected a duration such as 90m, 72h, 1h30m, 7d or 2w.\n  --keep-previous "x" is not a whole number.',
  );
});

describe('request-timeout takes seconds or a duration', () => {
  test.each([
    ['30', 30_000],
    ['0.5', 500],
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['10m', 600_000],
  ])('%s', (value, ms) => {
    expect(parseRequestTimeout(value)).toBe(ms);
  });

  test.each(['0', '0.05', '50ms', '601', '11m', '30 s', 'soon', '-5'])('%s is refused', (value) => {
    expect(() => parseRequestTimeout(value)).toThrow(
      `request-timeout "${value}" is not valid. Expected seconds between 0.1 and 600, e.g. 10, or a duration such as 30s, 2m or 500ms.`,
    );
  });
});
