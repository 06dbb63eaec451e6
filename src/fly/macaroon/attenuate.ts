// Local attenuation: append caveats to permission tokens without a server call (MACAROON.md §8).
import { ATTESTATION_TYPES, encodeCaveatElements } from './caveats.js';
import { hmac } from './crypto.js';
import { concatBytes, toHex } from './msgpack.js';
import {
  type Caveat,
  type DecodedMacaroon,
  decodeMacaroon,
  formatHeader,
  PERMISSION_LOCATION,
  parseHeader,
  rebuildMacaroon,
} from './token.js';

export type AttenuateOptions = { permissionLocation?: string };

function checkAddable(cavs: Caveat[]): void {
  for (const c of cavs) {
    if (typeof c.type === 'number' && ATTESTATION_TYPES.has(c.type))
      throw new Error(`caveat type ${c.type} is an attestation and cannot be added to a permission token`);
  }
}

/** Append caveats to one decoded token, skipping ones already present (Go-style dedup). */
export function attenuateDecoded(m: DecodedMacaroon, cavs: Caveat[]): Uint8Array {
  if (m.nonce.proof) throw new Error("can't add caveats to finalized proof");
  checkAddable(cavs);
  const seen = new Set(m.caveats.map((c) => toHex(c.raw)));
  const appended: Uint8Array[] = [];
  let t = m.tail;
  for (const c of cavs) {
    const el = encodeCaveatElements(c);
    const key = toHex(el);
    if (seen.has(key)) continue;
    seen.add(key);
    appended.push(el);
    t = hmac(t, concatBytes([Uint8Array.of(0x92), el]));
  }
  if (appended.length === 0) return m.bytes;
  return rebuildMacaroon(m, appended, t);
}

/** Attenuate one raw token (must be a non-proof token). */
export function attenuateMacaroon(bytes: Uint8Array, cavs: Caveat[]): Uint8Array {
  return attenuateDecoded(decodeMacaroon(bytes), cavs);
}

/** Append caveats to every permission token of a bundle; other tokens are copied byte for byte. */
export function attenuateTokens(
  tokens: Uint8Array[],
  cavs: Caveat[],
  opts: AttenuateOptions = {},
): Uint8Array[] {
  const loc = opts.permissionLocation ?? PERMISSION_LOCATION;
  checkAddable(cavs);
  let found = 0;
  const out = tokens.map((bytes) => {
    const m = decodeMacaroon(bytes);
    if (!m.isPermission(loc)) return bytes;
    found++;
    return attenuateDecoded(m, cavs);
  });
  if (found === 0) throw new Error('no permission token found in header');
  return out;
}

export function attenuateHeader(header: string, cavs: Caveat[], opts: AttenuateOptions = {}): string {
  return formatHeader(attenuateTokens(parseHeader(header), cavs, opts));
}
