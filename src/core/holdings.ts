// Which token each target holds, worked out from times alone: Fly lists when each token was minted, GitHub
// says when each secret was last written (updated_at), and a secret can only hold a token minted before it was
// written. So a target holds the newest managed token minted before its last write.
//
// The two clocks are different machines' and both show whole seconds, so "before" is allowed CLOCK_SKEW_MS of
// slack: the held token is the newest minted no later than updated_at + CLOCK_SKEW_MS. A run writes within a
// second or two of minting, so the token just before it was minted long before the write and is not held. Where
// the times cannot settle it, `possible` lists every token the target may hold, and nothing in it is revoked
// without force: each token minted within the slack of the write, and, when the held one looks minted after the
// write (a concurrent run that minted just after another's write), the newest minted before it too.
import type { FlyToken } from './interfaces.js';

/** How far Fly's and GitHub's clocks may disagree, one-second resolution of both included. */
export const CLOCK_SKEW_MS = 5_000;

export interface Holding {
  /** The target's label. */
  target: string;
  /** The secret's updated_at; undefined when the secret does not exist. */
  updatedAt?: string;
  /** The token the target holds by the rule above; undefined when none of the tokens can be in it. */
  token?: FlyToken;
  /** Every token it may hold given clock skew (token included). */
  possible: FlyToken[];
}

const created = (t: FlyToken) => Date.parse(t.createdAt);

/** `tokens`: every managed token of the scope, revoked and expired ones too (a target can hold those). */
export function holdingOf(target: string, updatedAt: string | undefined, tokens: FlyToken[]): Holding {
  if (updatedAt === undefined) return { target, possible: [] };
  const written = Date.parse(updatedAt);
  const sorted = [...tokens].sort((a, b) => created(a) - created(b) || a.id.localeCompare(b.id));
  const token = sorted.filter((t) => created(t) <= written + CLOCK_SKEW_MS).at(-1);
  if (!token) return { target, updatedAt, possible: [] };
  const near = sorted.filter((t) => Math.abs(created(t) - written) <= CLOCK_SKEW_MS);
  const before = created(token) > written ? sorted.filter((t) => created(t) <= written).at(-1) : undefined;
  const possible = [...new Set([...(before ? [before] : []), ...near, token])];
  return { target, updatedAt, token, possible };
}

/**
 * Whether a write of a token minted at `mintedAt` can have landed, judged from the secret's updated_at read
 * after the write failed ambiguously: an updated_at older than the mint (by more than the clock skew) proves
 * the write did not happen; anything newer counts as landed, since it may be ours.
 */
export function writeMayHaveLanded(mintedAt: string, updatedAt: string | undefined): boolean {
  return updatedAt !== undefined && Date.parse(updatedAt) > Date.parse(mintedAt) - CLOCK_SKEW_MS;
}

/** The ids some target may hold, each with the labels of the targets that may hold it. */
export function heldIds(holdings: Holding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const h of holdings) for (const t of h.possible) out.set(t.id, [...(out.get(t.id) ?? []), h.target]);
  return out;
}
