// The emulator's SDL must be a strict subset of Fly's real schema, and flyctl's documents must run on it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  validate,
} from 'graphql';
import { ALL_OPERATIONS } from '../../../src/fly/operations.js';
import { buildFlySchema, SDL } from '../../emulators/fly/schema.js';

// Extracts of the reference material, committed (scripts/fly-extract.ts).
const REAL = new URL('../../fixtures/fly/schema.graphql', import.meta.url);
const OPS = new URL('../../fixtures/fly/token-operations.json', import.meta.url);
const mine = buildFlySchema();

function kindOf(t: GraphQLNamedType): string {
  if (isObjectType(t)) return 'object';
  if (isInterfaceType(t)) return 'interface';
  if (isInputObjectType(t)) return 'input';
  if (isEnumType(t)) return 'enum';
  if (isScalarType(t)) return 'scalar';
  return 'union';
}

/** Every difference between our SDL and Fly's, as readable lines (empty = strict subset). */
function subsetProblems(realSdl: string): string[] {
  const real = buildSchema(realSdl);
  const problems: string[] = [];
  for (const [root, ours] of [
    ['query', mine.getQueryType()],
    ['mutation', mine.getMutationType()],
  ] as const) {
    const theirs = root === 'query' ? real.getQueryType() : real.getMutationType();
    if (ours?.name !== theirs?.name) problems.push(`${root} root ${ours?.name} ≠ ${theirs?.name}`);
  }
  for (const t of Object.values(mine.getTypeMap())) {
    if (t.name.startsWith('__')) continue;
    const r = real.getType(t.name);
    if (!r) {
      if (!isScalarType(t) || !['String', 'Int', 'Boolean', 'ID', 'Float'].includes(t.name)) {
        problems.push(`type ${t.name} missing`);
      }
      continue;
    }
    if (kindOf(t) !== kindOf(r)) problems.push(`${t.name}: ${kindOf(t)} vs ${kindOf(r)}`);
    if ((isObjectType(t) || isInterfaceType(t)) && (isObjectType(r) || isInterfaceType(r))) {
      const rFields = r.getFields();
      for (const f of Object.values(t.getFields()) as GraphQLField<unknown, unknown>[]) {
        const rf = rFields[f.name];
        if (!rf) {
          problems.push(`${t.name}.${f.name} missing`);
          continue;
        }
        if (String(f.type) !== String(rf.type)) problems.push(`${t.name}.${f.name}: ${f.type} vs ${rf.type}`);
        for (const a of f.args) {
          const ra = rf.args.find((x) => x.name === a.name);
          if (!ra) problems.push(`${t.name}.${f.name}(${a.name}) missing`);
          else if (String(a.type) !== String(ra.type))
            problems.push(`${t.name}.${f.name}(${a.name}): ${a.type} vs ${ra.type}`);
        }
        for (const ra of rf.args) {
          if (
            isNonNullType(ra.type) &&
            ra.defaultValue === undefined &&
            !f.args.some((a) => a.name === ra.name)
          ) {
            problems.push(`${t.name}.${f.name}: required argument ${ra.name} dropped`);
          }
        }
      }
      const rIfaces = r.getInterfaces().map((i) => i.name);
      for (const i of t.getInterfaces())
        if (!rIfaces.includes(i.name)) problems.push(`${t.name} implements ${i.name}?`);
    }
    if (isInputObjectType(t) && isInputObjectType(r)) {
      const rFields = r.getFields();
      for (const f of Object.values(t.getFields()) as GraphQLInputField[]) {
        const rf = rFields[f.name];
        if (!rf) problems.push(`${t.name}.${f.name} missing`);
        else if (String(f.type) !== String(rf.type))
          problems.push(`${t.name}.${f.name}: ${f.type} vs ${rf.type}`);
      }
      for (const rf of Object.values(rFields)) {
        if (isNonNullType(rf.type) && rf.defaultValue === undefined && !t.getFields()[rf.name]) {
          problems.push(`${t.name}: required field ${rf.name} dropped`);
        }
      }
    }
    if (isEnumType(t) && isEnumType(r)) {
      for (const v of t.getValues()) if (!r.getValue(v.name)) problems.push(`${t.name}.${v.name} missing`);
    }
  }
  return problems;
}

describe('emulator schema', () => {
  test('builds and declares Fly root type names', () => {
    expect(mine.getQueryType()?.name).toBe('Queries');
    expect(mine.getMutationType()?.name).toBe('Mutations');
    expect(SDL).toContain('createLimitedAccessToken');
  });

  test("is a strict subset of Fly's schema.graphql", () => {
    expect(subsetProblems(readFileSync(REAL, 'utf8'))).toEqual([]);
  });

  test('the subset check catches a wrong field type', () => {
    const broken = readFileSync(REAL, 'utf8').replace(
      /(type LimitedAccessToken implements Node \{[^}]*?)name: String!/,
      '$1name: Int!',
    );
    expect(subsetProblems(broken)).toContain('LimitedAccessToken.name: String! vs Int!');
  });

  test('every flyctl token operation validates against the emulator', () => {
    const { operations } = JSON.parse(readFileSync(OPS, 'utf8')) as { operations: string[] };
    expect(operations.length).toBeGreaterThanOrEqual(6);
    for (const d of operations) expect([d, validate(mine, parse(d)).map((e) => e.message)]).toEqual([d, []]);
  });

  test('every document the action sends validates against the emulator', () => {
    for (const [name, source] of Object.entries(ALL_OPERATIONS)) {
      expect([name, validate(mine, parse(source)).map((e) => e.message)]).toEqual([name, []]);
    }
  });
});
