// A rotation's managed identity: the default token-name, the names it manages, and the check that no two
// rotations of one config write one target or manage one name.
//
// No name can follow every target and also stay put when targets are added or removed, so the default name is
// that of ONE target, the first, and a rotation manages the names of ALL its targets: reordering, adding or
// removing targets never leaves a token it minted unmanaged while one of its targets may hold it. A target's name
// spells its whole address (GitLab's environment scope, a command's full argv, GitHub's secret kind), hashed
// when long, so two rotations that write different targets never share a name. Default names of earlier releases
// (`… +4`, which counted the other targets) are adopted where they named one address only (GitHub, Forgejo);
// the GitLab and command forms left the scope and the arguments out, so another rotation may have minted them,
// and they are never claimed.
import { createHash } from 'node:crypto';
import { type NameFamily, namesOverlap } from '../core/names.js';
import type { RotationSpec, TargetSpec } from '../core/spec.js';
import { storeOf } from '../stores.js';
import { targetKey } from './targets.js';

const PREFIX = 'fly-token-rotator';
/** Room for the run's part (`· run <id>/<attempt> <nonce>` and more) within the 200 characters of a name. */
export const MAX_DEFAULT_NAME = 120;
const HASH_CHARS = 12;

/** Where a target writes, in full: e.g. `acme/web FLY_API_TOKEN`, `gitlab acme/web FLY scope=*`, `command:vault kv put x`. */
export function targetAddress(t: TargetSpec): string {
  return storeOf(t).address(t);
}

/**
 * The name a target gives the rotation whose first target it is: readable when short and plain ASCII, else its
 * start and a hash of the whole address.
 */
export function targetTokenName(t: TargetSpec): string {
  const readable = `${PREFIX} ${targetAddress(t)}`;
  if (readable.length <= MAX_DEFAULT_NAME && /^[\x20-\x7e]*$/.test(readable)) return readable;
  const hash = createHash('sha256').update(readable).digest('hex').slice(0, HASH_CHARS);
  const head = readable
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, MAX_DEFAULT_NAME - HASH_CHARS - 2)
    .trimEnd();
  return `${head} #${hash}`;
}

/** The default token-name: the first target's name, whatever follows it. */
export function defaultTokenName(targets: TargetSpec[]): string {
  return targetTokenName(targets[0]);
}

/** A target's default name of releases before this one, when short enough to have been given whole. */
function earlierName(t: TargetSpec): { prefix: string; adopt: boolean } | undefined {
  const earlier = storeOf(t).earlierName?.(t);
  if (!earlier) return undefined;
  const prefix = `${PREFIX} ${earlier.prefix}`;
  return prefix.length <= 190 ? { prefix, adopt: earlier.adopt } : undefined;
}

/**
 * The default name of releases before this one, `fly-token-rotator <target> <SECRET>` and ` +N` for N more
 * targets, for the targets whose old name was theirs alone (GitHub, Forgejo); undefined for the others.
 */
function earlierDefault(t: TargetSpec): NameFamily | undefined {
  const earlier = earlierName(t);
  return earlier?.adopt ? { prefix: earlier.prefix, counted: true } : undefined;
}

/**
 * The default names of releases before this one for the targets whose old name was not theirs alone (a GitLab
 * variable without its scope, a command by its program's name): never managed, only pointed out by mode status.
 */
export function unclaimedFamilies(targets: TargetSpec[], tokenName?: string): NameFamily[] {
  if (tokenName) return [];
  const prefixes = targets.flatMap((t) => {
    const earlier = earlierName(t);
    return earlier && !earlier.adopt ? [earlier.prefix] : [];
  });
  return [...new Set(prefixes)].map((prefix) => ({ prefix, counted: true }));
}

/**
 * The name families a rotation manages: an explicit token-name's alone; with the default, the first target's
 * name (tokens are minted with it), every other target's, and the earlier default forms of each.
 */
export function managedFamilies(targets: TargetSpec[], tokenName?: string): NameFamily[] {
  if (tokenName) return [{ prefix: tokenName }];
  const byPrefix = new Map<string, NameFamily>();
  const add = (f: NameFamily) => {
    const counted = byPrefix.get(f.prefix)?.counted || f.counted;
    byPrefix.set(f.prefix, { prefix: f.prefix, ...(counted ? { counted } : {}) });
  };
  for (const t of targets) add({ prefix: targetTokenName(t) });
  for (const t of targets) {
    const earlier = earlierDefault(t);
    if (earlier) add(earlier);
  }
  return [...byPrefix.values()];
}

/** Which Fly token list a rotation's tokens are in: an app's (deploy, machine-exec, ssh) or an organization's. */
function tokenList(r: RotationSpec): string {
  return r.scope.app
    ? `app ${r.scope.app.toLowerCase()}`
    : `organization ${(r.scope.org ?? '').toLowerCase()}`;
}

const named = (r: RotationSpec, i: number) => `rotations.${i}${r.name ? ` (${r.name})` : ''}`;

/**
 * Problems of a set of rotations run together: two of them writing one target (the last write would win and each
 * would report success), or managing overlapping names in one Fly token list (each would revoke the tokens the
 * other's targets hold). Each problem is reported at the later rotation, naming the earlier one.
 */
export function rotationConflicts(rotations: { index: number; rotation: RotationSpec }[]): {
  index: number;
  message: string;
}[] {
  const problems: { index: number; message: string }[] = [];
  rotations.forEach(({ index, rotation: b }, j) => {
    for (const { index: i, rotation: a } of rotations.slice(0, j)) {
      const keys = new Set(a.targets.map(targetKey));
      const shared = b.targets.find((t) => keys.has(targetKey(t)));
      if (shared) {
        problems.push({
          index,
          message: `${named(b, index)} and ${named(a, i)} both write ${JSON.stringify(targetAddress(shared))}: the last write would win and both would report success. Expected each target in one rotation only.`,
        });
        continue;
      }
      if (tokenList(a) !== tokenList(b)) continue;
      const overlap = namesOverlap(a.managed ?? a.tokenName, b.managed ?? b.tokenName);
      if (overlap)
        problems.push({
          index,
          message: `${named(b, index)} and ${named(a, i)} manage the same token names in ${tokenList(b)} (${JSON.stringify(overlap[1].prefix)} and ${JSON.stringify(overlap[0].prefix)}): each would revoke the tokens the other's targets hold. Expected a different token-name for one of them.`,
        });
    }
  });
  return problems;
}
