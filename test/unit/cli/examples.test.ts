// Every example command in --help and in docs/cli.md is accepted as written: each goes through the real flag
// parser and input validation (no API is called), with the config file example of docs/bot.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { parseArgs } from '../../../src/cli/args.js';
import { HELP } from '../../../src/cli/help.js';
import { readCliSpec } from '../../../src/cli/run.js';
import { shellSplit } from '../../../src/core/shlex.js';

const doc = (name: string) => readFileSync(new URL(`../../../docs/${name}`, import.meta.url), 'utf8');
const section = (text: string, title: string) =>
  text.split(/^## /m).find((s) => s.startsWith(`${title}\n`)) ?? '';
const codeBlocks = (text: string, lang: string) =>
  [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\``, 'gm'))].map((m) => m[1]);
const commands = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^([A-Z_]+=\S+ )*fly-token-rotator /.test(l));

const helpExamples = commands(HELP.split('\nExamples:\n')[1]?.split('\n\n')[0] ?? '');
const docExamples = codeBlocks(doc('cli.md'), 'sh').flatMap(commands);

// The config file the examples name is the README's own example, in a workspace of its own.
const workspace = mkdtempSync(join(tmpdir(), 'fly-rotator-examples-'));
writeFileSync(
  join(workspace, 'fly-tokens.yml'),
  codeBlocks(section(doc('bot.md'), 'Config file'), 'yaml')[0] ?? '',
);
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

// Placeholders (…) in examples stand for real credentials; these pass every offline check.
const CREDENTIALS: Record<string, string> = {
  FLY_API_TOKEN: 'legacy-personal-token-0123456789',
  GITHUB_TOKEN: 'github_pat_0123456789abcdef',
  GITLAB_TOKEN: 'glpat-0123456789abcdef',
  FORGEJO_TOKEN: '0123456789abcdef0123456789abcdef01234567',
  FORGEJO_URL: 'https://codeberg.org',
};

async function validate(line: string) {
  const words = shellSplit(line);
  const env: Record<string, string> = { GITHUB_WORKSPACE: workspace };
  while (/^[A-Z_]+=/.test(words[0])) {
    const [name] = words.shift()!.split('=');
    env[name] = CREDENTIALS[name] ?? 'x';
  }
  expect(words.shift()).toBe('fly-token-rotator');
  // Credentials come from the environment unless the example passes them itself.
  return readCliSpec(parseArgs(words, { ...CREDENTIALS, ...env }), { ...CREDENTIALS, ...env });
}

describe('examples', () => {
  test('there are examples to check in both places', () => {
    expect(helpExamples.length).toBeGreaterThanOrEqual(3);
    expect(docExamples.length).toBeGreaterThanOrEqual(3);
  });

  test.each([...helpExamples, ...docExamples])('%s', async (line) => {
    await expect(validate(line)).resolves.toMatchObject({ mode: expect.any(String) });
  });

  test('the config example has the rotations the README describes', async () => {
    const spec = await validate('fly-token-rotator --config fly-tokens.yml --mode plan');
    expect(spec.rotations.map((r) => r.name)).toEqual(['acme-web', 'acme-api-migrate', 'acme-org']);
  });
});

describe('sample values in the flag list', () => {
  // "--expiry 7d  --token-name NAME …": concrete values (not UPPERCASE placeholders) must be accepted.
  const flagLines = HELP.split('\nExamples:\n')[0]
    .split('\n')
    .filter((l) => l.startsWith('  --'))
    .join('\n');
  const samples = [...flagLines.matchAll(/--([a-z-]+) ([a-z0-9][^\s]*)/g)]
    .map((m) => [m[1], m[2]] as const)
    .filter(
      ([flag]) => !['config', 'only', 'mode', 'token-type', 'app', 'target', 'repository'].includes(flag),
    );

  test('the flag list has samples', () => {
    expect(samples.map(([flag]) => flag)).toEqual(expect.arrayContaining(['expiry', 'request-timeout']));
  });

  test.each(samples)('--%s %s', async (flag, value) => {
    const mode = flag === 'warn-before' ? 'status' : 'rotate';
    const line = `fly-token-rotator --app my-app --repository me/my-app --mode ${mode} --${flag} ${value}`;
    await expect(validate(line)).resolves.toMatchObject({ mode });
  });
});
