// Checks the parsed file against schema/config.schema.json (the schema editors use too), reporting every
// violation with its line. Loaded lazily by load.ts, so runs without a config file never pay for ajv.
import schema from '../../schema/config.schema.json' with { type: 'json' };
import type { ConfigProblem, ConfigSource } from './source.js';

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** What each schema pattern means, in words. */
const PATTERN_MEANS: Record<string, string> = {
  expiry: 'a duration such as 90m, 72h, 1h30m, 7d or 2w',
  name: 'letters, digits, dots, dashes and underscores',
  app: 'a Fly app name: letters, digits and dashes',
  org: 'a Fly organization slug: letters, digits and dashes',
  cluster: 'a cluster name: letters, digits and dashes',
};

type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
let compiled: Promise<Validate> | undefined;

function validator(): Promise<Validate> {
  compiled ??= import('ajv').then((mod) => {
    const Ajv = mod.default as unknown as new (opts: object) => { compile(s: object): Validate };
    return new Ajv({ allErrors: true, strict: false }).compile(schema);
  });
  return compiled;
}

export async function schemaProblems(source: ConfigSource): Promise<ConfigProblem[]> {
  const validate = await validator();
  if (validate(source.value)) return [];
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const e of validate.errors ?? []) {
    // oneOf/allOf/not report their branches separately; the branch errors say more than the wrapper.
    if (e.keyword === 'oneOf' || e.keyword === 'allOf' || e.keyword === 'if') continue;
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const where = path.length ? path.join('.') : 'the file';
    const problem = describe(e, path, where, source);
    const key = `${problem.line}:${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push({ ...problem, path });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

function describe(
  e: AjvError,
  path: (string | number)[],
  where: string,
  source: ConfigSource,
): ConfigProblem {
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      return { line: source.lineOfKey(path, key), message: `${where} has unknown key "${key}".` };
    }
    case 'required':
      return { line: source.lineOf(path), message: `${where} needs "${String(e.params.missingProperty)}".` };
    case 'enum':
      return {
        line: source.lineOf(path),
        message: `${where} must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}.`,
      };
    case 'not':
      return {
        line: source.lineOf(path),
        message: `${where} must not set "name" (each rotation names itself).`,
      };
    case 'pattern': {
      const expected =
        PATTERN_MEANS[String(path[path.length - 1])] ?? `text matching ${String(e.params.pattern)}`;
      return { line: source.lineOf(path), message: `${where} is not valid. Expected ${expected}.` };
    }
    default:
      return { line: source.lineOf(path), message: `${where} ${e.message ?? 'is not valid'}.` };
  }
}
