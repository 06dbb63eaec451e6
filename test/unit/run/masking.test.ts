// Both doors mask credentials through maskCredentials: a bundled Fly token part by part, like a minted one.
import { describe, expect, test } from '@jest/globals';
import { type ActionCore, main } from '../../../src/action/main.js';
import { runCli } from '../../../src/cli/run.js';
import { maskCredentials } from '../../../src/run/scrub.js';

const PART_A = 'fm2_partAAAAAAAAAAAA';
const PART_B = 'fm2_partBBBBBBBBBBBB';
const BUNDLE = `FlyV1 ${PART_A}, ${PART_B}`;

describe('maskCredentials', () => {
  test('a bundled Fly token: whole, without its scheme, and each part', () => {
    const masked: string[] = [];
    maskCredentials(
      (name) => (name === 'fly-api-token' ? ` ${BUNDLE} ` : ''),
      (v) => masked.push(v),
    );
    expect(masked).toEqual([BUNDLE, `${PART_A}, ${PART_B}`, PART_A, PART_B]);
  });

  test('a GitHub token with and without Bearer, a PEM key whole and line by line', () => {
    const masked: string[] = [];
    const key =
      '-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEAsecretline\\n-----END RSA PRIVATE KEY-----';
    const inputs: Record<string, string> = {
      'github-token': 'Bearer ghs_abcdefghijkl',
      'github-app-private-key': key,
    };
    maskCredentials(
      (name) => inputs[name] ?? '',
      (v) => masked.push(v),
    );
    expect(masked).toEqual(
      expect.arrayContaining([
        'Bearer ghs_abcdefghijkl',
        'ghs_abcdefghijkl',
        key,
        'MIIEowIBAAKCAQEAsecretline',
      ]),
    );
  });
});

// An app name that is one part of the bundle: the input error quotes it back.
const inputs: Record<string, string> = {
  mode: 'plan',
  'fly-api-token': BUNDLE,
  app: PART_B,
  repository: 'acme/web',
};

test('the action cuts each part of a bundled credential out of its failure message', async () => {
  const failures: string[] = [];
  const secrets: string[] = [];
  const core: ActionCore = {
    getInput: (name) => inputs[name] ?? '',
    setSecret: (v) => secrets.push(v),
    setOutput: () => {},
    info: () => {},
    warning: () => {},
    setFailed: (m) => failures.push(m),
    group: (_n, fn) => fn(),
    summary: { addRaw: () => ({ write: async () => {} }) },
  };
  await main(core, async () => ({ apiUrl: 'https://api.github.com' }), {});
  expect(secrets).toEqual(expect.arrayContaining([PART_A, PART_B]));
  expect(failures).toHaveLength(1);
  expect(failures[0]).toContain('app "***"');
  expect(failures[0]).not.toContain(PART_B);
});

test('the CLI cuts each part of a bundled credential out of what it prints', async () => {
  let printed = '';
  const io = {
    stdout: { write: (t: string) => (printed += t) },
    stderr: { write: (t: string) => (printed += t) },
  };
  // The credential from the environment: as a flag it would be refused in mode plan, where it has no effect.
  const argv = Object.entries(inputs)
    .filter(([name]) => name !== 'fly-api-token')
    .flatMap(([name, value]) => [`--${name}`, value]);
  expect(await runCli(argv, { FLY_API_TOKEN: BUNDLE }, io)).toBe(2);
  expect(printed).toContain('app "***"');
  expect(printed).not.toContain(PART_B);
});
