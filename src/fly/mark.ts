// The mark of ../core/held.ts inside a token value: a validity window that restricts nothing (from a moment
// long past to the token's own expiry), whose start encodes the mark.
import { markNotBefore, markOfNotBefore } from '../core/held.js';
import { CaveatType, decodeMacaroon, parseHeader, withValidityWindow } from './macaroon/index.js';

/** Adds the mark to every permission token of the bundle; `expiresAt` is the token's own expiry. */
export function withMark(header: string, mark: string, expiresAt: string): string {
  return withValidityWindow(header, markNotBefore(mark), Math.floor(Date.parse(expiresAt) / 1000));
}

/**
 * The mark a value carries: a top-level validity window of a permission token whose start lies in the marks'
 * range. Undefined when there is none, or when the permission tokens carry different marks (then the value
 * cannot be matched); throws TokenFormatError for a value that is no Fly macaroon token.
 */
export function markOf(header: string): string | undefined {
  const marks = new Set<string>();
  for (const bytes of parseHeader(header)) {
    const m = decodeMacaroon(bytes);
    if (!m.isPermission()) continue;
    for (const c of m.caveats) {
      if (Number(c.type) !== CaveatType.ValidityWindow || !Array.isArray(c.body)) continue;
      const start = c.body[0];
      const mark =
        typeof start === 'number' || typeof start === 'bigint' ? markOfNotBefore(Number(start)) : undefined;
      if (mark) marks.add(mark);
    }
  }
  return marks.size === 1 ? [...marks][0] : undefined;
}
