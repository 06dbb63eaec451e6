// Root-key side (test emulator only): mint tokens and recompute signature chains (MACAROON.md §4).
import { encodeCaveatElements, isKnownType } from './caveats.js';
import { constantTimeEqual, finalizeTail, hmac, randomKey } from './crypto.js';
import { arrayHeader, concatBytes, encode } from './msgpack.js';
import { type Caveat, type DecodedCaveat, type DecodedMacaroon, decodeMacaroon } from './token.js';

export type MintOptions = { rnd?: Uint8Array; proof?: boolean };

/** Build a token signed with `rootKey` (proof=false unless asked; a proof gets a finalized tail). */
export function mintMacaroon(
  rootKey: Uint8Array,
  kid: Uint8Array,
  location: string,
  cavs: Caveat[],
  opts: MintOptions = {},
): Uint8Array {
  const proof = opts.proof ?? false;
  const nonce = encode([kid, opts.rnd ?? randomKey(16), proof]);
  let t = hmac(rootKey, nonce);
  const elements: Uint8Array[] = [];
  for (const c of cavs) {
    const el = encodeCaveatElements(c);
    elements.push(el);
    t = hmac(t, concatBytes([Uint8Array.of(0x92), el]));
  }
  return concatBytes([
    Uint8Array.of(0x94),
    nonce,
    encode(location),
    arrayHeader(2 * cavs.length),
    ...elements,
    Uint8Array.of(0xc4, 0x20),
    proof ? finalizeTail(t) : t,
  ]);
}

/**
 * The message a verifier hashes for a caveat: known types are re-encoded canonically from
 * their decoded value (as the Go verifier does), unknown types are hashed as sent.
 */
export function verifierCaveatMessage(c: DecodedCaveat): Uint8Array {
  const el = isKnownType(c.type) ? encodeCaveatElements(c) : c.raw;
  return concatBytes([Uint8Array.of(0x92), el]);
}

/** Running tails T0..Tn (unfinalized) of a token under `rootKey`. */
export function chainTails(rootKey: Uint8Array, m: DecodedMacaroon): Uint8Array[] {
  const tails = [hmac(rootKey, m.nonce.bytes)];
  for (const c of m.caveats) tails.push(hmac(tails[tails.length - 1]!, verifierCaveatMessage(c)));
  return tails;
}

export type VerifyResult = {
  ok: boolean;
  error?: string;
  caveats: DecodedCaveat[];
  /** T0..Tn; empty if the token could not be decoded. */
  tails: Uint8Array[];
  macaroon?: DecodedMacaroon;
};

export type VerifyOptions = {
  /** Also require this location. The location is not covered by the signature chain. */
  location?: string;
};

/** Recompute the chain of one token from `rootKey` and compare it with the public tail. */
export function verifyMacaroon(
  rootKey: Uint8Array,
  bytes: Uint8Array | DecodedMacaroon,
  opts: VerifyOptions = {},
): VerifyResult {
  let m: DecodedMacaroon;
  try {
    m = bytes instanceof Uint8Array ? decodeMacaroon(bytes) : bytes;
  } catch (e) {
    return { ok: false, error: (e as Error).message, caveats: [], tails: [] };
  }
  if (opts.location !== undefined && m.location !== opts.location)
    return {
      ok: false,
      error: `unexpected location ${JSON.stringify(m.location)}`,
      caveats: m.caveats,
      tails: [],
      macaroon: m,
    };
  let tails: Uint8Array[];
  try {
    tails = chainTails(rootKey, m);
  } catch (e) {
    return { ok: false, error: (e as Error).message, caveats: m.caveats, tails: [], macaroon: m };
  }
  const tn = tails[tails.length - 1]!;
  const expected = m.nonce.proof ? finalizeTail(tn) : tn;
  const ok = constantTimeEqual(expected, m.tail);
  return { ok, ...(ok ? {} : { error: 'signature mismatch' }), caveats: m.caveats, tails, macaroon: m };
}
