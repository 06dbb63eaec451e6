// The emulator's own minimal MessagePack + Fly macaroon codec (MACAROON.md §1–§4). Kept independent of
// src/fly/macaroon on purpose: the emulator is the verifier the product's tests rely on, so it must not
// share bugs with the client library it checks.
import { createHmac, randomBytes } from 'node:crypto';

export type Msg = number | bigint | string | boolean | null | Uint8Array | Msg[] | Map<Msg, Msg>;

export class CodecError extends Error {}

export const PERMISSION_LOCATION = 'https://api.fly.io/v1';
const FINALIZE_KEY = Buffer.from('proof-signature-finalization');

// ---- encoding (canonical: shortest ints, sorted map keys) ----

function uintBytes(v: bigint): number[] {
  if (v < 128n) return [Number(v)];
  if (v < 256n) return [0xcc, Number(v)];
  if (v < 65536n) return [0xcd, Number(v >> 8n), Number(v & 0xffn)];
  if (v < 1n << 32n) return [0xce, ...be(v, 4)];
  if (v < 1n << 64n) return [0xcf, ...be(v, 8)];
  throw new CodecError('integer too large');
}

function be(v: bigint, n: number): number[] {
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(Number((v >> BigInt(8 * i)) & 0xffn));
  return out;
}

function intBytes(v: bigint): number[] {
  if (v >= 0n) return uintBytes(v);
  if (v >= -32n) return [Number(v) & 0xff];
  const u = (bits: number) => be(BigInt.asUintN(bits, v), bits / 8);
  if (v >= -128n) return [0xd0, ...u(8)];
  if (v >= -32768n) return [0xd1, ...u(16)];
  if (v >= -(1n << 31n)) return [0xd2, ...u(32)];
  return [0xd3, ...u(64)];
}

function lenHeader(n: number, fix: number, fixMax: number, codes: number[]): number[] {
  if (n < fixMax) return [fix | n];
  if (codes[0] !== 0 && n < 256) return [codes[0], n];
  if (n < 65536) return [codes[1], n >> 8, n & 0xff];
  return [codes[2], ...be(BigInt(n), 4)];
}

function keyCompare(a: Msg, b: Msg): number {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
  }
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
}

function encodeInto(v: Msg, out: number[]): void {
  if (v === null) out.push(0xc0);
  else if (v === true) out.push(0xc3);
  else if (v === false) out.push(0xc2);
  else if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new CodecError('floats are not part of the format');
    out.push(...intBytes(BigInt(v)));
  } else if (typeof v === 'bigint') out.push(...intBytes(v));
  else if (typeof v === 'string') {
    const b = Buffer.from(v, 'utf8');
    out.push(...(b.length < 32 ? [0xa0 | b.length] : lenHeader(b.length, 0, 0, [0xd9, 0xda, 0xdb])), ...b);
  } else if (v instanceof Uint8Array) {
    out.push(...lenHeader(v.length, 0, 0, [0xc4, 0xc5, 0xc6]), ...v);
  } else if (Array.isArray(v)) {
    out.push(...lenHeader(v.length, 0x90, 16, [0, 0xdc, 0xdd]));
    for (const e of v) encodeInto(e, out);
  } else {
    const keys = [...v.keys()].sort(keyCompare);
    out.push(...lenHeader(keys.length, 0x80, 16, [0, 0xde, 0xdf]));
    for (const k of keys) {
      encodeInto(k, out);
      encodeInto(v.get(k) as Msg, out);
    }
  }
}

export function encode(v: Msg): Uint8Array {
  const out: number[] = [];
  encodeInto(v, out);
  return Uint8Array.from(out);
}

// ---- decoding ----

export function decodeAt(buf: Uint8Array, pos: number): { value: Msg; end: number } {
  const need = (n: number) => {
    if (pos + n > buf.length) throw new CodecError('truncated msgpack');
  };
  const readUint = (n: number): bigint => {
    need(n);
    let v = 0n;
    for (let i = 0; i < n; i++) v = (v << 8n) | BigInt(buf[pos + i]);
    pos += n;
    return v;
  };
  const num = (v: bigint): number | bigint =>
    v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  const bytes = (n: number): Uint8Array => {
    need(n);
    const b = buf.slice(pos, pos + n);
    pos += n;
    return b;
  };
  const items = (n: number, map: boolean): Msg => {
    if (!map) {
      const arr: Msg[] = [];
      for (let i = 0; i < n; i++) arr.push(next());
      return arr;
    }
    const m = new Map<Msg, Msg>();
    for (let i = 0; i < n; i++) {
      const k = next();
      m.set(k, next());
    }
    return m;
  };
  const next = (): Msg => {
    const r = decodeAt(buf, pos);
    pos = r.end;
    return r.value;
  };
  need(1);
  const t = buf[pos++];
  let value: Msg;
  if (t <= 0x7f) value = t;
  else if (t >= 0xe0) value = t - 256;
  else if (t >= 0xa0 && t <= 0xbf) value = Buffer.from(bytes(t & 0x1f)).toString('utf8');
  else if (t >= 0x90 && t <= 0x9f) value = items(t & 0x0f, false);
  else if (t >= 0x80 && t <= 0x8f) value = items(t & 0x0f, true);
  else {
    switch (t) {
      case 0xc0:
        value = null;
        break;
      case 0xc2:
        value = false;
        break;
      case 0xc3:
        value = true;
        break;
      case 0xc4:
      case 0xc5:
      case 0xc6:
        value = bytes(Number(readUint(1 << (t - 0xc4))));
        break;
      case 0xcc:
      case 0xcd:
      case 0xce:
      case 0xcf:
        value = num(readUint(1 << (t - 0xcc)));
        break;
      case 0xd0:
      case 0xd1:
      case 0xd2:
      case 0xd3: {
        const bits = 8 << (t - 0xd0);
        value = num(BigInt.asIntN(bits, readUint(bits / 8)));
        break;
      }
      case 0xd9:
      case 0xda:
      case 0xdb:
        value = Buffer.from(bytes(Number(readUint(1 << (t - 0xd9))))).toString('utf8');
        break;
      case 0xdc:
      case 0xdd:
        value = items(Number(readUint(t === 0xdc ? 2 : 4)), false);
        break;
      case 0xde:
      case 0xdf:
        value = items(Number(readUint(t === 0xde ? 2 : 4)), true);
        break;
      default:
        throw new CodecError(`unsupported msgpack byte 0x${t.toString(16)}`);
    }
  }
  return { value, end: pos };
}

