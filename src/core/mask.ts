import type { Log } from './interfaces.js';

/** Every form a Fly token could be printed in: whole, without its scheme, and each part of a bundle. */
export function tokenForms(header: string): string[] {
  const bare = header.replace(/^(FlyV1|Bearer)\s+/i, '');
  // A bundle (`FlyV1 fm2_a,fm2_b`) works with any of its parts, so each part is a secret of its own.
  const parts = bare
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return [...new Set([header, bare, ...parts])];
}

/** Masks a Fly token in every form it could be printed in. */
export function maskToken(header: string, log: Pick<Log, 'mask'>): void {
  for (const form of tokenForms(header)) log.mask(form);
}

/**
 * Cuts secret values out of a text, longest first so that a token goes whole rather than around a part of it.
 * Values shorter than 6 characters are not worth mangling ordinary text for.
 */
export function cutOut(text: string, values: readonly string[], replacement = '***'): string {
  let out = text;
  for (const v of [...values].sort((a, b) => b.length - a.length)) {
    if (v.length >= 6) out = out.split(v).join(replacement);
  }
  return out;
}
