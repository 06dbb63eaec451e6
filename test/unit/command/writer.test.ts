// Real child processes: Node itself (`process.execPath -e …`) stands in for vault, op or doppler.

import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { CREDENTIAL_VARIABLES } from '../../../src/command/env.js';
import type { CommandTargetSpec } from '../../../src/command/spec.js';
import { CommandWriter, type CommandWriterOptions } from '../../../src/command/writer.js';
import { InputError } from '../../../src/core/errors.js';
import { STORE_SECRET_VARIABLES } from '../../../src/stores.js';
import { undecided } from '../fakes.js';

const TOKEN = { id: 'tok_1', header: 'FlyV1 fm2_c2VjcmV0LXRva2VuLXZhbHVl,fm2_c2Vjb25kLXBhcnQ' };
const node = (script: string, ...args: string[]): CommandTargetSpec => ({
  type: 'command',
  argv: [process.execPath, '-e', script, ...args],
  secret: 'store',
});
/** Masks the token as the run's Scrubber does; marks every call so a test can tell scrubbed text apart. */
const mask = (text: string) => `~${text.split(TOKEN.header).join('***')}`;

function writer(specs: CommandTargetSpec[], options: Partial<CommandWriterOptions> = {}) {
  const lines: string[] = [];
  // A short grace keeps a stopped program's SIGKILL timer from outliving its test.
  const w = new CommandWriter(specs, {
    log: (l) => lines.push(l),
    scrub: mask,
    killGraceMs: 100,
    ...options,
  });
  return { w, lines };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'command-target-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function waitForFile(file: string): Promise<string> {
  for (let i = 0; i < 250; i++) {
    try {
      return await readFile(file, 'utf8');
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error(`${file} never appeared`);
}

/** Whether `pid` still runs. An ended process whose parent died may wait to be reaped (state Z) for a while. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // The state follows the command name in parentheses: `1722 (node) Z …`.
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return process.platform !== 'linux';
  }
}

describe('store', () => {
  test('the token arrives on standard input, exactly, and exit 0 means updated', async () => {
    const out = path.join(dir, 'stdin.txt');
    const script = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>require('fs').writeFileSync(process.argv[1],s))`;
    const { w } = writer([node(script, out)]);
    const [outcome] = await w.store(TOKEN);
    expect(outcome).toEqual({ target: w.targets[0], result: 'updated' });
    expect(await readFile(out, 'utf8')).toBe(TOKEN.header);
  });

  test('the token is in neither argv nor the environment, and the credentials are stripped', async () => {
    const script = `console.log(JSON.stringify({argv:process.argv,env:process.env}))`;
    const env = {
      PATH: process.env.PATH,
      KEEP_ME: 'yes',
      VAULT_TOKEN: 'the program needs its own credential',
      INPUT_GITHUB_TOKEN: 'x',
      'INPUT_FLY-API-TOKEN': 'x',
      input_lowercase: 'x',
      github_token: 'x',
      ...Object.fromEntries([...CREDENTIAL_VARIABLES, ...STORE_SECRET_VARIABLES].map((name) => [name, 'x'])),
    };
    // The stores' credential variables come from the registry, as services pass them to every run.
    const { w, lines } = writer([node(script)], { env, credentialVariables: STORE_SECRET_VARIABLES });
    const [outcome] = await w.store(TOKEN);
    expect(outcome.result).toBe('updated');
    const seen = JSON.parse(lines[0]!.replace(/^store stdout: ~/, '')) as {
      argv: string[];
      env: Record<string, string>;
    };
    expect(Object.keys(seen.env)).toEqual(expect.arrayContaining(['PATH', 'KEEP_ME', 'VAULT_TOKEN']));
    expect(STORE_SECRET_VARIABLES).toEqual(
      expect.arrayContaining([
        'GITHUB_TOKEN',
        'GH_TOKEN',
        'GITLAB_TOKEN',
        'FORGEJO_TOKEN',
        'GITHUB_APP_PRIVATE_KEY',
      ]),
    );
    for (const name of [
      ...CREDENTIAL_VARIABLES,
      ...STORE_SECRET_VARIABLES,
      'INPUT_GITHUB_TOKEN',
      'INPUT_FLY-API-TOKEN',
      'input_lowercase',
    ])
      expect(seen.env).not.toHaveProperty(name);
    expect(seen.env).not.toHaveProperty('github_token');
    expect(JSON.stringify(seen)).not.toContain('fm2_');
  });

  test('a non-zero exit is an ambiguous error (the tool may have lost the answer to a write it sent) quoting the last stderr line', async () => {
    const script = `console.log('working');console.error('Error writing data: permission denied');process.exit(1)`;
    const { w, lines } = writer([node(script)]);
    const [outcome] = await w.store(TOKEN);
    expect(outcome.result).toBeUndefined();
    expect(undecided(outcome)).toBe(true);
    expect(outcome.error).toMatch(
      /^command .* exited with status 1: ~Error writing data: permission denied; it may still have stored the token$/,
    );
    expect(lines).toEqual(['store stdout: ~working', 'store stderr: ~Error writing data: permission denied']);
  });

  test('a program killed by a signal it did not get from us may have stored the token', async () => {
    const { w } = writer([node(`process.kill(process.pid,'SIGKILL')`)]);
    const [outcome] = await w.store(TOKEN);
    expect(undecided(outcome)).toBe(true);
    expect(outcome).toMatchObject({ error: expect.stringMatching(/killed by SIGKILL/) });
  });

  test('a program that does not exist cannot start: a clear error naming it and PATH', async () => {
    const spec: CommandTargetSpec = { type: 'command', argv: ['no-such-program-x7', 'a'], secret: 'x' };
    const { w } = writer([spec], { env: { PATH: dir } });
    const [outcome] = await w.store(TOKEN);
    expect(undecided(outcome)).toBe(false);
    expect(outcome.error).toBe(
      `command no-such-program-x7 a could not start: program \`no-such-program-x7\` is not found (PATH ${dir})`,
    );
  });

  test('a file that is not executable cannot start: not ambiguous', async () => {
    const file = path.join(dir, 'not-executable.sh');
    await writeFile(file, '#!/bin/sh\nexit 0\n', { mode: 0o644 });
    const { w } = writer([{ type: 'command', argv: [file], secret: 'x' }]);
    const [outcome] = await w.store(TOKEN);
    expect(undecided(outcome)).toBe(false);
    expect(outcome.error).toMatch(/could not start: program `.*not-executable\.sh` is not executable$/);
  });

  test('the timeout stops a program that hangs, and the outcome is ambiguous', async () => {
    const { w } = writer([node('setInterval(()=>{},1000)')], { timeoutMs: 300 });
    const started = Date.now();
    const [outcome] = await w.store(TOKEN);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(undecided(outcome)).toBe(true);
    expect(outcome.error).toMatch(
      /did not finish within 0\.3 s and was stopped; it may have stored the token$/,
    );
  });

  // The next two stop the program once it says it is ready (a file appears), not after a fixed time: a start
  // that is slow on a busy machine must not make the stop land before the program has set itself up.
  test('stopping ends the whole process group, not just the program', async () => {
    const ready = path.join(dir, 'grandchild.pid');
    const script = `const c=require('child_process').spawn(process.execPath,['-e','setInterval(()=>{},1000)'],{stdio:'ignore'});require('fs').writeFileSync(process.argv[1],String(c.pid));setInterval(()=>{},1000)`;
    const { w } = writer([node(script, ready)]);
    const stop = new AbortController();
    const store = w.store(TOKEN, stop.signal);
    const grandchild = Number(await waitForFile(ready));
    expect(alive(grandchild)).toBe(true);
    stop.abort();
    const [outcome] = await store;
    expect(undecided(outcome)).toBe(true);
    expect(outcome).toMatchObject({ error: expect.stringMatching(/was stopped/) });
    // SIGTERM went to the group: the grandchild ends too (give the kernel a moment).
    for (let i = 0; i < 20 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 25));
    expect(alive(grandchild)).toBe(false);
  });

  test('a program that ignores SIGTERM gets SIGKILL after the grace period', async () => {
    const ready = path.join(dir, 'ignoring.ready');
    const script = `process.on('SIGTERM',()=>console.log('ignoring SIGTERM'));console.log('ready');require('fs').writeFileSync(process.argv[1],'');setInterval(()=>{},1000)`;
    const { w, lines } = writer([node(script, ready)], { killGraceMs: 300 });
    const stop = new AbortController();
    const store = w.store(TOKEN, stop.signal);
    await waitForFile(ready);
    const stopped = Date.now();
    stop.abort();
    const [outcome] = await store;
    expect(Date.now() - stopped).toBeGreaterThanOrEqual(300);
    expect(Date.now() - stopped).toBeLessThan(3000);
    expect(undecided(outcome)).toBe(true);
    expect(outcome).toMatchObject({ error: expect.stringMatching(/was stopped/) });
    expect(lines).toEqual(['store stdout: ~ready', 'store stdout: ~ignoring SIGTERM']);
  });

  test("the run's signal stops a running program (ambiguous) and keeps one from starting (not ambiguous)", async () => {
    const { w } = writer([node('setInterval(()=>{},1000)')]);
    const [cut] = await w.store(TOKEN, AbortSignal.timeout(200));
    expect(undecided(cut)).toBe(true);
    expect(cut).toMatchObject({
      error: expect.stringMatching(/stopped when the run's time ran out/),
    });

    const [never] = await w.store(TOKEN, AbortSignal.abort());
    expect(undecided(never)).toBe(false);
    expect(never.error).toMatch(/was not started: the run's time had run out$/);
  });

  test('a program that exits 0 without reading its input is taken at its word', async () => {
    const { w } = writer([node('process.exit(0)')]);
    const [outcome] = await w.store({ id: 'big', header: `FlyV1 fm2_${'a'.repeat(1 << 20)}` });
    expect(outcome.result).toBe('updated');
  });

  test('a program that leaves something holding its output does not hold the run', async () => {
    // The leftover keeps the pipes open for 30 s; the run waits only a moment after the program's own exit.
    const script = `const c=require('child_process').spawn(process.execPath,['-e','setTimeout(()=>{},30000)'],{stdio:'inherit',detached:true});console.log(c.pid);c.unref()`;
    const { w, lines } = writer([node(script)]);
    const started = Date.now();
    const [outcome] = await w.store(TOKEN);
    try {
      expect(outcome.result).toBe('updated');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      process.kill(Number(lines[0]!.replace(/^store stdout: ~/, '')), 'SIGKILL');
    }
  });

  test('every target runs; each reports its own outcome', async () => {
    const { w } = writer([node('process.exit(0)'), node('process.exit(3)')]);
    const outcomes = await w.store(TOKEN);
    expect(outcomes.map((o) => o.result ?? o.error)).toEqual([
      'updated',
      expect.stringMatching(/exited with status 3; it may still have stored the token$/),
    ]);
  });
});

describe('output', () => {
  test('a program echoing its input never gets the token into the log or an error', async () => {
    const script = `process.stdin.on('data',d=>{process.stdout.write('got '+d+'\\n');process.stderr.write('bad '+d)}).on('end',()=>process.exit(2))`;
    const { w, lines } = writer([node(script)]);
    const [outcome] = await w.store(TOKEN);
    expect(lines).toEqual(['store stdout: ~got ***', 'store stderr: ~bad ***']);
    expect(outcome.error).toMatch(/exited with status 2: ~bad \*\*\*; it may/);
    expect(JSON.stringify({ lines, outcome })).not.toContain('fm2_');
  });

  test('each stream is capped at 64 KiB, line by line, with a note', async () => {
    const script = `const l='x'.repeat(1023)+'\\n';process.stdout.write(l.repeat(100));console.error('small')`;
    const { w, lines } = writer([node(script)]);
    await w.store(TOKEN);
    const stdout = lines.filter((l) => l.startsWith('store stdout: '));
    expect(stdout).toHaveLength(65);
    expect(stdout.slice(0, 64).every((l) => l === `store stdout: ~${'x'.repeat(1023)}`)).toBe(true);
    expect(stdout[64]).toBe('store stdout: (more output was cut: only the first 64 KiB are kept)');
    expect(lines).toContain('store stderr: ~small');
  });

  test('a token cut in half by the cap is dropped with its line, never shown in part', async () => {
    // 64 KiB minus 20 bytes of filler, then the token: the cap falls inside it, where the mask cannot match.
    const script = `let s='';process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write('y'.repeat(10)+'\\n'+'z'.repeat(65536-31)+s+'\\n'))`;
    const { w, lines } = writer([node(script)]);
    await w.store(TOKEN);
    expect(lines).toEqual([
      'store stdout: ~yyyyyyyyyy',
      'store stdout: (more output was cut: only the first 64 KiB are kept)',
    ]);
  });

  test('lines go through scrub one by one, CRLF or LF', async () => {
    const { w, lines } = writer([node(`process.stdout.write('one\\r\\ntwo\\nthree')`)]);
    await w.store(TOKEN);
    expect(lines).toEqual(['store stdout: ~one', 'store stdout: ~two', 'store stdout: ~three']);
  });
});

describe('prepare, evidence, labels', () => {
  test('prepare finds a program on PATH or by path', async () => {
    const bin = path.dirname(process.execPath);
    const { w } = writer(
      [
        { type: 'command', argv: [path.basename(process.execPath), '-v'], secret: 'a' },
        { type: 'command', argv: [process.execPath], secret: 'b' },
      ],
      { env: { PATH: `/nonexistent${path.delimiter}${bin}` } },
    );
    await expect(w.prepare()).resolves.toBeUndefined();
  });

  test('prepare names every missing or unusable program, and PATH, before anything is minted', async () => {
    const file = path.join(dir, 'plain-file');
    await writeFile(file, 'not a program', { mode: 0o644 });
    await chmod(file, 0o644);
    const { w } = writer(
      [
        { type: 'command', argv: ['vault-missing', 'kv'], secret: 'a' },
        { type: 'command', argv: [file], secret: 'b' },
        { type: 'command', argv: ['./nowhere/tool'], secret: 'c' },
      ],
      { env: { PATH: `/opt/none${path.delimiter}/usr/none` }, cwd: dir },
    );
    const err = await w.prepare().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(
      [
        '3 problems:',
        `  command target program \`vault-missing\` is not found on PATH (/opt/none${path.delimiter}/usr/none).`,
        `  command target program \`${file}\` is not executable.`,
        '  command target program `./nowhere/tool` does not exist.',
      ].join('\n'),
    );
  });

  test('evidence has nothing to read; warmUp does nothing; proof is none', async () => {
    const { w } = writer([node('0'), node('1')]);
    w.warmUp();
    expect(await w.evidence()).toEqual([{ proof: 'none' }, { proof: 'none' }]);
    expect(w.targets.map((t) => t.proof)).toEqual(['none', 'none']);
  });

  test('the label shows the command, quoted where needed and cut at 80 characters', () => {
    const { w } = writer([
      { type: 'command', argv: ['vault', 'kv', 'put', '-mount=secret', 'fly', 'token=-'], secret: 'vault' },
      { type: 'command', argv: ['op', 'item', 'edit', 'Fly deploy token'], secret: 'op' },
      { type: 'command', argv: ['tool', 'x'.repeat(100)], secret: 'tool' },
    ]);
    expect(w.targets[0]!.label).toBe('command vault kv put -mount=secret fly token=-');
    expect(w.targets[1]!.label).toBe(`command op item edit 'Fly deploy token'`);
    expect(w.targets[2]!.label).toBe(`command tool ${'x'.repeat(74)}…`);
  });
});
