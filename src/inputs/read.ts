// The action's inputs → a validated RunSpec. Every check happens here, before anything is minted.
import { resolve } from 'node:path';
import { loadConfigFile } from '../config/load.js';
import { pickRotations } from '../config/pick.js';
import { humanDuration, parseDuration } from '../core/duration.js';
import { InputError, InputErrors, placed } from '../core/errors.js';
import {
  type GetInput,
  type GetList,
  nameOf,
  noLists,
  parseBoolean,
  parseCount,
  parseTokenIds,
  required,
} from '../core/input.js';
import { MODES, type Mode, type RotationSpec, type RunSpec } from '../core/spec.js';
import { authorizationHeader } from '../fly/auth.js';
import { assertCanMint } from '../fly/credential.js';
import { STORES } from '../stores.js';
import { checkNotBefore, readKindAndScope } from './fly-scope.js';
import { parseHeld } from './held.js';
import { defaultTokenName, managedFamilies, rotationConflicts, unclaimedFamilies } from './identity.js';
import { readRevokePrevious, readRunOptions } from './run-options.js';
import { readTargets } from './targets.js';

export type { GetInput, GetList } from '../core/input.js';
export { parseRepository, parseSecretName, parseTokenIds } from '../core/input.js';

export const DEFAULT_EXPIRY = '7d';

/**
 * The longest expiry that runs without a warning. A rotated token should be short-lived: even a weekly schedule
 * with three rotations per lifetime needs three weeks, so a quarter year is a typo or a token meant to outlive
 * its rotation. Longer expiries still work, up to the 20 years parseDuration accepts.
 */
export const EXPIRY_WARN_MS = 90 * 86_400_000;

/** Warnings about valid but doubtful inputs, for the door to print before the run: expiries past 90 days. */
export function inputWarnings(spec: RunSpec): string[] {
  if (spec.mode !== 'rotate') return [];
  return spec.rotations
    .filter((r) => r.expiryMs > EXPIRY_WARN_MS)
    .map(
      (r) =>
        `${r.name ? `Rotation ${r.name}: ` : ''}expiry ${humanDuration(r.expiryMs)} is longer than 90 days: the new token (${r.label}) stays valid that long if a rotation is missed or it leaks. Expected a short lifetime such as 7d with a daily schedule (docs/safety.md).`,
    );
}

export function readInputs(get: GetInput, env: Record<string, string | undefined>): RunSpec {
  const run = readRun(get, env);
  return withCredentials(get, env, { ...run, rotations: [readRotation(get, env)] });
}

/**
 * The credentials of every store, read once the targets are known: each store decides what its targets need
 * (a rotation cannot write without its credential; the other modes report targets they cannot read).
 */
function withCredentials(get: GetInput, env: Record<string, string | undefined>, spec: RunSpec): RunSpec {
  const targets = spec.rotations.flatMap((r) => r.targets);
  const stores: Record<string, unknown> = {};
  for (const store of STORES) {
    const given = store.credentials(get, env, spec.mode, targets.filter(store.owns));
    if (given !== undefined) stores[store.id] = given;
  }
  const held = readHeld(get, spec, env);
  return {
    ...spec,
    ...(held.length ? { held } : {}),
    credentials: { ...spec.credentials, stores },
  };
}

/** Input held (proof by use), checked against the run's targets. */
function readHeld(get: GetInput, spec: RunSpec, env: Record<string, string | undefined>) {
  const raw = get('held');
  if (!raw.trim()) return [];
  if (spec.mode === 'plan')
    throw new InputError(
      `${nameOf(get, 'held')} is set, but mode plan reads no secret. Expected ${nameOf(get, 'held')} only with modes rotate, status, revoke and revoke-all.`,
    );
  return parseHeld(raw, spec.rotations, nameOf(get, 'held'), env.GITHUB_REPOSITORY?.trim() || undefined);
}

/** Everything but the rotations: mode, credentials and run options. */
function readRun(get: GetInput, env: Record<string, string | undefined>): Omit<RunSpec, 'rotations'> {
  const mode = (get('mode') || 'rotate').toLowerCase() as Mode;
  if (!MODES.includes(mode))
    throw new InputError(
      `${nameOf(get, 'mode')} "${mode}" is not supported. Expected one of: ${MODES.join(', ')}.`,
    );
  // plan only lists the rotations: it needs no credential.
  const fly =
    mode === 'plan'
      ? get('fly-api-token').trim()
      : required(get, 'fly-api-token', 'a Fly auth token (FlyV1 fm2_… or a personal access token)');
  // A malformed token, or a deploy, org or other limited one that cannot mint or revoke: say so before any
  // call to Fly, naming the input as the user knows it.
  if (mode !== 'plan') authorizationHeader(fly, nameOf(get, 'fly-api-token'));
  if (['rotate', 'revoke', 'revoke-all'].includes(mode)) assertCanMint(fly, nameOf(get, 'fly-api-token'));
  const tokenIds = mode === 'revoke' ? parseTokenIds(get('token-ids'), nameOf(get, 'token-ids')) : [];
  return {
    ...(get.describe ? { describeInput: get.describe } : {}),
    mode,
    force: parseBoolean(get('force') || 'false', nameOf(get, 'force')),
    ...readRunOptions(get, env),
    ...readRevokePrevious(get, mode),
    tokenIds,
    credentials: { fly, stores: {} },
  };
}

