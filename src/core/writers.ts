// One rotation may write to several platforms at once (GitHub, GitLab, Forgejo, commands): each has its own
// writer, and the protocol sees them as one. Targets keep the order the user gave them in.
import type { Evidence, SecretWriter, StoreOutcome, StoreTarget, TokenToStore } from './interfaces.js';

/** Joins writers into one; `order` lists every target of every writer in the order the user gave them. */
export function joinWriters(writers: SecretWriter[], order?: readonly StoreTarget[]): SecretWriter {
  if (writers.length === 1 && !order) return writers[0];
  const all = writers.flatMap((w) => w.targets);
  const targets = order ?? all;
  const position = new Map(targets.map((t, i) => [t, i]));
  if (targets.length !== all.length || all.some((t) => !position.has(t)))
    throw new Error('joinWriters: `order` must list exactly the targets of the writers');
  // Each writer answers in its own targets' order; put every answer where its target is in `targets`.
  const inOrder = <V>(parts: V[][]): V[] => {
    const out: V[] = new Array(targets.length);
    parts.forEach((part, w) => {
      part.forEach((value, i) => {
        out[position.get(writers[w].targets[i])!] = value;
      });
    });
    return out;
  };
  return {
    targets,
    prepare: () => Promise.all(writers.map((w) => w.prepare())).then(() => undefined),
    warmUp: () => {
      for (const w of writers) w.warmUp();
    },
    store: async (token: TokenToStore, signal?: AbortSignal): Promise<StoreOutcome[]> =>
      inOrder(await Promise.all(writers.map((w) => w.store(token, signal)))),
    evidence: async (value?: string): Promise<Evidence[]> =>
      inOrder(await Promise.all(writers.map((w) => w.evidence(value)))),
  };
}
