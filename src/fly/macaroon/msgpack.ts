// Minimal canonical MessagePack codec for Fly macaroons (see MACAROON.md §3).
// Integers decode to `number` when safe, `bigint` otherwise. Floats and extension
// values (never used by the format) decode to `RawMsg` so they can be re-emitted verbatim.

/** Pre-encoded msgpack bytes, emitted verbatim by the encoder. */
export class RawMsg {
  constructor(readonly bytes: Uint8Array) {}
}

export type MsgValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | RawMsg
  | MsgValue[]
  | Map<MsgValue, MsgValue>;

const MAX_U64 = (1n << 64n) - 1n;
const MIN_I64 = -(1n << 63n);
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function beBytes(v: bigint, n: number): number[] {
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(Number((v >> BigInt(8 * i)) & 0xffn));
  return out;
}

function encodeInt(v: bigint, out: number[]): void {
  if (v > MAX_U64 || v < MIN_I64) throw new RangeError(`msgpack: integer out of 64-bit range: ${v}`);
  if (v >= 0n) {
    if (v < 128n) out.push(Number(v));
    else if (v < 0x100n) out.push(0xcc, Number(v));
    else if (v < 0x10000n) out.push(0xcd, ...beBytes(v, 2));
    else if (v < 0x100000000n) out.push(0xce, ...beBytes(v, 4));
    else out.push(0xcf, ...beBytes(v, 8));
    return;
  }
  if (v >= -32n) out.push(Number(v) & 0xff);
  else if (v >= -0x80n) out.push(0xd0, ...beBytes(BigInt.asUintN(8, v), 1));
  else if (v >= -0x8000n) out.push(0xd1, ...beBytes(BigInt.asUintN(16, v), 2));
  else if (v >= -0x80000000n) out.push(0xd2, ...beBytes(BigInt.asUintN(32, v), 4));
  else out.push(0xd3, ...beBytes(BigInt.asUintN(64, v), 8));
}

function encodeLen(n: number, fix: number, fixMax: number, codes: [number, number, number], out: number[]) {
  if (fix >= 0 && n < fixMax) out.push(fix | n);
  else if (codes[0] !== 0 && n < 0x100) out.push(codes[0], n);
  else if (n < 0x10000) out.push(codes[1], ...beBytes(BigInt(n), 2));
  else out.push(codes[2], ...beBytes(BigInt(n), 4));
}

function pushBytes(out: number[], b: Uint8Array): void {
  for (let i = 0; i < b.length; i++) out.push(b[i]!);
}

function keyRank(k: MsgValue): number {
  if (typeof k === 'number' || typeof k === 'bigint') return 0;
  if (typeof k === 'string') return 1;
  return 2;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Sort order for resource-set maps: numbers numerically, strings by UTF-8 bytes. */
export function compareKeys(a: MsgValue, b: MsgValue): number {
  const ra = keyRank(a);
  const rb = keyRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) {
    const x = BigInt(a as number | bigint);
    const y = BigInt(b as number | bigint);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ra === 1) return compareBytes(utf8.encode(a as string), utf8.encode(b as string));
  return compareBytes(encode(a), encode(b));
}

function encodeInto(v: MsgValue, out: number[]): void {
  if (v === null) out.push(0xc0);
  else if (v === true) out.push(0xc3);
  else if (v === false) out.push(0xc2);
  else if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new TypeError(`msgpack: only safe integers are supported, got ${v}`);
    encodeInt(BigInt(v), out);
  } else if (typeof v === 'bigint') encodeInt(v, out);
  else if (typeof v === 'string') {
    const b = utf8.encode(v);
    encodeLen(b.length, 0xa0, 32, [0xd9, 0xda, 0xdb], out);
    pushBytes(out, b);
  } else if (v instanceof Uint8Array) {
    encodeLen(v.length, -1, 0, [0xc4, 0xc5, 0xc6], out);
    pushBytes(out, v);
  } else if (v instanceof RawMsg) pushBytes(out, v.bytes);
  else if (Array.isArray(v)) {
    encodeLen(v.length, 0x90, 16, [0, 0xdc, 0xdd], out);
    for (const e of v) encodeInto(e, out);
  } else if (v instanceof Map) {
    encodeLen(v.size, 0x80, 16, [0, 0xde, 0xdf], out);
    const keys = [...v.keys()].sort(compareKeys);
    for (const k of keys) {
      encodeInto(k, out);
      encodeInto(v.get(k)!, out);
    }
  } else throw new TypeError(`msgpack: unsupported value ${String(v)}`);
}

/** Canonical encoding (shortest ints, str8 for strings, sorted map keys). */
export function encode(v: MsgValue): Uint8Array {
  const out: number[] = [];
  encodeInto(v, out);
  return Uint8Array.from(out);
}

/** Canonical array header for `n` elements. */
export function arrayHeader(n: number): Uint8Array {
  const out: number[] = [];
  encodeLen(n, 0x90, 16, [0, 0xdc, 0xdd], out);
  return Uint8Array.from(out);
}

