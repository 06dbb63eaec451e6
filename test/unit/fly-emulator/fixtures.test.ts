// The repository is self-contained: tests read committed extracts of the reference material, never the reference
// folder beside the repository (absent from clones and CI), and the extract keeps everything but prose.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { operationsOnly, sameContent, schemaWithoutDescriptions } from '../../../scripts/fly-extract.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/fly');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('reference extracts', () => {
  test('no source or test file refers to the shared folder beside the repository', () => {
    const all = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'test')), join(ROOT, 'jest.config.js')];
    const offenders = all
      .filter((f) => /\.(ts|js|mjs|json)$/.test(f))
      .filter((f) => /\.\.\/(\.\.\/)*shared/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  test('the committed schema has no descriptions left and builds', () => {
    const committed = readFileSync(join(FIXTURES, 'schema.graphql'), 'utf8');
    expect(committed).not.toContain('"""');
    expect(buildSchema(committed).getMutationType()?.name).toBe('Mutations');
    expect(sameContent('schema.graphql', committed, schemaWithoutDescriptions(committed))).toBe(true);
  });

  test('descriptions go, types and fields stay', () => {
    const sdl = '"""A token."""\ntype T {\n  "the id"\n  id: ID!\n}\n';
    const out = schemaWithoutDescriptions(sdl);
    expect(out).not.toContain('token');
    expect(out).not.toContain('the id');
    expect(sameContent('x.graphql', out, 'type T { id: ID! }')).toBe(true);
    expect(sameContent('x.graphql', out, 'type T { id: ID }')).toBe(false);
  });

  test('operations are split one per document, each with the fragments', () => {
    const json = operationsOnly('# c\nquery { a { ...F } }\nmutation M { b }\nfragment F on A { x }\n');
    const { operations } = JSON.parse(json) as { operations: string[] };
    expect(operations).toHaveLength(2);
    for (const op of operations) expect(parse(op).definitions).toHaveLength(2);
    expect(json).not.toContain('# c');
  });
});
