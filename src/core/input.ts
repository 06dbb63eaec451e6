// Small parsers every reader of inputs shares (the action's, the CLI's, a config file's, each store's target
// lines). Each error says what was expected.
import { InputError } from './errors.js';

/**
 * Reads one input; '' when unset. Matches @actions/core's getInput. `describe` says how the user spells an
 * input where it was given (`--fly-api-token (or FLY_API_TOKEN)` on the command line, `kind` in a config
 * file); without it, messages use the action's input name.
 */
export interface GetInput {
  (name: string): string;
  describe?: (name: string) => string;
}

/** The input's name as its user knows it, for messages. */
export function nameOf(get: GetInput, name: string): string {
  return get.describe?.(name) ?? name;
}

/**
 * Reads an input whose source gives a list (a config file): each entry as written, or undefined when the
 * source gives text only (the action's inputs, the CLI's flags), which the input's reader then splits.
 */
export type GetList = (name: string) => readonly string[] | undefined;

/** The action's inputs and CLI flags are text only. */
export const noLists: GetList = () => undefined;

export function required(get: GetInput, name: string, expected: string): string {
  const v = get(name).trim();
  if (!v) throw new InputError(`${nameOf(get, name)} is required. Expected ${expected}.`);
  return v;
}

/** A GitHub user or organization login: letters, digits and single hyphens, not at either end; 39 at most. */
export const LOGIN = /^(?=.{1,39}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** A repository name as GitHub accepts it: letters, digits, `.`, `-`, `_`; 100 at most; not `.` or `..`. */
export function isRepoName(name: string): boolean {
  return /^[A-Za-z0-9._-]{1,100}$/.test(name) && name !== '.' && name !== '..';
}

export function parseRepository(value: string, what = 'repository'): { owner: string; repo: string } {
  const [owner, repo, ...rest] = value.trim().split('/');
  if (rest.length || !LOGIN.test(owner) || repo === undefined || !isRepoName(repo)) {
    throw new InputError(
      `${what} "${value}" is not valid. Expected format {owner}/{repo}: an owner of letters, digits and single hyphens (39 at most), a repository name of letters, digits, '.', '-' and '_' (100 at most).`,
    );
  }
  return { owner, repo };
}

/** GitHub's rules for secret names, checked here so that a bad name never costs a minted token. */
export function parseSecretName(value: string, what = 'secret-name'): string {
  const name = value.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new InputError(
      `${what} "${value}" is not a valid GitHub secret name. Expected only letters, digits and underscores, not starting with a digit.`,
    );
  }
  if (/^GITHUB_/i.test(name))
    throw new InputError(`${what} "${value}" must not start with GITHUB_ (GitHub reserves that prefix).`);
  return name.toUpperCase();
}

export function parseTokenIds(value: string, what = 'token-ids'): string[] {
  const ids = value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0)
    throw new InputError(
      `${what} is required for mode revoke. Expected token IDs separated by commas or new lines.`,
    );
  for (const id of ids) {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) {
      throw new InputError(
        `${what} has "${id}", which is not a Fly token ID. Expected IDs like those shown by \`fly tokens list\`.`,
      );
    }
  }
  return [...new Set(ids)];
}

export function parseCount(value: string, name: string): number {
  if (!/^\d+$/.test(value.trim()))
    throw new InputError(`${name} "${value}" is not a whole number. Expected 0, 1, 2…`);
  return Number(value.trim());
}

/** true or false as @actions/core's getBooleanInput spells them (YAML 1.2's core schema); undefined otherwise. */
function booleanOf(value: string): boolean | undefined {
  const v = value.trim();
  if (/^(true|True|TRUE)$/.test(v)) return true;
  if (/^(false|False|FALSE)$/.test(v)) return false;
  return undefined;
}

export function parseBoolean(value: string, name: string): boolean {
  const b = booleanOf(value);
  if (b === undefined) throw new InputError(`${name} "${value}" is not a boolean. Expected true or false.`);
  return b;
}

/** A `NAME=true|false` option of a target line; `fallback` when absent. */
export function parseOptionBoolean(
  options: Readonly<Record<string, string>>,
  name: string,
  where: string,
  fallback: boolean,
): boolean {
  const value = options[name];
  if (value === undefined) return fallback;
  const b = booleanOf(value);
  if (b === undefined)
    throw new InputError(
      `${where}: ${name}=${value} is not a boolean. Expected ${name}=true or ${name}=false.`,
    );
  return b;
}

/**
 * The `NAME=VALUE` words after a target line's place. `allowed` maps each option it takes to the form its
 * value has, for errors (`secret: 'NAME'`). Each option at most once, never empty.
 */
export function parseOptions(
  words: readonly string[],
  where: string,
  allowed: Readonly<Record<string, string>>,
): Record<string, string> {
  const options = new Map<string, string>();
  const names = Object.keys(allowed);
  for (const word of words) {
    const o = /^([a-z]+)=(.*)$/i.exec(word);
    const name = names.find((a) => a === o?.[1].toLowerCase());
    if (!o || !name) {
      throw new InputError(`${where} has "${word}". Expected only ${names.map((a) => `${a}=…`).join(', ')}.`);
    }
    if (options.has(name)) throw new InputError(`${where} gives ${name}= twice.`);
    if (!o[2]) throw new InputError(`${where} has an empty ${name}=. Expected ${name}=${allowed[name]}.`);
    options.set(name, o[2]);
  }
  return Object.fromEntries(options);
}

/** A target line's place and options: `acme/web secret=X` → `acme/web`, `[secret=X]`. */
export function splitPlace(rest: string): { place: string; words: string[] } {
  const [place = '', ...words] = rest.trim().split(/\s+/);
  return { place, words };
}
