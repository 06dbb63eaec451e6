// After the store step: what a write that failed ambiguously really did, read from what each target can prove.
import { errorMessage } from './errors.js';
import { describeEvidence, writeLanded } from './holdings.js';
import type { FlyToken, Log, SecretWriter, StoreOutcome } from './interfaces.js';
import { settle } from './settle.js';

/**
 * A write that failed ambiguously (timeout, reset, 5xx) may have landed. Each target's evidence tells (see
 * writeLanded): landed, it counts as written; not landed, the outcome stays a failure, no longer ambiguous. A
 * target that cannot tell keeps `ambiguous`. `unknown` is set when the targets could not be read at all.
 */
export async function resolveAmbiguous(
  written: StoreOutcome[],
  token: FlyToken & { header: string },
  writer: SecretWriter,
  log: Log,
): Promise<{ stored: StoreOutcome[]; unknown?: string }> {
  if (!written.some((s) => s.ambiguous)) return { stored: written };
  const read = await settle(writer.evidence(token.header));
  if (!read.ok) return { stored: written, unknown: errorMessage(read.error) };
  const at = new Map(writer.targets.map((t, i) => [t, read.value[i]]));
  const stored = written.map((s): StoreOutcome => {
    const evidence = at.get(s.target);
    if (!s.ambiguous || !evidence) return s;
    const landed = writeLanded(token, evidence);
    if (landed === undefined) {
      return {
        ...s,
        error: `${s.error} (${s.target.label} cannot say whether the write landed, so it may hold either token)`,
      };
    }
    if (landed) {
      log.warning(
        `The write of ${s.target.label} failed (${s.error}), but it landed: it ${describeEvidence(evidence)}, after ${token.id} was minted.`,
      );
      return { target: s.target, result: 'updated' };
    }
    return {
      target: s.target,
      error: `${s.error} (read again, it ${describeEvidence(evidence)}: the write of ${token.id} did not land)`,
    };
  });
  return { stored };
}
