// Proof by use: the runner hands every job `${{ secrets.NAME }}`, so a job that passes those values in (input
// `held`) can say exactly which token each target holds — something GitHub never returns.
//
// Matching a value to a Fly token needs something the value and Fly's token list both show. A fingerprint of the
// value cannot be it: Fly sets a token's name when it mints the token and has no call to rename one (the schema
// has createLimitedAccessToken and deleteLimitedAccessToken, nothing that updates), and the value exists only
// once minting is done. So the link is fixed *before* minting instead: the run draws a random mark (7 hex
// digits), puts it in the token's name (`… · run 123/1 a1b2c3 mark 1f2e3d4`) and, right after minting, into the
// value itself as a caveat that restricts nothing — a validity window from a moment long past (2001-09-09 plus
// the mark, in seconds) to the token's own expiry (see ../fly/kinds/base.ts). A held value is matched by
// reading that window back out of it. The mark is not secret (it names a Fly token, as its id does) and tells
// an attacker nothing about the value.
//
// What this proves and what it does not: a value carrying mark m is token m's value or a narrowing of it (any
// holder of a token can add caveats, so another token could be given m's caveat on purpose; this action never
// does, and nobody but a holder of a token can). A value without a mark is a token minted before marks, or one
// this action did not mint. Besides the mark, each value's fingerprint — the first 12 hex digits of SHA-256
// of the token without its `FlyV1 ` scheme, the whole comma-separated bundle as the secret holds it — is shown
// so that a person can tell values apart across runs and targets; it is never used to decide anything.
import { createHash, randomBytes } from 'node:crypto';
import type { Holding } from './holdings.js';
import type { FlyToken, UseEvidence, UseMatch } from './interfaces.js';
import { isLive } from './live.js';

/** Hex digits of a mark: 28 bits, enough to tell apart the tokens one scope ever lists. */
export const MARK_DIGITS = 7;
/** The mark's window starts this many seconds after the Unix epoch plus the mark: 2001 to 2010, long past. */
export const MARK_EPOCH_S = 1_000_000_000;
const MARK_SPAN = 2 ** (4 * MARK_DIGITS);
const MARK_IN_NAME = new RegExp(`(?:^|\\s)mark ([0-9a-f]{${MARK_DIGITS}})$`);

export function newMark(): string {
  return (randomBytes(4).readUInt32BE(0) % MARK_SPAN).toString(16).padStart(MARK_DIGITS, '0');
}

/** The run's identity with a mark appended: the per-run part of a minted token's name. */
export function markedIdentity(identity: string, mark = newMark()): string {
  return `${identity} mark ${mark}`;
}

/** The mark a token's name carries, if any (names from before marks have none and stay managed). */
export function nameMark(name: string): string | undefined {
  return MARK_IN_NAME.exec(name)?.[1];
}

/** The not-before second (Unix) that encodes `mark` in the value. */
export function markNotBefore(mark: string): number {
  return MARK_EPOCH_S + Number.parseInt(mark, 16);
}

/** The mark a validity window's not-before encodes, or undefined when it is an ordinary one. */
export function markOfNotBefore(seconds: number): string | undefined {
  const n = seconds - MARK_EPOCH_S;
  return Number.isInteger(n) && n >= 0 && n < MARK_SPAN
    ? n.toString(16).padStart(MARK_DIGITS, '0')
    : undefined;
}

/** First 12 hex digits of SHA-256 of the token without its scheme (the whole bundle, as stored). */
export function fingerprint(value: string): string {
  const bare = value.trim().replace(/^(FlyV1|Bearer)\s+/i, '');
  return createHash('sha256').update(bare).digest('hex').slice(0, 12);
}

/**
 * Which managed token a held value is. `markOf` reads the mark out of a value (the issuer's, since only Fly's
 * side knows the token format); it returns undefined for a value without one and may throw for a value that
 * is no Fly token at all.
 */
