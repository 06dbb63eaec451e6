// Request parameters as GitLab's Grape layer sees them: the query string and the body (JSON or a form) merged
// into one set, `filter[environment_scope]` read as a nested hash, and values coerced to the declared type
// (booleans accept "true"/"false"), each problem reported the way Grape words it.
import { badParams } from './responses.js';

export type Params = Record<string, unknown>;

/** Sets `filter[environment_scope]=x` as `{filter: {environment_scope: 'x'}}`. */
function assign(into: Params, name: string, value: string): void {
  const m = /^([^[\]]+)\[([^[\]]+)\]$/.exec(name);
  if (!m) {
    into[name] = value;
    return;
  }
  into[m[1]] ??= {};
  const hash = into[m[1]];
  if (hash && typeof hash === 'object' && !Array.isArray(hash)) (hash as Params)[m[2]] = value;
}

export function readParams(query: URLSearchParams, raw: string, contentType: string): Params {
  const params: Params = {};
  for (const [name, value] of query) assign(params, name, value);
  if (!raw.trim()) return params;
  if (/application\/x-www-form-urlencoded/i.test(contentType)) {
    for (const [name, value] of new URLSearchParams(raw)) assign(params, name, value);
    return params;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw badParams(['The provided request body is not valid JSON']);
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(params, body);
  return params;
}

/** Declared parameters of one endpoint, checked all at once so every problem is reported together. */
export class Declared {
  private readonly problems: string[] = [];

  constructor(private readonly params: Params) {}

  string(name: string, opts: { required?: boolean; values?: string[] } = {}): string | undefined {
    const v = this.params[name];
    if (v === undefined || v === null) {
      if (opts.required) this.problems.push(`${name} is missing`);
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      this.problems.push(`${name} is invalid`);
      return undefined;
    }
    const s = String(v);
    if (opts.values && !opts.values.includes(s)) {
      this.problems.push(`${name} does not have a valid value`);
      return undefined;
    }
    return s;
  }

  boolean(name: string): boolean | undefined {
    const v = this.params[name];
    if (v === undefined || v === null) return undefined;
    if (v === true || v === 'true' || v === '1' || v === 1) return true;
    if (v === false || v === 'false' || v === '0' || v === 0) return false;
    this.problems.push(`${name} is invalid`);
    return undefined;
  }

  /** `filter[environment_scope]`, the only filter the variables endpoints take. */
  filterScope(): string | undefined {
    const f = this.params.filter;
    if (f === undefined) return undefined;
    if (!f || typeof f !== 'object' || Array.isArray(f)) {
      this.problems.push('filter is invalid');
      return undefined;
    }
    const scope = (f as Params).environment_scope;
    if (scope === undefined || scope === null) return undefined;
    if (typeof scope !== 'string') {
      this.problems.push('filter[environment_scope] is invalid');
      return undefined;
    }
    return scope;
  }

  integer(name: string, fallback: number): number {
    const v = this.params[name];
    if (v === undefined || v === null || v === '') return fallback;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(n)) {
      this.problems.push(`${name} is invalid`);
      return fallback;
    }
    return n;
  }

  has(name: string): boolean {
    return this.params[name] !== undefined;
  }

  /** Throws Grape's 400 when any declared parameter was missing or malformed. */
  check(): void {
    if (this.problems.length) throw badParams(this.problems);
  }
}
