// The committed OpenAPI subset (see scripts/openapi-extract.ts): route templates, documentation links and
// request-body validation with GitHub-style 422 messages.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** One operation of openapi-subset.json, as scripts/openapi-extract.ts writes it. */
export interface SubsetOperation {
  method: string;
  path: string;
  /** Documented response status codes, as strings. */
  statuses: string[];
  /** Where GitHub's own error bodies point (`documentation_url`). */
  docs?: string;
  /** GitHub's `x-github.enabledForGitHubApps`: false means installation tokens get 403. */
  enabledForGitHubApps: boolean;
  pathParams: Record<string, unknown>;
  requestBody?: Record<string, unknown>;
  requestBodyRequired?: boolean;
}

export interface OpenApiSubset {
  package: string;
  version: string;
  operations: Record<string, SubsetOperation>;
}

export function loadSubset(): OpenApiSubset {
  return JSON.parse(readFileSync(new URL('./openapi-subset.json', import.meta.url), 'utf8')) as OpenApiSubset;
}

export interface RouteTemplate {
  operation: string;
  method: string;
  segments: string[];
  /** Literal segments count: the more literals, the more specific (public-key beats {secret_name}). */
  literals: number;
}

export function compileTemplates(subset: OpenApiSubset): RouteTemplate[] {
  return Object.entries(subset.operations)
    .map(([operation, op]) => {
      const segments = op.path.split('/').slice(1);
      return {
        operation,
        method: op.method,
        segments,
        literals: segments.filter((s) => !s.startsWith('{')).length,
      };
    })
    .sort((a, b) => b.literals - a.literals);
}

export interface Match {
  operation: string;
  params: Record<string, string>;
}

/** Matches a path (no query, no /api/v3 prefix) against the templates; undefined when nothing fits. */
export function matchRoute(templates: RouteTemplate[], method: string, path: string): Match | undefined {
  const parts = path.split('/').slice(1);
  for (const t of templates) {
    if (t.method !== method || t.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = t.segments[i];
      if (seg.startsWith('{')) {
        if (!parts[i]) ok = false;
        else params[seg.slice(1, -1)] = safeDecode(parts[i]);
      } else ok = seg === parts[i];
    }
    if (ok) return { operation: t.operation, params };
  }
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * One ajv, and one compiled validator per request schema (by its text: each emulator loads its own copy of the
 * subset), shared by every emulator in the process. A new Ajv compiles its meta-schema first, which cost more
 * CPU than anything else in a fault case's emulator pair.
 */
const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();

export class BodyValidator {
  constructor(private readonly subset: OpenApiSubset) {}

  /** Returns GitHub's 422 message for an invalid body, or undefined when the body is acceptable. */
  check(operation: string, body: unknown): string | undefined {
    const op = this.subset.operations[operation];
    if (!op?.requestBody) return undefined;
    if (body === undefined) {
      return op.requestBodyRequired
        ? describe([{ keyword: 'type', instancePath: '', params: {} }], body)
        : undefined;
    }
    const key = JSON.stringify(op.requestBody);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(op.requestBody);
      compiled.set(key, validate);
    }
    if (validate(body)) return undefined;
    return describe(validate.errors ?? [], body);
  }
}

type MiniError = Pick<ErrorObject, 'keyword' | 'instancePath' | 'params'> & { message?: string };

/**
 * Phrases ajv errors the way GitHub's REST validator does, e.g.
 * `Invalid request.\n\n"key_id" wasn't supplied.` or
 * `Invalid request.\n\nFor 'properties/visibility', "x" is not a member of ["all", "private", "selected"].`
 */
export function describe(errors: MiniError[], body: unknown): string {
  const missing = errors
    .filter((e) => e.keyword === 'required')
    .map((e) => e.params.missingProperty as string);
  const lines: string[] = [];
  if (missing.length === 1) lines.push(`"${missing[0]}" wasn't supplied.`);
  else if (missing.length > 1) lines.push(`${missing.map((m) => `"${m}"`).join(', ')} weren't supplied.`);
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'required' || e.keyword === 'anyOf') continue;
    const where = e.instancePath
      ? `For 'properties${e.instancePath.replace(/\/(\d+)(?=\/|$)/g, '/items')}'`
      : 'For root';
    const value = ruby(valueAt(body, e.instancePath));
    let text: string;
    switch (e.keyword) {
      case 'type':
        text = `${where}, ${value} is not ${article(String(e.params.type ?? 'object'))}.`;
        break;
      case 'enum':
        text = `${where}, ${value} is not a member of [${(e.params.allowedValues as unknown[]).map(ruby).join(', ')}].`;
        break;
      case 'pattern':
        text = `${where}, ${value} does not match the pattern ${e.params.pattern as string}.`;
        break;
      default:
        text = `${where}, ${value} ${e.message ?? 'is invalid'}.`;
    }
    if (!seen.has(text)) lines.push(text);
    seen.add(text);
  }
  return `Invalid request.\n\n${lines.join('\n')}`;
}

function valueAt(body: unknown, pointer: string): unknown {
  let node = body;
  for (const key of pointer.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** GitHub's validator is Ruby: nil, quoted strings, arrays as [..]. */
function ruby(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return `[${v.map(ruby).join(', ')}]`;
  if (typeof v === 'object') return JSON.stringify(v);
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function article(type: string): string {
  const map: Record<string, string> = {
    object: 'an object',
    array: 'an array',
    integer: 'an integer',
    string: 'a string',
    boolean: 'a boolean',
    number: 'a number',
    null: 'null',
  };
  return map[type] ?? `a ${type}`;
}
