// A config file → validated rotations. Every problem in the file (YAML syntax, schema, then each rotation
// through the same parsers as the action's inputs) is collected and reported at once, with its line,
// before anything is minted.
import { readFile } from 'node:fs/promises';
import { errorMessage, InputError, InputErrors } from '../core/errors.js';
import type { GetInput, GetList } from '../core/input.js';
import type { RotationSpec } from '../core/spec.js';
import type { ConfigProblem, ConfigSource } from './source.js';

/**
 * Builds one rotation from action-style inputs; inputs.ts supplies it so both paths share every check. `getList`
 * gives list settings entry by entry, so that no entry is ever re-split (a command with a comma stays one).
 */
export type ReadRotation = (get: GetInput, getList: GetList) => RotationSpec;

/**
 * Problems between the file's rotations (index: the entry in `rotations`), checked once every one of them
 * parsed; inputs.ts supplies it with the rules of identity (two rotations writing one target, say).
 */
export type CheckRotations = (
  rotations: { index: number; rotation: RotationSpec }[],
) => { index: number; message: string }[];

export interface LoadedConfig {
  rotations: RotationSpec[];
  concurrency?: number;
}

type Settings = Record<string, unknown>;

/** Config keys that are named differently as action inputs. */
const INPUT_NAME: Record<string, string> = { kind: 'token-type' };

