// `npm run emulators` (scripts/emulators.ts): starts both emulators, prints exports that work as pasted (a
// CLI dry run against them succeeds), and stops cleanly on SIGINT and on SIGTERM.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@jest/globals';
import { runProcess } from '../harness/process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The npm script's own command line ("node --import tsx scripts/emulators.ts"), run with this node.
const [node, ...SCRIPT] = JSON.parse(
  readFileSync(new URL('package.json', `file://${ROOT}`), 'utf8'),
).scripts.emulators.split(' ');
const CLI = fileURLToPath(new URL('../../bin/fly-token-rotator.js', import.meta.url));
const NEEDED = [
  'FLY_API_BASE_URL',
  'GITHUB_API_URL',
  'FLY_API_TOKEN',
  'GITHUB_TOKEN',
  'FLY_TOKEN_ROTATOR_GITHUB_PACING',
  'GITLAB_URL',
  'GITLAB_TOKEN',
  'FORGEJO_URL',
  'FORGEJO_TOKEN',
];

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exports: Record<string, string>;
}

async function start(): Promise<Started> {
  expect(node).toBe('node');
  const child = spawn(process.execPath, SCRIPT, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? ROOT },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    out += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in time:\n${out}`)), 45_000);
    const check = () => {
      if (out.includes('Ctrl-C stops the emulators.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.on('close', () => reject(new Error(`exited early:\n${out}`)));
  });
  // export NAME='value', with ' written as '\'' inside: what a POSIX shell would make of it.
  const exports = Object.fromEntries(
    [...out.matchAll(/^export ([A-Z_]+)='((?:[^']|'\\'')*)'$/gm)].map((m) => [
      m[1],
      m[2].replace(/'\\''/g, "'"),
    ]),
  );
  return { child, output: () => out, exports };
}

function run(args: string[], env: Record<string, string>) {
  return runProcess(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
}

async function stop(s: Started, signal: NodeJS.Signals) {
  const closed = new Promise<number | null>((resolve) => s.child.on('close', (code) => resolve(code)));
  s.child.kill(signal);
  expect(await closed).toBe(0);
  expect(s.output()).toContain(`${signal}: emulators stopped.`);
  // The ports are closed with the process.
  await expect(fetch(s.exports.FLY_API_BASE_URL)).rejects.toThrow();
}

test('prints exports that work, and stops on SIGINT', async () => {
  const s = await start();
  try {
    expect(Object.keys(s.exports)).toEqual(expect.arrayContaining(NEEDED));
    const dry = await run(['--app', 'acme-web', '--repository', 'acme/web', '--dry-run'], s.exports);
    expect(dry.stderr).toMatch(/^ok {3}\[1\/1\] deploy token for app acme-web$/m);
    expect(dry.stdout).toContain('dry-run: true\n');
    expect(dry.code).toBe(0);
    // GitLab and Forgejo take part too: a real rotation of the config's acme-api entry writes both.
    const config = /--config '([^']+)'/.exec(s.output())?.[1];
    expect(config).toBeDefined();
    const all = await run(['--config', config!, '--only', 'acme-api'], s.exports);
    expect(all.stderr).toMatch(
      /^Wrote GitLab variable FLY_API_TOKEN of project acme\/api .*\nWrote Forgejo secret FLY_API_TOKEN of repository acme\/api .*\nok {3}\[1\/1\] acme-api: deploy token for app acme-api$/m,
    );
    expect(all.code).toBe(0);
    // The printed examples name commands this checkout has.
    expect(s.output()).toContain(
      'node bin/fly-token-rotator.js --app acme-web --repository acme/web --dry-run',
    );
  } finally {
    await stop(s, 'SIGINT');
  }
}, 120_000);

test('stops on SIGTERM', async () => {
  await stop(await start(), 'SIGTERM');
}, 120_000);
