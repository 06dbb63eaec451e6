// After the store step: what each failed write really did, decided by the rule of evidence (./evidence.ts) from
// the facts its writer reported and, when those cannot settle it, from what the target says when read again.
import { errorMessage } from './errors.js';
import { judgeAnswers, judgeWrite } from './evidence.js';
import type { Evidence, FlyToken, Log, SecretWriter, StoreOutcome } from './interfaces.js';
import { settle } from './settle.js';

export interface WriteContext {
  /** What each target said before the write (`writer.targets` order); absent when it was not or could not be read. */
  before?: Evidence[];
  /** A managed token appeared during this run: another writer may have written the same targets. */
  rivals?: boolean;
}

/**
 * Each failed write becomes one of: landed (counts as written), not landed (a plain failure: the target still
 * holds what it held), unknown (`ambiguous`: it may hold either token) or landed elsewhere (`landedElsewhere`:
 * a 2xx, then the store's check disagreed; the error says where). A failure whose writer reported no facts is
 * unknown: nothing proves it did not land.
 */
export async function resolveWrites(
  written: StoreOutcome[],
  token: FlyToken & { header: string },
  writer: SecretWriter,
  log: Log,
  ctx: WriteContext,
): Promise<StoreOutcome[]> {
  const failed = written.filter((s) => s.error);
  if (!failed.length) return written;
  const needsRead = failed.some((s) => s.facts && !judgeAnswers(s.facts));
  const read = needsRead ? await settle(writer.evidence(token.header)) : undefined;
  if (read && !read.ok) log.warning(`Reading the targets again failed: ${errorMessage(read.error)}`);
  const index = new Map(writer.targets.map((t, i) => [t, i]));
  return written.map((s): StoreOutcome => {
    if (!s.error) return s;
    if (!s.facts) {
      return {
        target: s.target,
        error: `${s.error} (nothing proves the write did not land, so it may hold either token)`,
        ambiguous: true,
      };
    }
    const i = index.get(s.target);
    const judged = judgeWrite(s.facts, {
      token,
      ...(i !== undefined && ctx.before?.[i] ? { before: ctx.before[i] } : {}),
      ...(i !== undefined && read?.ok && read.value[i] ? { after: read.value[i] } : {}),
      ...(ctx.rivals ? { rivals: true } : {}),
    });
    const facts = { facts: s.facts };
    switch (judged.verdict) {
      case 'landed':
        if (s.facts.afterAccepted)
          return { target: s.target, error: s.error, ...facts, landedElsewhere: true };
        log.warning(`The write of ${s.target.label} failed (${s.error}), but it landed: ${judged.why}.`);
        return { target: s.target, result: 'updated' };
      case 'not-landed':
        return {
          target: s.target,
          error: `${s.error} (${judged.why}: the write of ${token.id} did not land)`,
          ...facts,
        };
      default:
        return {
          target: s.target,
          error: `${s.error} (${judged.why}, so it may hold either token)`,
          ...facts,
          ambiguous: true,
        };
    }
  });
}
