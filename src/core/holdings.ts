// Which token each target holds. A GitLab variable says so itself (the token id is written beside the value and
// read back). A target that proves nothing (a command, a Forgejo secret) may hold any valid managed token: its
// holding names the newest, and every valid one is `possible`. For a GitHub secret it is worked out from times: Fly lists when each token was minted, GitHub
// says when each secret was last written (updated_at), and a secret can only hold a token minted before it was
// written. So a target holds the newest managed token minted before its last write.
//
// The two clocks are different machines' and both show whole seconds, so "before" is allowed CLOCK_SKEW_MS of
// slack: the held token is the newest minted no later than updated_at + CLOCK_SKEW_MS. A run writes within a
// second or two of minting, so the token just before it was minted long before the write and is not held. Where
// the times cannot settle it, `possible` lists every token the target may hold, and nothing in it is revoked
// without force: each token minted within the slack of the write, and, when the held one looks minted after the
// write (a concurrent run that minted just after another's write), the newest minted before it too.
import type { Evidence, FlyToken } from './interfaces.js';
import { isLive } from './live.js';

/** How far Fly's and GitHub's clocks may disagree, one-second resolution of both included. */
export const CLOCK_SKEW_MS = 5_000;

export interface Holding {
  /** The target's label. */
  target: string;
  /** The secret's updated_at (timestamp targets); undefined when the secret does not exist. */
  updatedAt?: string;
  /** Whether the secret exists; undefined when the target cannot tell (a command). */
  exists?: boolean;
  /** The target cannot say which token it holds: `token` is only the newest valid one. */
  unproven?: boolean;
  /** The token the target holds by the rule above; undefined when none of the tokens can be in it. */
  token?: FlyToken;
  /** Every token it may hold given clock skew (token included). */
  possible: FlyToken[];
  /** 'use': the runner handed this job the token's value (input held), so `token` is exact; see ./held.ts. */
  proof?: 'use';
  /** What the runner handed this job for the target, when input held names it (never the value). */
  byUse?: {
    fingerprint: string;
    match: 'token' | 'several' | 'foreign' | 'unmarked';
    tokenId?: string;
    /** The store's own evidence agrees (otherwise the secret was written after the job started). */
    agrees: boolean;
  };
}

const created = (t: FlyToken) => Date.parse(t.createdAt);

/** `tokens`: every managed token of the scope, revoked and expired ones too (a target can hold those). */
export function holdingFrom(
  target: string,
  evidence: Evidence,
  tokens: FlyToken[],
  now = Date.now(),
): Holding {
  if (evidence.proof === 'timestamp') return holdingOf(target, evidence.updatedAt, tokens);
  if (evidence.exists === false) return { target, exists: false, possible: [] };
  if (evidence.proof === 'read-back' && evidence.tokenId !== undefined) {
    const token = tokens.find((t) => t.id === evidence.tokenId);
    return { target, exists: true, ...(token ? { token } : {}), possible: token ? [token] : [] };
  }
  const valid = tokens.filter((t) => isLive(t, now));
  const newest = valid.at(-1);
  return {
    target,
    ...(evidence.exists ? { exists: true } : {}),
    unproven: true,
    ...(newest ? { token: newest } : {}),
    possible: valid,
  };
}

/** A timestamp target's holding, from its updated_at (see the rule above). */
export function holdingOf(target: string, updatedAt: string | undefined, tokens: FlyToken[]): Holding {
  if (updatedAt === undefined) return { target, exists: false, possible: [] };
  const written = Date.parse(updatedAt);
  const sorted = [...tokens].sort((a, b) => created(a) - created(b) || a.id.localeCompare(b.id));
  const token = sorted.filter((t) => created(t) <= written + CLOCK_SKEW_MS).at(-1);
  if (!token) return { target, updatedAt, exists: true, possible: [] };
  const near = sorted.filter((t) => Math.abs(created(t) - written) <= CLOCK_SKEW_MS);
  const before = created(token) > written ? sorted.filter((t) => created(t) <= written).at(-1) : undefined;
  const possible = [...new Set([...(before ? [before] : []), ...near, token])];
  return { target, updatedAt, exists: true, token, possible };
}

/** What evidence says about a target, for messages: "last updated at …", "does not exist", "holds another token". */
export function describeEvidence(evidence: Evidence): string {
  if (evidence.proof === 'timestamp')
    return evidence.updatedAt ? `was last updated at ${evidence.updatedAt}` : 'does not exist';
  if (evidence.exists === false) return 'does not exist';
  if (evidence.proof === 'read-back')
    return evidence.tokenId ? `holds token ${evidence.tokenId}` : 'holds a value this action did not write';
  return 'cannot say what it holds';
}

/**
 * The moment by which every target had been written at least once (the oldest updated_at), or 0 when a target
 * has never been written or cannot say when it was (then young previous tokens are left for a later run).
 */
export function lastWrittenAt(evidence: Evidence[]): number {
  let oldest = Number.POSITIVE_INFINITY;
  for (const e of evidence) {
    if (e.proof !== 'timestamp' || e.updatedAt === undefined) return 0;
    oldest = Math.min(oldest, Date.parse(e.updatedAt));
  }
  return Number.isFinite(oldest) ? oldest : 0;
}

/** The ids some target may hold, each with the labels of the targets that may hold it. */
export function heldIds(holdings: Holding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const h of holdings) {
    const who = h.unproven ? `${h.target} (which cannot say which token it holds)` : h.target;
    for (const t of h.possible) out.set(t.id, [...(out.get(t.id) ?? []), who]);
  }
  return out;
}
