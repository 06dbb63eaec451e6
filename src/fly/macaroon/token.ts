// Header grammar (MACAROON.md §1) and binary token layout with byte spans (§2, §8).
import {
  arrayHeader,
  concatBytes,
  decodeAt,
  MsgpackError,
  type MsgValue,
  readArrayHeader,
} from './msgpack.js';

export const PERMISSION_LOCATION = 'https://api.fly.io/v1';

export type Caveat = { type: number | bigint; body: MsgValue };

/** A caveat as found in a token; `raw` is the exact bytes of its two array elements (type then body). */
export type DecodedCaveat = Caveat & { raw: Uint8Array };

export type Span = { start: number; end: number };

export type Nonce = { kid: Uint8Array; rnd: Uint8Array; proof: boolean; bytes: Uint8Array };

export interface DecodedMacaroon {
  bytes: Uint8Array;
  nonce: Nonce;
  location: string;
  caveats: DecodedCaveat[];
  tail: Uint8Array;
  spans: { nonce: Span; location: Span; caveats: Span; tail: Span; extra: Span };
  /** Not a finalized proof and located at `location` (default `https://api.fly.io/v1`). */
  isPermission(location?: string): boolean;
}

export class TokenFormatError extends Error {}

const LABELS = new Set(['fm2', 'fm1r', 'fm1a']);
const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Split an Authorization-style header into raw macaroon bytes (fo1_ OAuth tokens are skipped). */
export function parseHeader(header: string): Uint8Array[] {
  let s = header.trim();
  const m = /^(flyv1|bearer)\s+/i.exec(s);
  if (m) s = s.slice(m[0].length).trim();
  if (s === '') throw new TokenFormatError('empty token header');
  const out: Uint8Array[] = [];
  for (const [i, part] of s.split(',').entries()) {
    const sep = part.indexOf('_');
    if (sep < 0) throw new TokenFormatError(`token ${i}: missing label`);
    const label = part.slice(0, sep);
    const b64 = part.slice(sep + 1);
    if (label === 'fo1') continue;
    if (!LABELS.has(label)) throw new TokenFormatError(`token ${i}: unknown label ${JSON.stringify(label)}`);
    if (!B64.test(b64)) throw new TokenFormatError(`token ${i}: invalid base64`);
    const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
    if (bytes.length === 0) throw new TokenFormatError(`token ${i}: empty token`);
    out.push(bytes);
  }
  return out;
}

export function formatToken(token: Uint8Array): string {
  return `fm2_${Buffer.from(token.buffer, token.byteOffset, token.byteLength).toString('base64')}`;
}

/** `FlyV1 fm2_...,fm2_...` */
export function formatHeader(tokens: Uint8Array[]): string {
  if (tokens.length === 0) throw new TokenFormatError('no tokens to format');
  return `FlyV1 ${tokens.map(formatToken).join(',')}`;
}

function fail(msg: string): never {
  throw new TokenFormatError(`macaroon: ${msg}`);
}

function decodeNonce(bytes: Uint8Array, start: number): { nonce: Nonce; end: number } {
  const { value, end } = decodeAt(bytes, start);
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 3)) fail('nonce must be array(2|3)');
  const [kid, rnd, proof = false] = value;
  if (!(kid instanceof Uint8Array) || !(rnd instanceof Uint8Array)) fail('nonce kid/rnd must be bin');
  if (typeof proof !== 'boolean') fail('nonce proof must be bool');
  return { nonce: { kid, rnd, proof, bytes: bytes.slice(start, end) }, end };
}

export function decodeMacaroon(bytes: Uint8Array): DecodedMacaroon {
  try {
    return decodeInner(bytes);
  } catch (e) {
    if (e instanceof MsgpackError) fail(e.message);
    throw e;
  }
}

function decodeInner(bytes: Uint8Array): DecodedMacaroon {
  const top = readArrayHeader(bytes, 0);
  if (top.count < 4) fail('token must be an array of at least 4 elements');
  const { nonce, end: nonceEnd } = decodeNonce(bytes, top.end);
  const loc = decodeAt(bytes, nonceEnd);
  if (typeof loc.value !== 'string') fail('location must be a string');
  const cavHead = readArrayHeader(bytes, loc.end);
  if (cavHead.count % 2 !== 0) fail('caveat array must have an even number of elements');
  const caveats: DecodedCaveat[] = [];
  let pos = cavHead.end;
  for (let i = 0; i < cavHead.count; i += 2) {
    const t = decodeAt(bytes, pos);
    if (!((typeof t.value === 'number' && t.value >= 0) || (typeof t.value === 'bigint' && t.value >= 0n)))
      fail('caveat type must be an unsigned integer');
    const b = decodeAt(bytes, t.end);
    caveats.push({ type: t.value, body: b.value, raw: bytes.slice(pos, b.end) });
    pos = b.end;
  }
  const cavEnd = pos;
  const tail = decodeAt(bytes, pos);
  if (!(tail.value instanceof Uint8Array) || tail.value.length !== 32) fail('tail must be bin(32)');
  pos = tail.end;
  for (let i = 4; i < top.count; i++) pos = decodeAt(bytes, pos).end;
  if (pos !== bytes.length) fail('trailing bytes after token');
  const location = loc.value;
  const proof = nonce.proof;
  return {
    bytes,
    nonce,
    location,
    caveats,
    tail: tail.value,
    spans: {
      nonce: { start: top.end, end: nonceEnd },
      location: { start: nonceEnd, end: loc.end },
      caveats: { start: loc.end, end: cavEnd },
      tail: { start: cavEnd, end: tail.end },
      extra: { start: tail.end, end: pos },
    },
    isPermission: (want = PERMISSION_LOCATION) => !proof && location === want,
  };
}

/**
 * Re-emit a token with extra caveat elements and a new tail. Everything before the caveat
 * array, the existing caveat elements and any unknown trailing elements are copied verbatim.
 */
export function rebuildMacaroon(m: DecodedMacaroon, appended: Uint8Array[], tail: Uint8Array): Uint8Array {
  if (tail.length !== 32) throw new TokenFormatError('tail must be 32 bytes');
  const { caveats, extra } = m.spans;
  const firstEl = readArrayHeader(m.bytes, caveats.start).end;
  return concatBytes([
    m.bytes.subarray(0, caveats.start),
    arrayHeader(2 * (m.caveats.length + appended.length)),
    m.bytes.subarray(firstEl, caveats.end),
    ...appended,
    Uint8Array.of(0xc4, 0x20),
    tail,
    m.bytes.subarray(extra.start, extra.end),
  ]);
}
