// The rule of evidence: the one place that decides whether a write landed, for every store. Writers report
// facts (each answer their write got, what the store's own check found after a 2xx); the targets report what
// they hold, read before and after the write (interfaces.ts: Evidence); this module alone turns those facts
// into landed, not landed or unknown. docs/safety.md has the same rule as a table.
import { CLOCK_SKEW_MS } from './holdings.js';
import type { Evidence, FlyToken, WriteAnswer, WriteFacts } from './interfaces.js';

/**
 * What one answer proves about the attempt that got it:
 * - `written`: a 2xx, the store took the value (it landed somewhere);
 * - `refused`: the store turned the request down before doing anything (400, 401, 403, 404, 409, 422…);
 * - `not-applied`: the store did nothing but asks to come back (429): retried after Retry-After;
 * - `lost`: the attempt may have been applied and its answer lost (408, 5xx, a reset, a timeout, a reply that
 *   is not what the API sends, a program that failed after it started): retried when the write is idempotent.
 */
export type AnswerMeaning = 'written' | 'refused' | 'not-applied' | 'lost';

/** The statuses that do not mean what their class says, as data; every other 4xx is `refused`. */
export const STATUS_MEANINGS: Readonly<Record<number, AnswerMeaning>> = {
  408: 'lost',
  429: 'not-applied',
};

export function meaningOf(answer: WriteAnswer): AnswerMeaning {
  if ('lost' in answer) return 'lost';
  const { status } = answer;
  const special = STATUS_MEANINGS[status];
  if (special) return special;
  if (status >= 200 && status < 300) return 'written';
  if (status >= 400 && status < 500) return 'refused';
  // 5xx, and anything a store never sends (1xx, 3xx): cannot prove the request was not applied.
  return 'lost';
}

/** Whether an attempt that got this status may be repeated at all: the answer did not settle the request. */
export function retryableStatus(status: number): boolean {
  const m = meaningOf({ status });
  return m === 'lost' || m === 'not-applied';
}

export type WriteVerdict = 'landed' | 'not-landed' | 'unknown';

export interface Judgement {
  verdict: WriteVerdict;
  /** Why, for messages: "the secret's updated_at did not change (…)". */
  why: string;
}

export interface JudgeContext {
  /** The token written. */
  token: FlyToken;
  /** What the target said before the write; absent when it could not be read. */
  before?: Evidence;
  /** What it says after; absent when it could not be read (or was not read: the answers settled it). */
  after?: Evidence;
  /** Another writer may have written the same targets meanwhile (a managed token appeared during the run). */
  rivals?: boolean;
}

/** From the answers alone: `undefined` when they cannot settle it and the target must be read. */
export function judgeAnswers(facts: WriteFacts): Judgement | undefined {
  const meanings = facts.answers.map(meaningOf);
  if (meanings.includes('written') && facts.undone) {
    return {
      verdict: 'not-landed',
      why: `the store accepted the write (HTTP 2xx), then ${facts.afterAccepted ?? 'it was misplaced'}; the writer took it back`,
    };
  }
  if (meanings.includes('written')) {
    return {
      verdict: 'landed',
      why: facts.afterAccepted
        ? `the store accepted the write (HTTP 2xx), then ${facts.afterAccepted}`
        : 'the store accepted the write',
    };
  }
  if (meanings.includes('lost')) return undefined;
  return {
    verdict: 'not-landed',
    why: meanings.length
      ? 'every attempt was turned down before anything was written'
      : 'no request was sent',
  };
}

/** The one rule: landed, not landed or unknown, from the write's answers and what the target says. */
export function judgeWrite(facts: WriteFacts, ctx: JudgeContext): Judgement {
  const settled = judgeAnswers(facts);
  if (settled) return settled;
  const { after, before, token } = ctx;
  if (!after) return { verdict: 'unknown', why: 'the target could not be read to tell whether it landed' };
  switch (after.proof) {
    case 'timestamp':
      return judgeTimestamp(after.updatedAt, before?.proof === 'timestamp' ? before : undefined, ctx);
    case 'read-back': {
      if (!after.exists) return { verdict: 'not-landed', why: 'read again, it does not exist' };
      const ours = after.matches ?? after.tokenId === token.id;
      return ours
        ? { verdict: 'landed', why: `read again, it holds token ${token.id}` }
        : {
            verdict: 'not-landed',
            why: `read again, it ${after.tokenId ? `holds token ${after.tokenId}` : 'holds a value this action did not write'}`,
          };
    }
    case 'none':
      return after.exists === false
        ? { verdict: 'not-landed', why: 'read again, it does not exist' }
        : { verdict: 'unknown', why: 'it cannot say what it holds' };
  }
}

/**
 * A timestamp target (GitHub's updated_at, whole seconds): compared with the value read before the write.
 * Unchanged, the write did not land, unless the write before it can fall in the same second of GitHub's clock
 * (then a landed write leaves the same updated_at). Changed, it landed, unless another writer may have written.
 */
function judgeTimestamp(
  updatedAt: string | undefined,
  before: { updatedAt?: string } | undefined,
  ctx: JudgeContext,
): Judgement {
  if (updatedAt === undefined) return { verdict: 'not-landed', why: 'read again, the secret does not exist' };
  const at = Date.parse(updatedAt);
  if (!before) {
    // Without the time from before, only a write older than the mint is proof.
    if (at < Date.parse(ctx.token.createdAt) - CLOCK_SKEW_MS)
      return {
        verdict: 'not-landed',
        why: `read again, it was last updated at ${updatedAt}, before ${ctx.token.id} was minted`,
      };
    return {
      verdict: 'unknown',
      why: `it was last updated at ${updatedAt}, and what it said before the write could not be read, so that may be another write`,
    };
  }
  if (before.updatedAt === updatedAt) {
    // The write came after the mint, so Fly's createdAt bounds when it began, on a server's clock that agrees
    // with GitHub's within CLOCK_SKEW_MS; this machine's own clock is no measure of GitHub's.
    if (at >= Date.parse(ctx.token.createdAt) - CLOCK_SKEW_MS)
      return {
        verdict: 'unknown',
        why: `its updated_at (${updatedAt}) did not change, but the write before it was so recent that both can fall in the same second of the store's clock`,
      };
    return { verdict: 'not-landed', why: `its updated_at (${updatedAt}) did not change` };
  }
  if (ctx.rivals)
    return {
      verdict: 'unknown',
      why: `its updated_at changed to ${updatedAt}, but another rotation was writing at the same time`,
    };
  return {
    verdict: 'landed',
    why: `its updated_at changed from ${before.updatedAt ?? '(no secret)'} to ${updatedAt}`,
  };
}
