// A config file → validated rotations. Every problem in the file (YAML syntax, schema, then each rotation
// through the same parsers as the action's inputs) is collected and reported at once, with its line,
// before anything is minted.
import { readFile } from 'node:fs/promises';
import { errorMessage, InputError } from '../core/errors.js';
import type { RotationSpec } from '../core/spec.js';
import type { GetInput } from '../inputs/common.js';
import type { ConfigProblem, ConfigSource } from './source.js';

/** Builds one rotation from action-style inputs; inputs.ts supplies it so both paths share every check. */
export type ReadRotation = (get: GetInput) => RotationSpec;

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

export async function loadConfigFile(file: string, readRotation: ReadRotation): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`config file ${file} cannot be read (${errorMessage(err)}). Expected a YAML file.`);
  }
  return parseConfig(text, file, readRotation);
}

export async function parseConfig(
  text: string,
  file: string,
  readRotation: ReadRotation,
): Promise<LoadedConfig> {
  // The YAML parser and ajv load only here, so runs without a config file start without them.
  const [{ parseConfigSource }, { schemaProblems }] = await Promise.all([
    import('./source.js'),
    import('./validate.js'),
  ]);
  const { source, problems } = parseConfigSource(text);
  if (!source) throw new ConfigError(file, problems);
  problems.push(...(await schemaProblems(source)));
  // Rotations the schema accepted are still checked, so one run reports everything; a broken top level
  // or defaults section would only add noise.
  const broken = new Set(
    problems.map((p) => (p.path?.[0] === 'rotations' && typeof p.path[1] === 'number' ? p.path[1] : 'top')),
  );
  if (broken.has('top')) throw new ConfigError(file, strip(problems));

  const config = source.value as { concurrency?: number; defaults?: Settings; rotations: Settings[] };
  const defaults = config.defaults ?? {};
  const rotations: RotationSpec[] = [];
  const names = new Map<string, number>();
  config.rotations.forEach((own, i) => {
    if (broken.has(i)) return;
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
      const rotation = readRotation(inputsOf(merged));
      rotations.push({ ...rotation, name, label: `${name}: ${rotation.label}` });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push({
        line: lineOfCause(source, i, own, err.message),
        message: `rotations.${i} (${name}): ${err.message}`,
      });
    }
  });
  if (problems.length)
    throw new ConfigError(
      file,
      strip(problems).sort((a, b) => a.line - b.line),
    );
  return { rotations, ...(config.concurrency ? { concurrency: config.concurrency } : {}) };
}

const strip = (problems: ConfigProblem[]) => problems.map(({ line, message }) => ({ line, message }));

function defaultName(s: Settings): string {
  if (typeof s.app === 'string') return s.kind && s.kind !== 'deploy' ? `${s.app}-${s.kind}` : s.app;
  if (typeof s.org === 'string') return `${s.org}-${s.kind ?? 'org'}`;
  return 'rotation';
}

/** Presents merged settings as the action's inputs (lists become one entry per line), named by their keys. */
function inputsOf(settings: Settings): GetInput {
  const byInput = new Map<string, string>();
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'name') continue;
    byInput.set(INPUT_NAME[key] ?? key, Array.isArray(value) ? value.join('\n') : String(value));
  }
  const get: GetInput = (name) => byInput.get(name) ?? '';
  get.describe = (name) => Object.entries(INPUT_NAME).find(([, input]) => input === name)?.[0] ?? name;
  return get;
}

/** Points at the key an input error names (the rotation's own, else the default's), or at the rotation. */
function lineOfCause(source: ConfigSource, i: number, own: Settings, message: string): number {
  const targetLine = /^targets line (\d+)/.exec(message);
  if (targetLine && Array.isArray(own.targets))
    return source.lineOf(['rotations', i, 'targets', Number(targetLine[1]) - 1]);
  const key = /^([a-z-]+)\b/.exec(message)?.[1];
  const configKey = Object.entries(INPUT_NAME).find(([, input]) => input === key)?.[0] ?? key;
  if (configKey && configKey in own) return source.lineOfKey(['rotations', i], configKey);
  if (configKey && configKey in ((source.value as { defaults?: Settings }).defaults ?? {}))
    return source.lineOfKey(['defaults'], configKey);
  return source.lineOf(['rotations', i]);
}
