// Regenerates test/emulators/github/openapi-subset.json from GitHub's official OpenAPI description, as
// published in the @octokit/openapi npm package. That package unpacks to ~400 MB, so it is never a
// dependency: this script packs the pinned version into a temp dir, pulls out only api.github.com.json and
// keeps the request-body schemas and path parameters of exactly the operations the emulator serves.
//
//   npx tsx scripts/openapi-extract.ts           rewrite the committed subset
//   npx tsx scripts/openapi-extract.ts --check   exit 1 if the committed subset is stale
//   ... --tarball <file.tgz>                     use an already downloaded package tarball (offline)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { OpenApiSubset, SubsetOperation } from '../test/emulators/github/openapi.js';
import { SERVED_OPERATIONS } from '../test/emulators/github/operations.js';

export const OPENAPI_PACKAGE = '@octokit/openapi';
export const OPENAPI_VERSION = '23.0.2';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SUBSET_PATH = join(ROOT, 'test/emulators/github/openapi-subset.json');
const CACHE_DIR = join(ROOT, '.openapi-cache');
const DESCRIPTION_IN_TARBALL = 'package/generated/api.github.com.json';
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
/** Prose and sample keys: useless for validation, and they would make the subset large. */
const DOC_KEYS = new Set(['description', 'example', 'examples', 'title', 'externalDocs']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function packageTarball(explicit?: string): string {
  if (explicit) return resolve(explicit);
  const cached = join(CACHE_DIR, `octokit-openapi-${OPENAPI_VERSION}.tgz`);
  if (existsSync(cached)) return cached;
  mkdirSync(CACHE_DIR, { recursive: true });
  const spec = `${OPENAPI_PACKAGE}@${OPENAPI_VERSION}`;
  console.error(`packing ${spec} (about 30 MB) ...`);
  const name = execFileSync('npm', ['pack', spec, '--pack-destination', CACHE_DIR, '--silent'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  const packed = join(CACHE_DIR, name);
  if (packed !== cached) execFileSync('mv', [packed, cached]);
  return cached;
}

function loadDescription(tarball: string): JsonObject {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-extract-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', dir, DESCRIPTION_IN_TARBALL]);
    return JSON.parse(readFileSync(join(dir, DESCRIPTION_IN_TARBALL), 'utf8')) as JsonObject;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Follows a local JSON pointer such as `#/components/schemas/app-permissions`. */
function pointer(doc: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: Json = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) {
      throw new Error(`dangling $ref ${ref}`);
    }
    node = node[key];
  }
  return node;
}

/** Copies `node` with every `$ref` replaced by its target and documentation keys dropped. */
function inline(doc: JsonObject, node: Json, seen: string[] = []): Json {
  if (Array.isArray(node)) return node.map((n) => inline(doc, n, seen));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    if (seen.includes(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
    return inline(doc, pointer(doc, node.$ref), [...seen, node.$ref]);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DOC_KEYS.has(key)) continue;
    // `properties` maps names to schemas: a property may itself be called "description" or "title".
    out[key] = key === 'properties' ? inlineMap(doc, value, seen) : inline(doc, value, seen);
  }
  return out;
}

function inlineMap(doc: JsonObject, map: Json, seen: string[]): Json {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return map;
  const out: JsonObject = {};
  for (const [name, schema] of Object.entries(map)) out[name] = inline(doc, schema, seen);
  return out;
}

export function extractSubset(doc: JsonObject, operationIds: readonly string[]): OpenApiSubset {
  const found = new Map<string, SubsetOperation>();
  const paths = doc.paths as Record<string, JsonObject>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as JsonObject | undefined;
      if (!op || !operationIds.includes(op.operationId as string)) continue;
      const params = [...((item.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])];
      const pathParams: Record<string, Json> = {};
      for (const p of params.map((x) => inline(doc, x) as JsonObject)) {
        if (p.in === 'path') pathParams[p.name as string] = p.schema;
      }
      const xGithub = (op['x-github'] ?? {}) as JsonObject;
      const entry: SubsetOperation = {
        method: method.toUpperCase(),
        path,
        statuses: Object.keys(op.responses as JsonObject),
        docs: ((op.externalDocs as JsonObject | undefined)?.url as string | undefined) ?? undefined,
        enabledForGitHubApps: xGithub.enabledForGitHubApps !== false,
        pathParams,
      };
      const body = op.requestBody ? (inline(doc, op.requestBody) as JsonObject) : undefined;
      const schema = (body?.content as JsonObject | undefined)?.['application/json'] as
        | JsonObject
        | undefined;
      if (schema?.schema) {
        entry.requestBody = schema.schema as JsonObject;
        entry.requestBodyRequired = body?.required === true;
      }
      found.set(op.operationId as string, entry);
    }
  }
  const missing = operationIds.filter((id) => !found.has(id));
  if (missing.length) throw new Error(`operations not in the OpenAPI description: ${missing.join(', ')}`);
  const operations: Record<string, SubsetOperation> = {};
  for (const id of [...operationIds].sort()) operations[id] = found.get(id)!;
  return { package: OPENAPI_PACKAGE, version: OPENAPI_VERSION, operations };
}

function render(subset: OpenApiSubset): string {
  return `${JSON.stringify(subset, null, 2)}\n`;
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const t = argv.indexOf('--tarball');
  const subset = extractSubset(loadDescription(packageTarball(t >= 0 ? argv[t + 1] : undefined)), [
    ...SERVED_OPERATIONS,
  ]);
  if (check) {
    const committed = existsSync(SUBSET_PATH)
      ? (JSON.parse(readFileSync(SUBSET_PATH, 'utf8')) as unknown)
      : null;
    // Compare parsed JSON, not text, so formatting (biome) of the committed file does not matter.
    if (isDeepStrictEqual(committed, JSON.parse(render(subset)))) {
      console.log(`openapi subset is up to date (${OPENAPI_PACKAGE}@${OPENAPI_VERSION})`);
      return 0;
    }
    const tmp = join(mkdtempSync(join(tmpdir(), 'openapi-check-')), 'openapi-subset.json');
    writeFileSync(tmp, render(subset));
    console.error(
      `test/emulators/github/openapi-subset.json is stale: it differs from what ${OPENAPI_PACKAGE}@` +
        `${OPENAPI_VERSION} and SERVED_OPERATIONS produce (regenerated copy: ${tmp}).\n` +
        'Run `npx tsx scripts/openapi-extract.ts` and commit the result.',
    );
    return 1;
  }
  writeFileSync(SUBSET_PATH, render(subset));
  try {
    execFileSync('npx', ['biome', 'format', '--write', SUBSET_PATH], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    // Formatting is cosmetic; --check compares parsed JSON.
  }
  console.log(`wrote ${Object.keys(subset.operations).length} operations to ${SUBSET_PATH}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
