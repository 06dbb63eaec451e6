// Third-party caveats, discharges and bundle verification (MACAROON.md §7). Emulator/test use.
import { createHash } from 'node:crypto';
import { CaveatType, decodeCaveatSet, encodeCaveatElements, encodeCaveatSet } from './caveats.js';
import { hmac, randomKey, seal, unseal } from './crypto.js';
import { bytesEqual, concatBytes, decodeAt, readArrayHeader } from './msgpack.js';
import {
  type Caveat,
  type DecodedCaveat,
  type DecodedMacaroon,
  decodeMacaroon,
  rebuildMacaroon,
} from './token.js';
import { mintMacaroon, type VerifyOptions, verifyMacaroon } from './verify.js';

export type ThirdPartyBody = { location: string; verifierKey: Uint8Array; ticket: Uint8Array };

export function thirdPartyBody(c: Caveat): ThirdPartyBody | undefined {
  if (Number(c.type) !== CaveatType.ThirdParty || !Array.isArray(c.body) || c.body.length !== 3)
    return undefined;
  const [location, verifierKey, ticket] = c.body;
  if (typeof location !== 'string' || !(verifierKey instanceof Uint8Array) || !(ticket instanceof Uint8Array))
    return undefined;
  return { location, verifierKey, ticket };
}

/** Append a 3P caveat for `location`, whose ticket only the holder of `thirdPartyKey` can open. */
export function addThirdPartyCaveat(
  bytes: Uint8Array,
  location: string,
  thirdPartyKey: Uint8Array,
  ticketCaveats: Caveat[] = [],
  dischargeKey: Uint8Array = randomKey(32),
): Uint8Array {
  const m = decodeMacaroon(bytes);
  if (m.nonce.proof) throw new Error("can't add caveats to finalized proof");
  if (m.caveats.some((c) => thirdPartyBody(c)?.location === location))
    throw new Error(`token already has a third-party caveat for ${location}`);
  const plaintext = concatBytes([
    Uint8Array.of(0x92, 0xc4, 0x20),
    dischargeKey,
    encodeCaveatSet(ticketCaveats),
  ]);
  const cav: Caveat = {
    type: CaveatType.ThirdParty,
    body: [location, seal(m.tail, dischargeKey), seal(thirdPartyKey, plaintext)],
  };
  const el = encodeCaveatElements(cav);
  return rebuildMacaroon(m, [el], hmac(m.tail, concatBytes([Uint8Array.of(0x92), el])));
}

/** Open a ticket with the third party's key: the discharge root key and the ticket's caveats. */
export function openTicket(
  thirdPartyKey: Uint8Array,
  ticket: Uint8Array,
): { dischargeKey: Uint8Array; caveats: Caveat[] } {
  const pt = unseal(thirdPartyKey, ticket);
  const head = readArrayHeader(pt, 0);
  const dk = decodeAt(pt, head.end);
  if (head.count !== 2 || !(dk.value instanceof Uint8Array) || dk.value.length !== 32)
    throw new Error('malformed ticket');
  return { dischargeKey: dk.value, caveats: decodeCaveatSet(pt.subarray(dk.end)) };
}

/** Issue a finalized discharge for `ticket` (third-party side). */
export function dischargeTicket(
  thirdPartyKey: Uint8Array,
  location: string,
  ticket: Uint8Array,
  cavs: Caveat[] = [],
): Uint8Array {
  const { dischargeKey } = openTicket(thirdPartyKey, ticket);
  return mintMacaroon(dischargeKey, ticket, location, cavs, { proof: true });
}

export type BundleResult = {
  ok: boolean;
  error?: string;
  /** Permission and discharge caveats that the request must satisfy (3P and binding caveats removed). */
  caveats: DecodedCaveat[];
  discharged: string[];
  undischarged: string[];
};

function bindingOk(c: DecodedCaveat, parentTails: Uint8Array[]): boolean {
  if (!(c.body instanceof Uint8Array) || c.body.length === 0 || c.body.length > 32) return false;
  const prefix = c.body;
  return parentTails.some((t) =>
    bytesEqual(createHash('sha256').update(t).digest().subarray(0, prefix.length), prefix),
  );
}

/** Verify one permission token with the discharges for its 3P caveats (server-side walk). */
export function verifyBundle(
  rootKey: Uint8Array,
  permission: Uint8Array,
  discharges: Uint8Array[],
  opts: VerifyOptions = {},
): BundleResult {
  const res: BundleResult = { ok: false, caveats: [], discharged: [], undischarged: [] };
  const p = verifyMacaroon(rootKey, permission, opts);
  if (!p.ok) return { ...res, error: `permission token: ${p.error}` };
  const parsed: DecodedMacaroon[] = [];
  for (const d of discharges) {
    try {
      parsed.push(decodeMacaroon(d));
    } catch {
      // not a macaroon we can use
    }
  }
  for (const [i, c] of p.caveats.entries()) {
    const tp = thirdPartyBody(c);
    if (!tp) {
      if (Number(c.type) !== CaveatType.ThirdParty) res.caveats.push(c);
      else return { ...res, error: 'malformed third-party caveat' };
      continue;
    }
    const d = parsed.find((x) => bytesEqual(x.nonce.kid, tp.ticket));
    if (!d) {
      res.undischarged.push(tp.location);
      continue;
    }
    let dk: Uint8Array;
    try {
      dk = unseal(p.tails[i]!, tp.verifierKey);
    } catch {
      return { ...res, error: `cannot open verifier key for ${tp.location}` };
    }
    const dv = verifyMacaroon(dk, d);
    if (!dv.ok) return { ...res, error: `discharge for ${tp.location}: ${dv.error}` };
    for (const dc of dv.caveats) {
      if (Number(dc.type) === CaveatType.BindToParentToken) {
        if (!bindingOk(dc, p.tails))
          return { ...res, error: `discharge for ${tp.location} bound to another token` };
      } else if (Number(dc.type) === CaveatType.ThirdParty) {
        return { ...res, error: 'nested third-party caveats are not supported' };
      } else res.caveats.push(dc);
    }
    res.discharged.push(tp.location);
  }
  if (res.undischarged.length > 0) return { ...res, error: `undischarged: ${res.undischarged.join(', ')}` };
  return { ...res, ok: true };
}
