import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { ALL_OPERATIONS } from '../../../src/fly/operations.js';

// Fly's schema without descriptions, extracted from the reference material by scripts/fly-extract.ts.
const schemaPath = new URL('../../fixtures/fly/schema.graphql', import.meta.url);

describe("every GraphQL document validates against Fly's real schema", () => {
  const schema = buildSchema(readFileSync(schemaPath, 'utf8'));
  test.each(Object.entries(ALL_OPERATIONS))('%s', (_name, doc) => {
    expect(validate(schema, parse(doc)).map((e) => e.message)).toEqual([]);
  });
});