export class MsgpackError extends Error {}

export type Decoded = { value: MsgValue; end: number };

class Reader {
  constructor(
    readonly buf: Uint8Array,
    public pos: number,
  ) {}

  need(n: number): void {
    if (this.pos + n > this.buf.length) throw new MsgpackError('msgpack: unexpected end of input');
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  uint(n: number): bigint {
    this.need(n);
    let v = 0n;
    for (let i = 0; i < n; i++) v = (v << 8n) | BigInt(this.buf[this.pos++]!);
    return v;
  }

  len(n: number): number {
    return Number(this.uint(n));
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const b = this.buf.slice(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

function intValue(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function str(r: Reader, n: number): string {
  const b = r.bytes(n);
  try {
    return utf8Strict.decode(b);
  } catch {
    throw new MsgpackError('msgpack: invalid UTF-8 string');
  }
}

function raw(r: Reader, start: number, skip: number): RawMsg {
  r.need(skip);
  r.pos += skip;
  return new RawMsg(r.buf.slice(start, r.pos));
}

function readArray(r: Reader, n: number, depth: number): MsgValue[] {
  const out: MsgValue[] = [];
  for (let i = 0; i < n; i++) out.push(readValue(r, depth + 1));
  return out;
}

function readMap(r: Reader, n: number, depth: number): Map<MsgValue, MsgValue> {
  const m = new Map<MsgValue, MsgValue>();
  for (let i = 0; i < n; i++) {
    const k = readValue(r, depth + 1);
    m.set(k, readValue(r, depth + 1));
  }
  return m;
}

function readValue(r: Reader, depth: number): MsgValue {
  if (depth > 64) throw new MsgpackError('msgpack: nesting too deep');
  const start = r.pos;
  const c = r.u8();
  if (c <= 0x7f) return c;
  if (c >= 0xe0) return c - 0x100;
  if (c >= 0xa0 && c <= 0xbf) return str(r, c & 0x1f);
  if (c >= 0x90 && c <= 0x9f) return readArray(r, c & 0x0f, depth);
  if (c >= 0x80 && c <= 0x8f) return readMap(r, c & 0x0f, depth);
  switch (c) {
    case 0xc0:
      return null;
    case 0xc2:
      return false;
    case 0xc3:
      return true;
    case 0xc4:
    case 0xc5:
    case 0xc6:
      return r.bytes(r.len(1 << (c - 0xc4)));
    case 0xc7:
    case 0xc8:
    case 0xc9:
      return raw(r, start, r.len(1 << (c - 0xc7)) + 1);
    case 0xca:
      return raw(r, start, 4);
    case 0xcb:
      return raw(r, start, 8);
    case 0xcc:
    case 0xcd:
    case 0xce:
    case 0xcf:
      return intValue(r.uint(1 << (c - 0xcc)));
    case 0xd0:
    case 0xd1:
    case 0xd2:
    case 0xd3: {
      const n = 1 << (c - 0xd0);
      return intValue(BigInt.asIntN(8 * n, r.uint(n)));
    }
    case 0xd4:
    case 0xd5:
    case 0xd6:
    case 0xd7:
    case 0xd8:
      return raw(r, start, (1 << (c - 0xd4)) + 1);
    case 0xd9:
    case 0xda:
    case 0xdb:
      return str(r, r.len(1 << (c - 0xd9)));
    case 0xdc:
    case 0xdd:
      return readArray(r, r.len(c === 0xdc ? 2 : 4), depth);
    case 0xde:
    case 0xdf:
      return readMap(r, r.len(c === 0xde ? 2 : 4), depth);
    default:
      throw new MsgpackError(`msgpack: invalid type byte 0x${c.toString(16)}`);
  }
}

/** Decode one value starting at `offset`; returns the value and the offset just past it. */
export function decodeAt(buf: Uint8Array, offset = 0): Decoded {
  const r = new Reader(buf, offset);
  const value = readValue(r, 0);
  return { value, end: r.pos };
}

/** Decode exactly one value spanning the whole buffer. */
export function decode(buf: Uint8Array): MsgValue {
  const { value, end } = decodeAt(buf, 0);
  if (end !== buf.length) throw new MsgpackError('msgpack: trailing bytes after value');
  return value;
}

/** Read an array header at `offset`: element count and offset of the first element. */
export function readArrayHeader(buf: Uint8Array, offset: number): { count: number; end: number } {
  const r = new Reader(buf, offset);
  const c = r.u8();
  if (c >= 0x90 && c <= 0x9f) return { count: c & 0x0f, end: r.pos };
  if (c === 0xdc) return { count: r.len(2), end: r.pos };
  if (c === 0xdd) return { count: r.len(4), end: r.pos };
  throw new MsgpackError(`msgpack: expected array at offset ${offset}`);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && compareBytes(a, b) === 0;
}

export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}