export function matchHeld(
  value: string,
  managed: readonly FlyToken[],
  markOf: (value: string) => string | undefined,
): UseEvidence {
  const print = fingerprint(value);
  let mark: string | undefined;
  try {
    mark = markOf(value);
  } catch {
    return { proof: 'use', fingerprint: print, match: { kind: 'unmarked', notFly: true } };
  }
  if (mark === undefined) return { proof: 'use', fingerprint: print, match: { kind: 'unmarked' } };
  const tokens = managed.filter((t) => nameMark(t.name) === mark);
  const match: UseMatch =
    tokens.length === 1
      ? { kind: 'token', token: tokens[0] }
      : tokens.length > 1
        ? { kind: 'several', tokens }
        : { kind: 'foreign', mark };
  return { proof: 'use', fingerprint: print, match };
}

/**
 * A target's holding with the runner's word added. The runner fetched the value when this job started, so the
 * store's own evidence still counts: where it agrees (the token is among those the store says the target may
 * hold, or the store cannot say), the holding is exact; where it does not, the secret was written after the job
 * started, and the target may hold either, so both stay protected.
 */
export function withUse(store: Holding, use: UseEvidence): Holding {
  const m = use.match;
  const base: Holding = { ...store, byUse: { fingerprint: use.fingerprint, match: m.kind, agrees: false } };
  if (m.kind === 'token') {
    const agrees = store.unproven === true || store.possible.some((t) => t.id === m.token.id);
    if (agrees) {
      const { unproven: _, ...rest } = store;
      return {
        ...rest,
        exists: true,
        proof: 'use',
        byUse: { fingerprint: use.fingerprint, match: m.kind, tokenId: m.token.id, agrees },
        token: m.token,
        possible: [m.token],
      };
    }
    return {
      ...base,
      byUse: { fingerprint: use.fingerprint, match: m.kind, tokenId: m.token.id, agrees },
      possible: unique([m.token, ...store.possible]),
    };
  }
  if (m.kind === 'several') return { ...base, possible: unique([...m.tokens, ...store.possible]) };
  return base;
}

/** A held value in words for messages and the summary; never the value. */
export function describeUse(h: Holding): string | undefined {
  const u = h.byUse;
  if (!u) return undefined;
  const fp = `value ${u.fingerprint}`;
  switch (u.match) {
    case 'token':
      return u.agrees
        ? `the runner hands out ${u.tokenId} (${fp}, proven by use)`
        : `the runner handed this job ${u.tokenId} (${fp}), but ${h.target} was written since, so it may hold ${h.possible
            .map((t) => t.id)
            .join(' or ')}`;
    case 'several':
      return `the runner hands out a value (${fp}) whose mark several managed tokens carry: it may be any of ${h.possible.map((t) => t.id).join(', ')}`;
    case 'foreign':
      return `the runner hands out a value (${fp}) that is no managed token: set by hand, or minted under another token-name`;
    case 'unmarked':
      return `the runner hands out a value (${fp}) without a mark: minted before marks, or not by this action`;
  }
}

function unique(tokens: FlyToken[]): FlyToken[] {
  const seen = new Set<string>();
  return tokens.filter((t) => !seen.has(t.id) && seen.add(t.id));
}

export const AFTER_USE_NOTE =
  'revoke-previous is after-use: a later run that is handed the new token (input held) revokes them';

/**
 * revoke-previous: after-use. Once every target of a rotation is proven by use to hold one valid token, the
 * managed tokens minted before it are held by no target and no job this runner starts from now on: they may
 * go (keep-previous and the grace period still apply, see ./sweep.ts). Returns that token, or why not.
 */
export function provenCurrent(
  holdings: readonly Holding[],
  now = Date.now(),
): { token: FlyToken } | { why: string } {
  if (holdings.length === 0) return { why: 'the rotation has no targets' };
  let current: FlyToken | undefined;
  for (const h of holdings) {
    if (h.proof !== 'use' || !h.token) {
      const seen = describeUse(h);
      return {
        why: seen
          ? `${h.target}: ${seen}`
          : `${h.target} was not proven by use (input held names no value for it)`,
      };
    }
    if (!isLive(h.token, now)) return { why: `${h.target} holds ${h.token.id}, which is no longer valid` };
    if (current && current.id !== h.token.id)
      return { why: `the targets hold different tokens (${current.id}, ${h.token.id})` };
    current = h.token;
  }
  return { token: current! };
}
