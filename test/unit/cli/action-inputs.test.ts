// The inputs are declared once: action.yml for the action, the CLI's flag list (and each store's descriptor,
// which both read) for the rest. This keeps the two the same set, so a new input cannot reach one door only.
import { readFileSync } from 'node:fs';
import { expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { SWITCHES, VALUE_FLAGS } from '../../../src/cli/args.js';
import { STORE_INPUTS } from '../../../src/stores.js';

const action = parse(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, unknown>;
};
const inputs = Object.keys(action.inputs).sort();

test('every action input is a CLI flag, and every CLI flag that is an input is in action.yml', () => {
  expect([...VALUE_FLAGS, ...SWITCHES].sort()).toEqual(inputs);
});

test("every store's inputs are action inputs, each declared by one store only", () => {
  const names = STORE_INPUTS.map((i) => i.name);
  expect(names.filter((n) => !inputs.includes(n))).toEqual([]);
  expect(new Set(names).size).toBe(names.length);
});
