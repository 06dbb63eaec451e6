import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { findProgram } from '../../../src/command/which.js';

// POSIX lookup rules; Windows adds extensions and is not what these files exercise.
const posix = process.platform === 'win32' ? describe.skip : describe;

let dir: string;
let first: string;
let second: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'command-which-'));
  first = path.join(dir, 'first');
  second = path.join(dir, 'second');
  await mkdir(first);
  await mkdir(second);
  await writeFile(path.join(first, 'tool'), 'not executable', { mode: 0o644 });
  await writeFile(path.join(second, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
  await mkdir(path.join(first, 'adir'));
  await writeFile(path.join(dir, 'here'), '#!/bin/sh\n', { mode: 0o755 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

posix('findProgram', () => {
  test('goes on past a file it may not run, as execvp does', async () => {
    expect(await findProgram('tool', { PATH: `${first}:${second}` }, dir)).toEqual({
      found: path.join(second, 'tool'),
    });
  });

  test('reports a file that is there but not executable when nothing later runs', async () => {
    expect(await findProgram('tool', { PATH: first }, dir)).toEqual({
      reason: `is not executable (${path.join(first, 'tool')})`,
    });
  });

  test('a directory is not a program', async () => {
    expect(await findProgram('adir', { PATH: first }, dir)).toEqual({
      reason: `is not found on PATH (${first})`,
    });
  });

  test('an empty PATH entry is the working directory; a missing PATH is /usr/bin:/bin', async () => {
    expect(await findProgram('here', { PATH: `${first}::` }, dir)).toEqual({ found: path.join(dir, 'here') });
    expect(await findProgram('no-such-program-x7', {}, dir)).toEqual({
      reason: 'is not found on PATH (/usr/bin:/bin)',
    });
  });

  test('a name with a slash is a path from the working directory, never looked up', async () => {
    expect(await findProgram('./here', { PATH: second }, dir)).toEqual({ found: path.join(dir, 'here') });
    expect(await findProgram('first/tool', { PATH: second }, dir)).toEqual({ reason: 'is not executable' });
    expect(await findProgram('second/nothing', { PATH: second }, dir)).toEqual({ reason: 'does not exist' });
  });
});
