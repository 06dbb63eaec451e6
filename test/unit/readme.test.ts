// Every input and output in action.yml is documented in the README, so a new input cannot ship unexplained.
import { readFileSync } from 'node:fs';
import { expect, test } from '@jest/globals';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const readme = readFileSync(new URL('README.md', root), 'utf8');
const documented = (name: string) => new RegExp(`^\\|\\s*\`${name}\``, 'm').test(readme);

test.each(Object.keys(action.inputs))('input %s has a README table row', (name) => {
  expect(documented(name)).toBe(true);
});

test.each(Object.keys(action.outputs))('output %s has a README table row', (name) => {
  expect(documented(name)).toBe(true);
});
