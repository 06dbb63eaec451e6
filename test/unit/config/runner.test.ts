// The runner protocol that replaced @actions/core in the action's entry (start-up time; see docs/BENCHMARKS.md).

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { runnerCore } from '../../../src/action/runner.js';
import { parseOutputs } from '../../harness/run-action.js';

test('inputs, commands, outputs and summary follow the runner protocol', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'runner-'));
  const env = {
    'INPUT_FLY-API-TOKEN': '  FlyV1 abc  ',
    INPUT_MY_INPUT: 'x',
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
  };
  await writeFile(env.GITHUB_OUTPUT, '');
  await writeFile(env.GITHUB_STEP_SUMMARY, '');
  const lines: string[] = [];
  const core = runnerCore(env, (l) => lines.push(l));
  expect(core.getInput('fly-api-token')).toBe('FlyV1 abc');
  expect(core.getInput('my input')).toBe('x');
  expect(core.getInput('absent')).toBe('');
  core.setSecret('line1\nline2 100%');
  core.warning('careful\r\nnow');
  await core.group('Plan', async () => core.info('inside'));
  core.setOutput('matrix', '{"include":[]}\nsecond line');
  core.setOutput('token-id', 'tok_1');
  await core.summary.addRaw('### Done', true).write();
  const before = process.exitCode;
  core.setFailed('it broke\nbadly');
  expect(process.exitCode).toBe(1);
  process.exitCode = before;
  expect(lines.join('')).toBe(
    '::add-mask::line1%0Aline2 100%25\n::warning::careful%0D%0Anow\n::group::Plan\ninside\n::endgroup::\n::error::it broke%0Abadly\n',
  );
  expect(parseOutputs(await readFile(env.GITHUB_OUTPUT, 'utf8'))).toEqual({
    matrix: '{"include":[]}\nsecond line',
    'token-id': 'tok_1',
  });
  expect(await readFile(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('### Done\n');
  await rm(dir, { recursive: true, force: true });
});
