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

/** Managed tokens: named exactly `prefix` (tokens minted before names carried the run) or `prefix · …`. */
export function isManagedName(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}${NAME_SEPARATOR}`);
}
