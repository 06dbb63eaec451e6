// Token names. Every token a run mints is named `<token-name> · <who minted it>`: the prefix (input token-name)
// still says which tokens this action manages, and the rest tells one run's tokens from another's, so a run can
// revoke at once what it minted and nobody holds, while other runs' young tokens wait for the grace period.
import { randomBytes } from 'node:crypto';
import { InputError } from './errors.js';

export const NAME_SEPARATOR = ' · ';
/** Fly shows names in the dashboard and `fly tokens list`; keep them short enough to read there. */
export const MAX_NAME_LENGTH = 200;

/** Who is minting: the GitHub run and attempt when running in Actions ("run 123456/1"), else "cli". */
export function runLabel(env: Record<string, string | undefined>): string {
  const id = env.GITHUB_RUN_ID?.trim();
  const attempt = env.GITHUB_RUN_ATTEMPT?.trim() || '1';
  return id && /^\d{1,20}$/.test(id) && /^\d{1,6}$/.test(attempt) ? `run ${id}/${attempt}` : 'cli';
}

/**
 * The run's label and a short random nonce: two rotations of one run that share a token name and a Fly scope
 * stay apart, and so do a run's re-runs of one attempt on a self-hosted runner.
 */
export function runIdentity(label: string, nonce = randomBytes(3).toString('hex')): string {
  return `${label} ${nonce}`;
}

/** The name this run gives the tokens it mints for a rotation whose managed prefix is `prefix`. */
export function runTokenName(prefix: string, identity: string): string {
  const name = `${prefix}${NAME_SEPARATOR}${identity}`;
  if (name.length <= MAX_NAME_LENGTH) return name;
  throw new InputError(
    `token-name is too long: with the run's identity ("${NAME_SEPARATOR}${identity}") appended it would exceed ` +
      `${MAX_NAME_LENGTH} characters. Expected at most ${MAX_NAME_LENGTH - NAME_SEPARATOR.length - identity.length} characters.`,
  );
}

/**
 * One family of managed names: `prefix` itself (tokens minted before names carried the run) and `prefix · …`.
 * `counted` adds the default names of releases that counted the other targets, `prefix +N` and `prefix +N · …`,
 * so a rotation adopts the tokens it minted under them.
 */
export interface NameFamily {
  prefix: string;
  counted?: boolean;
}

/** What a rotation manages: one prefix (a token-name), or its families (see ../inputs/identity.ts). */
export type ManagedNames = string | readonly NameFamily[];

/** A rotation's or a protocol input's managed names: its families when it has them, else its token-name. */
export function managedNames(r: { tokenName: string; managed?: readonly NameFamily[] }): ManagedNames {
  return r.managed?.length ? r.managed : r.tokenName;
}

const families = (names: ManagedNames): readonly NameFamily[] =>
  typeof names === 'string' ? [{ prefix: names }] : names;

function inFamily(name: string, f: NameFamily): boolean {
  if (!name.startsWith(f.prefix)) return false;
  const rest = name.slice(f.prefix.length);
  if (rest === '' || rest.startsWith(NAME_SEPARATOR)) return true;
  return !!f.counted && /^ \+\d+(?: · [\s\S]*)?$/.test(rest);
}

/** Managed tokens: named by one of the families, e.g. exactly `prefix` or `prefix · …`. */
export function isManagedName(name: string, names: ManagedNames): boolean {
  return families(names).some((f) => inFamily(name, f));
}

/**
 * Two families overlap when some name belongs to both: then each rotation would count the other's tokens as its
 * own previous ones and revoke them. A shared name starts with the longer prefix, followed by one of the forms
 * below (whatever follows the run's separator or the count does not change membership).
 */
export function familiesOverlap(a: NameFamily, b: NameFamily): boolean {
  const [short, long] = a.prefix.length <= b.prefix.length ? [a, b] : [b, a];
  const forms = ['', `${NAME_SEPARATOR}x`, ...(long.counted ? [' +1', ` +1${NAME_SEPARATOR}x`] : [])];
  return forms.some((form) => inFamily(long.prefix + form, short));
}

/** The first pair of overlapping families of two rotations, if any. */
export function namesOverlap(a: ManagedNames, b: ManagedNames): [NameFamily, NameFamily] | undefined {
  for (const fa of families(a)) for (const fb of families(b)) if (familiesOverlap(fa, fb)) return [fa, fb];
  return undefined;
}
