import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { ALL_OPERATIONS } from '../../src/fly/operations.js';

const schemaPath = new URL('../../../shared/fly/schema.graphql', import.meta.url);
const run = existsSync(schemaPath) ? describe : describe.skip;

run("every GraphQL document validates against Fly's real schema", () => {
  const schema = buildSchema(readFileSync(schemaPath, 'utf8'));
  test.each(Object.entries(ALL_OPERATIONS))('%s', (_name, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });
});
