// Which managed tokens exist, and which previous ones a rotation may revoke (the sweep).
import { lastWrittenAt } from './holdings.js';
import type { Evidence, FlyToken, SecretWriter } from './interfaces.js';
import { isLive } from './live.js';
import { isManagedName, type ManagedNames } from './names.js';
import type { RotationInput } from './rotation.js';

/** Longer than any run can take with its timeouts and retries. */
export const SWEEP_GRACE_MS = 15 * 60_000;

/** Managed tokens are recognised by name (see ./names.ts); this returns those still valid, oldest first. */
export function managedTokens(tokens: FlyToken[], names: ManagedNames, now = Date.now()): FlyToken[] {
  return allManaged(tokens, names).filter((t) => isLive(t, now));
}

/** Every managed token, revoked and expired ones too, oldest first. */
export function allManaged(tokens: FlyToken[], names: ManagedNames): FlyToken[] {
  return tokens
    .filter((t) => isManagedName(t.name, names))
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * Which previous managed tokens (oldest first) a rotation revokes: all but the newest `keepPrevious`, and none
 * created within the grace period unless every target was written after it was created (`settledAt`: then the
 * run that minted it has finished writing and cannot overwrite ours later). Orphans of crashed runs are
 * previous tokens like any other, so they go too.
 */
export function choosePrevious(
  previous: FlyToken[],
  keepPrevious: number,
  graceMs: number,
  settledAt = 0,
  now = Date.now(),
): { doomed: FlyToken[]; kept: FlyToken[]; deferred: FlyToken[] } {
  const kept = keepPrevious > 0 ? previous.slice(-keepPrevious) : [];
  const rest = previous.filter((t) => !kept.includes(t));
  const created = (t: FlyToken) => Date.parse(t.createdAt);
  const young = (t: FlyToken) => graceMs > 0 && now - created(t) < graceMs && created(t) > settledAt;
  return { doomed: rest.filter((t) => !young(t)), kept, deferred: rest.filter(young) };
}

/**
 * When previous tokens are young, reads when every target was last written (alongside the mint, so it costs
 * no round trip) to tell a finished run's token from one whose run may still be writing.
 */
export function settledAt(
  before: FlyToken[],
  input: RotationInput,
  writer: SecretWriter,
  /** The targets' evidence, already being read (see rotate.ts): read again only without it. */
  read?: Promise<Evidence[] | undefined>,
): Promise<number> {
  const grace = input.sweepGraceMs ?? SWEEP_GRACE_MS;
  const anyYoung = choosePrevious(before, input.keepPrevious, grace).deferred.length > 0;
  if (!anyYoung) return Promise.resolve(0);
  return (read ?? writer.evidence()).then(
    (e) => (e ? lastWrittenAt(e) : 0),
    () => 0,
  );
}