/** One rotation from action-style inputs; the config file presents each of its entries this way too. */
export function readRotation(
  get: GetInput,
  env: Record<string, string | undefined>,
  getList: GetList = noLists,
): RotationSpec {
  // The parts are independent: each is checked even when another failed, and all problems are reported.
  const errors: InputError[] = [];
  // `input`: the one input a part reads, the place of its errors (InputError.place) for a config file's lines.
  const check = <T>(read: () => T, input?: string): T | undefined => {
    try {
      return input ? placed({ input }, read) : read();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      errors.push(...(err instanceof InputErrors ? err.errors : [err]));
      return undefined;
    }
  };
  const scoped = check(() => readKindAndScope(get, getList));
  const targets = check(() => readTargets(get, env, getList));
  const expiryMs = check(
    () => parseDuration(get('expiry') || DEFAULT_EXPIRY, nameOf(get, 'expiry')),
    'expiry',
  );
  if (scoped && expiryMs)
    check(() => checkNotBefore(scoped.scope.notBefore, expiryMs, Date.now(), (input) => nameOf(get, input)));
  const explicitName = get('token-name').trim();
  const tokenName = explicitName || (targets ? defaultTokenName(targets) : '');
  if (tokenName.length > 200)
    errors.push(
      new InputError(`${nameOf(get, 'token-name')} is longer than 200 characters.`, { input: 'token-name' }),
    );
  const keepPrevious = check(
    () => parseCount(get('keep-previous') || '0', nameOf(get, 'keep-previous')),
    'keep-previous',
  );
  if (errors.length || !scoped || !targets || !expiryMs || keepPrevious === undefined)
    throw errors.length === 1 ? errors[0] : new InputErrors(errors);
  const managed = managedFamilies(targets, explicitName);
  const unclaimed = unclaimedFamilies(targets, explicitName);
  return {
    ...scoped,
    expiryMs,
    tokenName,
    ...(managed.length > 1 || managed[0].counted ? { managed } : {}),
    ...(unclaimed.length ? { unclaimed } : {}),
    keepPrevious,
    targets,
  };
}

const PER_TOKEN_INPUTS = [
  'app',
  'org',
  'cluster',
  'commands',
  'command-prefixes',
  'targets',
  'repository',
  'token-name',
];

/**
 * Like readInputs, and with input `config` set, the rotations come from that file (all of them, or the
 * one named by `only`) while mode and credentials still come from the inputs.
 */
export async function readRunSpec(get: GetInput, env: Record<string, string | undefined>): Promise<RunSpec> {
  const file = get('config').trim();
  if (!file && (get('mode') || '').trim().toLowerCase() === 'plan') {
    // plan is for config files; without one it shows the one rotation the inputs describe. When they describe
    // none, the problem to name is the missing config, not an input a config user never meant to give.
    try {
      return readInputs(get, env);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new InputError(
        `mode plan lists the rotations of a config file, and ${nameOf(get, 'config')} is not set. Expected ${nameOf(get, 'config')} with the path of the config file (e.g. .github/fly-tokens.yml). (Read as one rotation instead, the inputs say: ${err.message})`,
      );
    }
  }
  if (!file) return readInputs(get, env);
  // Inputs without an action.yml default: with a config file, setting one would be silently ignored.
  const ignored = PER_TOKEN_INPUTS.filter((name) => get(name).trim()).map((name) => nameOf(get, name));
  if (ignored.length)
    throw new InputError(
      `${nameOf(get, 'config')} is set, so ${ignored.join(', ')} would be ignored. Expected either ${nameOf(get, 'config')} or the per-token inputs; move them into the config file.`,
    );
  const run = readRun(get, env);
  const { rotations, concurrency } = await loadConfigFile(
    resolve(env.GITHUB_WORKSPACE || '.', file),
    (rotationGet, rotationList) => readRotation(rotationGet, env, rotationList),
    nameOf(get, 'config'),
    rotationConflicts,
  );
  return withCredentials(get, env, {
    ...run,
    rotations: pickRotations(rotations, get('only'), nameOf(get, 'only')),
    ...(concurrency ? { concurrency } : {}),
  });
}
