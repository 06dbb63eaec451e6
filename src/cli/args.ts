// Command-line flags → the same named inputs the action reads, so the CLI shares every check with it.
import { readFileSync } from 'node:fs';
import { errorMessage, InputError } from '../core/errors.js';
import type { GetInput } from '../core/input.js';
import { MODES } from '../core/spec.js';
import type { StoreInput } from '../core/store.js';
import { STORE_INPUTS } from '../stores.js';

/** Flags that take a value; each is the action input of the same name. */
export const VALUE_FLAGS: readonly string[] = [
  'config',
  'only',
  'mode',
  'token-type',
  'app',
  'org',
  'cluster',
  'commands',
  'command-prefixes',
  'not-before',
  'expiry',
  'token-name',
  'keep-previous',
  'targets',
  'repository',
  'secret-name',
  'token-ids',
  'warn-before',
  'request-timeout',
  'timeout',
  'fly-api-token',
  'held',
  'revoke-previous',
  // Every store's inputs (gitlab-token…), declared in its folder's store.ts.
  ...STORE_INPUTS.map((i) => i.name),
];

/**
 * Flags naming a file whose content is an input: a private key given as a flag's value would sit in the process
 * list (`ps`) for every user of the machine to read.
 */
const FILE_FLAGS: Record<string, string> = Object.fromEntries(
  STORE_INPUTS.flatMap((i) => (i.file ? [[`${i.name}-file`, i.name]] : [])),
);

/** Flags without a value: inputs set to "true", and the CLI's own switches. */
export const SWITCHES = ['force', 'dry-run'] as const;
const OWN = ['json', 'help', 'version'] as const;

/** Flags that may repeat; their values become one input with one value per line. */
const REPEATABLE = new Set(['targets', 'target', 'commands', 'command-prefixes', 'token-ids', 'only']);
const ALIASES: Record<string, string> = { target: 'targets', kind: 'token-type', h: 'help', V: 'version' };

export interface CliArgs {
  get: GetInput;
  /** The inputs set by a flag (not by the environment), by input name. */
  given: Set<string>;
  json: boolean;
  /** Key inputs given as a flag's value (readable in the process list) rather than from a file. */
  onCommandLine: StoreInput[];
}

/** Env credentials stand in for flags that are not given. */
const FROM_ENV: Record<string, string> = {
  'fly-api-token': 'FLY_API_TOKEN',
  // A value on the command line shows in the process list: the environment is the better way in.
  held: 'FLY_TOKEN_ROTATOR_HELD',
  ...Object.fromEntries(STORE_INPUTS.flatMap((i) => (i.env ? [[i.name, i.env]] : []))),
};

/** How messages name an input on the command line: `--target`, `--fly-api-token (or FLY_API_TOKEN)`. */
export function describeFlag(name: string): string {
  const flag = `--${name === 'targets' ? 'target' : name}`;
  return FROM_ENV[name] ? `${flag} (or ${FROM_ENV[name]})` : flag;
}

/**
 * --help and --version answer whatever else the command line holds, even flags that would be refused, so
 * that they never run anything. Help wins when both are given.
 */
export function infoRequest(argv: string[]): 'help' | 'version' | undefined {
  // Nothing to run: no arguments at all is a request for help, not a rotation that lacks its Fly token.
  if (argv.length === 0) return 'help';
  const names = argv.map((arg) => /^--?([A-Za-z][a-z-]*)$/.exec(arg)?.[1]).map((n) => n && (ALIASES[n] ?? n));
  if (names.includes('help')) return 'help';
  if (names.includes('version')) return 'version';
  return undefined;
}

export function parseArgs(argv: string[], env: Record<string, string | undefined>): CliArgs {
  const values = new Map<string, string[]>();
  const own = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--?([A-Za-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!m) {
      // `fly-token-rotator status`, as git-style commands are written: a mode is a flag's value here.
      if ((MODES as readonly string[]).includes(arg.toLowerCase()))
        throw new InputError(
          `unexpected argument "${arg}": a mode is chosen with --mode. Expected --mode ${arg.toLowerCase()} (see --help).`,
        );
      throw new InputError(
        `unexpected argument "${arg}". Expected flags such as --config bot.yml (see --help).`,
      );
    }
    const name = ALIASES[m[1]] ?? m[1];
    if ((OWN as readonly string[]).includes(name) || (SWITCHES as readonly string[]).includes(name)) {
      if (m[2] !== undefined && (OWN as readonly string[]).includes(name))
        throw new InputError(`--${name} takes no value.`);
      if ((OWN as readonly string[]).includes(name)) own.add(name);
      else values.set(name, [m[2] ?? 'true']);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name) && !FILE_FLAGS[name])
      throw new InputError(`unknown flag --${m[1]}. Run fly-token-rotator --help for the flags it takes.`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new InputError(`--${m[1]} needs a value.`);
    const prior = values.get(name);
    if (prior && !REPEATABLE.has(name)) throw new InputError(`--${name} is given twice. Expected it once.`);
    values.set(name, [...(prior ?? []), value]);
  }
  const onCommandLine = STORE_INPUTS.filter((i) => i.file && values.has(i.name));
  for (const [flag, input] of Object.entries(FILE_FLAGS)) {
    const [path] = values.get(flag) ?? [];
    if (path === undefined) continue;
    if (values.has(input))
      throw new InputError(`Give either --${flag} or --${input}, not both. Expected --${flag} PATH.`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new InputError(
        `--${flag} "${path}" cannot be read (${errorMessage(err)}). Expected the path of a file holding it, e.g. ${STORE_INPUTS.find((i) => i.name === input)?.file?.example ?? 'a key file'}.`,
      );
    }
    values.delete(flag);
    values.set(input, [text]);
  }
  const get: GetInput = (name) =>
    values.get(name)?.join('\n') ?? (FROM_ENV[name] ? (env[FROM_ENV[name]] ?? '') : '');
  get.describe = describeFlag;
  return { get, given: new Set(values.keys()), json: own.has('json'), onCommandLine };
}