export class ConfigError extends InputError {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${file}:${p.line}: ${p.message}`).join('\n'),
    );
  }
}

export async function loadConfigFile(
  file: string,
  readRotation: ReadRotation,
  what = 'config',
  checkRotations?: CheckRotations,
): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`${what} file ${file} cannot be read (${errorMessage(err)}). Expected a YAML file.`);
  }
  return parseConfig(text, file, readRotation, checkRotations);
}

export async function parseConfig(
  text: string,
  file: string,
  readRotation: ReadRotation,
  checkRotations?: CheckRotations,
): Promise<LoadedConfig> {
  // The YAML parser and the schema validator load only here, so runs without a config file start without them.
  const [{ parseConfigSource }, { schemaProblems }] = await Promise.all([
    import('./source.js'),
    import('./validate.js'),
  ]);
  const { source, problems } = parseConfigSource(text);
  if (!source) throw new ConfigError(file, problems);
  const schema = await schemaProblems(source);
  problems.push(...schema);
  // Every rotation is still checked with the input parsers, so one run reports everything. A value the
  // schema refused would be refused again in other words: those repeats are left out.
  const refused = new Set(schema.map((p) => p.line));

  const config = isSettings(source.value) ? source.value : {};
  const defaults = isSettings(config.defaults) ? config.defaults : {};
  const list = Array.isArray(config.rotations) ? (config.rotations as unknown[]) : [];
  const rotations: RotationSpec[] = [];
  const parsed: { index: number; rotation: RotationSpec }[] = [];
  const names = new Map<string, number>();
  // A bad default fails every rotation that inherits it: reported once, at the default, naming them.
  const viaDefaults = new Map<string, { line: number; message: string; names: string[] }>();
  list.forEach((own, i) => {
    if (!isSettings(own)) return;
    const merged = { ...defaults, ...own };
    const name = typeof own.name === 'string' ? own.name : defaultName(merged);
    const line = source.lineOf(['rotations', i]);
    const first = names.get(name);
    if (first !== undefined) {
      problems.push({
        line,
        message: `rotations.${i} is named "${name}" like rotations.${first}; names must be unique (set "name").`,
      });
    } else names.set(name, i);
    try {
      const rotation = readRotation(...inputsOf(merged));
      const named = { ...rotation, name, label: `${name}: ${rotation.label}` };
      rotations.push(named);
      parsed.push({ index: i, rotation: named });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      for (const e of err instanceof InputErrors ? err.errors : [err]) {
        const cause = causeOf(source, i, own, e);
        if (cause.atKey && refused.has(cause.line)) continue;
        if (cause.inDefaults) {
          const key = `${cause.line} ${e.message}`;
          const seen = viaDefaults.get(key) ?? { line: cause.line, message: e.message, names: [] };
          viaDefaults.set(key, { ...seen, names: [...seen.names, name] });
        } else problems.push({ line: cause.line, message: `rotations.${i} (${name}): ${e.message}` });
      }
    }
  });
  for (const c of checkRotations?.(parsed) ?? [])
    problems.push({ line: source.lineOf(['rotations', c.index]), message: c.message });
  for (const d of viaDefaults.values())
    problems.push({ line: d.line, message: `defaults (used by ${d.names.join(', ')}): ${d.message}` });
  if (problems.length)
    throw new ConfigError(
      file,
      strip(problems).sort((a, b) => a.line - b.line),
    );
  return {
    rotations,
    ...(typeof config.concurrency === 'number' ? { concurrency: config.concurrency } : {}),
  };
}

const isSettings = (v: unknown): v is Settings => typeof v === 'object' && v !== null && !Array.isArray(v);

const strip = (problems: ConfigProblem[]) => problems.map(({ line, message }) => ({ line, message }));

function defaultName(s: Settings): string {
  if (typeof s.app === 'string') return s.kind && s.kind !== 'deploy' ? `${s.app}-${s.kind}` : s.app;
  if (typeof s.org === 'string') return `${s.org}-${s.kind ?? 'org'}`;
  return 'rotation';
}

/**
 * Presents merged settings as the action's inputs: as text (a list's entries one per line), and for list
 * settings entry by entry: a list's entries as written, a string's lines. Commas never split anything here.
 */
function inputsOf(settings: Settings): [GetInput, GetList] {
  const byInput = new Map<string, string>();
  const lists = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'name') continue;
    const input = Object.hasOwn(INPUT_NAME, key) ? INPUT_NAME[key] : key;
    byInput.set(input, Array.isArray(value) ? value.join('\n') : String(value));
    if (Array.isArray(value)) lists.set(input, value.map(String));
    else if (typeof value === 'string') lists.set(input, value.split(/\r?\n/));
  }
  // Messages name each setting by its key in the file (`kind`, not the input `token-type`).
  const get: GetInput = (name) => byInput.get(name) ?? '';
  get.describe = (name) => Object.entries(INPUT_NAME).find(([, input]) => input === name)?.[0] ?? name;
  return [get, (name) => lists.get(name)];
}

/** The key in the file of an action input (`token-type` is `kind`). */
function keyOf(input: string): string {
  return Object.entries(INPUT_NAME).find(([, name]) => name === input)?.[0] ?? input;
}

/**
 * The line of the setting an input error is about: the list entry or key its place names (InputError.place,
 * set by the parser that found it), in the rotation's own settings, else the default's; or the rotation's line
 * when it names none. An error without a place is taken to be about the key its message starts with (messages
 * name the setting first, as the file spells it).
 */
function causeOf(
  source: ConfigSource,
  i: number,
  own: Settings,
  err: InputError,
): { line: number; atKey: boolean; inDefaults?: boolean } {
  const key = err.place ? keyOf(err.place.input) : /^([a-z-]+)\b/.exec(err.message)?.[1];
  const entry = err.place?.entry;
  if (key && entry !== undefined && Array.isArray(own[key]))
    return { line: source.lineOf(['rotations', i, key, entry]), atKey: true };
  if (key && Object.hasOwn(own, key)) return { line: source.lineOfKey(['rotations', i], key), atKey: true };
  const defaults = (source.value as { defaults?: unknown }).defaults;
  if (key && isSettings(defaults) && Object.hasOwn(defaults, key))
    return { line: source.lineOfKey(['defaults'], key), atKey: true, inDefaults: true };
  return { line: source.lineOf(['rotations', i]), atKey: false };
}
