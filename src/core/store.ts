// After the store step: what a write that failed ambiguously really did, read from the secret's updated_at.
import { errorMessage } from './errors.js';
import { writeMayHaveLanded } from './holdings.js';
import type { FlyToken, Log, SecretWriter, StoreOutcome } from './interfaces.js';
import { settle } from './settle.js';

/**
 * A write that failed ambiguously (timeout, reset, 5xx) may have landed. The secret's updated_at tells: older
 * than the mint, it did not (the outcome stays a failure, no longer ambiguous); newer, it counts as written.
 * `unknown` is set when GitHub could not be read at all.
 */
export async function resolveAmbiguous(
  written: StoreOutcome[],
  token: FlyToken,
  writer: SecretWriter,
  log: Log,
): Promise<{ stored: StoreOutcome[]; unknown?: string }> {
  if (!written.some((s) => s.ambiguous)) return { stored: written };
  const times = await settle(writer.updatedAt());
  if (!times.ok) return { stored: written, unknown: errorMessage(times.error) };
  const at = new Map(writer.targets.map((t, i) => [t, times.value[i]]));
  const stored = written.map((s): StoreOutcome => {
    if (!s.ambiguous) return s;
    const updatedAt = at.get(s.target);
    if (writeMayHaveLanded(token.createdAt, updatedAt)) {
      log.warning(
        `The write of ${s.target.label} failed (${s.error}), but it landed: the secret was updated at ${updatedAt}, after ${token.id} was minted.`,
      );
      return { target: s.target, result: 'updated' };
    }
    const last = updatedAt ? `last updated at ${updatedAt}` : 'does not exist';
    return {
      target: s.target,
      error: `${s.error} (the secret ${last}, before ${token.id} was minted: the write did not land)`,
    };
  });
  return { stored };
}