// ---- tokens ----

export interface RawCaveat {
  type: number | bigint;
  body: Msg;
  /** The body exactly as sent. */
  rawBody: Uint8Array;
}

export interface DecodedToken {
  kid: Uint8Array;
  proof: boolean;
  location: string;
  nonceBytes: Uint8Array;
  caveats: RawCaveat[];
  tail: Uint8Array;
}

export function decodeToken(bytes: Uint8Array): DecodedToken {
  if (bytes[0] !== 0x94) throw new CodecError('token is not a 4-element array');
  const nonce = decodeAt(bytes, 1);
  const n = nonce.value;
  if (!Array.isArray(n) || (n.length !== 2 && n.length !== 3) || !(n[0] instanceof Uint8Array)) {
    throw new CodecError('bad nonce');
  }
  const loc = decodeAt(bytes, nonce.end);
  if (typeof loc.value !== 'string') throw new CodecError('bad location');
  const t = bytes[loc.end];
  let pos: number;
  let count: number;
  if (t >= 0x90 && t <= 0x9f) [count, pos] = [t & 0x0f, loc.end + 1];
  else if (t === 0xdc) [count, pos] = [(bytes[loc.end + 1] << 8) | bytes[loc.end + 2], loc.end + 3];
  else throw new CodecError('bad caveat array');
  if (count % 2 !== 0) throw new CodecError('odd caveat array');
  const caveats: RawCaveat[] = [];
  for (let i = 0; i < count; i += 2) {
    const type = decodeAt(bytes, pos);
    if (typeof type.value !== 'number' && typeof type.value !== 'bigint')
      throw new CodecError('bad caveat type');
    const body = decodeAt(bytes, type.end);
    caveats.push({ type: type.value, body: body.value, rawBody: bytes.slice(type.end, body.end) });
    pos = body.end;
  }
  const tail = decodeAt(bytes, pos);
  if (!(tail.value instanceof Uint8Array) || tail.value.length !== 32 || tail.end !== bytes.length) {
    throw new CodecError('bad tail');
  }
  return {
    kid: n[0],
    proof: n[2] === true,
    location: loc.value,
    nonceBytes: bytes.slice(1, nonce.end),
    caveats,
    tail: tail.value,
  };
}

export function hmac(key: Uint8Array, msg: Uint8Array): Uint8Array {
  return createHmac('sha256', key).update(msg).digest();
}

/** The per-caveat message: `0x92 || type || body`; known types are re-encoded canonically like Go does. */
export function caveatMessage(type: number | bigint, body: Msg, rawBody?: Uint8Array): Uint8Array {
  const known = Number(type) <= 31;
  return Buffer.concat([Buffer.of(0x92), encode(type), known || !rawBody ? encode(body) : rawBody]);
}

export function chainTail(
  rootKey: Uint8Array,
  nonceBytes: Uint8Array,
  caveats: RawCaveat[],
  proof: boolean,
): Uint8Array {
  let t = hmac(rootKey, nonceBytes);
  for (const c of caveats) t = hmac(t, caveatMessage(c.type, c.body, c.rawBody));
  return proof ? hmac(FINALIZE_KEY, t) : t;
}

export function mintToken(
  rootKey: Uint8Array,
  kid: Uint8Array,
  caveats: Array<{ type: number; body: Msg }>,
): Uint8Array {
  const nonceBytes = encode([kid, randomBytes(16), false]);
  let t = hmac(rootKey, nonceBytes);
  const parts: Uint8Array[] = [Buffer.of(0x94), nonceBytes, encode(PERMISSION_LOCATION)];
  const flat: number[] = [];
  for (const c of caveats) {
    t = hmac(t, caveatMessage(c.type, c.body));
    flat.push(...encode(c.type), ...encode(c.body));
  }
  const n = caveats.length * 2;
  parts.push(
    Uint8Array.from(n < 16 ? [0x90 | n] : [0xdc, n >> 8, n & 0xff]),
    Uint8Array.from(flat),
    encode(t),
  );
  return Buffer.concat(parts);
}

/** `FlyV1 fm2_…,fm2_…` → token bytes; throws on any malformed element. `fo1_` (OAuth) elements are skipped. */
export function parseBundle(bundle: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const el of bundle.split(',')) {
    const m = /^(fm2|fm1r|fm1a|fo1)_([A-Za-z0-9+/]+={0,2})$/.exec(el);
    if (!m) throw new CodecError('malformed token element');
    if (m[1] === 'fo1') continue;
    if (m[2].length % 4 !== 0) throw new CodecError('unpadded base64');
    const b = Buffer.from(m[2], 'base64');
    if (b.length === 0) throw new CodecError('empty token');
    out.push(new Uint8Array(b));
  }
  return out;
}

export function formatHeader(tokens: Uint8Array[]): string {
  return `FlyV1 ${tokens.map((t) => `fm2_${Buffer.from(t).toString('base64')}`).join(',')}`;
}
