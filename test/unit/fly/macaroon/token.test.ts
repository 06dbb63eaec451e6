import { describe, expect, test } from '@jest/globals';
import {
  caveats,
  decodeMacaroon,
  formatHeader,
  mintMacaroon,
  PERMISSION_LOCATION,
  parseHeader,
  TokenFormatError,
  verifyMacaroon,
} from '../../../../src/fly/macaroon/index.js';
import { concatBytes, encode } from '../../../../src/fly/macaroon/msgpack.js';

const KEY = new Uint8Array(32).fill(7);
const KID = Uint8Array.of(1, 2, 3, 4);
const RND = new Uint8Array(16).fill(9);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

const tok = mintMacaroon(KEY, KID, PERMISSION_LOCATION, [caveats.organization(5, 31)], { rnd: RND });
const other = mintMacaroon(KEY, KID, 'https://api.fly.io/aaa/v1', [], { rnd: RND, proof: true });

describe('parseHeader / formatHeader', () => {
  test('accepts scheme variants and legacy labels', () => {
    for (const h of [
      `FlyV1 fm2_${b64(tok)}`,
      `flyv1 fm2_${b64(tok)}`,
      `Bearer fm2_${b64(tok)}`,
      `  FlyV1   fm2_${b64(tok)}  `,
      `fm2_${b64(tok)}`,
      `fm1r_${b64(tok)}`,
      `fm1a_${b64(tok)}`,
    ]) {
      const parsed = parseHeader(h);
      expect(parsed.map(hex)).toEqual([hex(tok)]);
    }
  });

  test('keeps order, skips fo1 OAuth tokens, re-emits fm2 with FlyV1', () => {
    const h = `FlyV1 fm1r_${b64(tok)},fo1_abcdef,fm2_${b64(other)}`;
    const parsed = parseHeader(h);
    expect(parsed.map(hex)).toEqual([hex(tok), hex(other)]);
    expect(formatHeader(parsed)).toBe(`FlyV1 fm2_${b64(tok)},fm2_${b64(other)}`);
  });

  test.each([
    ['empty', ''],
    ['scheme only', 'FlyV1 '],
    ['unknown label', `fm3_${b64(tok)}`],
    ['no label', b64(tok)],
    ['trailing comma', `fm2_${b64(tok)},`],
    ['space after comma', `fm2_${b64(tok)}, fm2_${b64(tok)}`],
    ['unpadded base64', `fm2_${b64(Uint8Array.of(1, 2))}`.replace(/=+$/, '')],
    ['url-safe base64', 'fm2_-_8='],
    ['empty token', 'fm2_'],
  ])('rejects %s', (_name, h) => {
    expect(() => parseHeader(h)).toThrow(TokenFormatError);
  });

  test('formatHeader needs at least one token', () => {
    expect(() => formatHeader([])).toThrow();
  });
});

describe('decodeMacaroon', () => {
  test('fields and spans', () => {
    const m = decodeMacaroon(tok);
    expect(hex(m.nonce.kid)).toBe('01020304');
    expect(hex(m.nonce.rnd)).toBe(hex(RND));
    expect(m.nonce.proof).toBe(false);
    expect(hex(m.nonce.bytes)).toBe(`93c40401020304c410${hex(RND)}c2`);
    expect(m.location).toBe(PERMISSION_LOCATION);
    expect(m.caveats).toHaveLength(1);
    expect(m.caveats[0]!.type).toBe(0);
    expect(m.caveats[0]!.body).toEqual([5, 31]);
    expect(hex(m.caveats[0]!.raw)).toBe('0092051f');
    expect(hex(tok.subarray(m.spans.location.start, m.spans.location.end))).toBe(
      hex(encode(PERMISSION_LOCATION)),
    );
    expect(m.spans.tail.end).toBe(tok.length);
    expect(m.isPermission()).toBe(true);
    expect(m.isPermission('elsewhere')).toBe(false);
    expect(decodeMacaroon(other).isPermission('https://api.fly.io/aaa/v1')).toBe(false); // proof
  });

  test('legacy 2-element nonce means proof=false', () => {
    const nonce = encode([KID, RND]);
    const tail = new Uint8Array(32);
    const bytes = concatBytes([
      Uint8Array.of(0x94),
      nonce,
      encode('loc'),
      Uint8Array.of(0x90, 0xc4, 0x20),
      tail,
    ]);
    const m = decodeMacaroon(bytes);
    expect(m.nonce.proof).toBe(false);
    expect(hex(m.nonce.bytes)).toBe(hex(nonce));
  });

  test('extra top-level elements are preserved as an opaque span', () => {
    const bytes = concatBytes([Uint8Array.of(0x95), tok.subarray(1), Uint8Array.of(0xa1, 0x78)]);
    const m = decodeMacaroon(bytes);
    expect(m.spans.extra.end - m.spans.extra.start).toBe(2);
  });

  test.each([
    ['not an array', encode('x')],
    ['short array', encode([1, 2, 3])],
    ['bad nonce', encode([[1], 'loc', [], new Uint8Array(32)])],
    ['bad location', encode([[KID, RND, false], 1, [], new Uint8Array(32)])],
    ['odd caveats', encode([[KID, RND, false], 'loc', [1], new Uint8Array(32)])],
    ['negative type', encode([[KID, RND, false], 'loc', [-1, 0], new Uint8Array(32)])],
    ['short tail', encode([[KID, RND, false], 'loc', [], new Uint8Array(31)])],
    ['trailing bytes', concatBytes([tok, Uint8Array.of(0)])],
    ['truncated', tok.subarray(0, tok.length - 1)],
  ])('rejects %s', (_n, bytes) => {
    expect(() => decodeMacaroon(bytes)).toThrow(TokenFormatError);
  });
});

describe('mint / verify', () => {
  test('minted token verifies with its key only', () => {
    expect(verifyMacaroon(KEY, tok).ok).toBe(true);
    expect(verifyMacaroon(new Uint8Array(32), tok)).toMatchObject({ ok: false, error: 'signature mismatch' });
    expect(verifyMacaroon(KEY, other).ok).toBe(true);
  });

  test('known caveats are re-canonicalised, unknown hashed as sent', () => {
    // Organization{5, 31} with a non-canonical uint16 org id: the verifier re-encodes it, so the
    // chain computed over the canonical bytes still matches (Go behaviour)...
    const canon = decodeMacaroon(tok);
    const nonCanonical = concatBytes([
      tok.subarray(0, canon.spans.caveats.start),
      Uint8Array.of(0x92, 0x00, 0x92, 0xcd, 0x00, 0x05, 0x1f),
      tok.subarray(canon.spans.tail.start),
    ]);
    expect(verifyMacaroon(KEY, nonCanonical).ok).toBe(true);
    // ...while an unknown type with the same trick is hashed verbatim and fails.
    const unknown = mintMacaroon(KEY, KID, 'loc', [{ type: 2n ** 48n, body: 5 }], { rnd: RND });
    const u = decodeMacaroon(unknown);
    const tampered = concatBytes([
      unknown.subarray(0, u.spans.caveats.start),
      Uint8Array.of(0x92, 0xcf, 0, 1, 0, 0, 0, 0, 0, 0, 0xcd, 0, 5),
      unknown.subarray(u.spans.tail.start),
    ]);
    expect(verifyMacaroon(KEY, unknown).ok).toBe(true);
    expect(verifyMacaroon(KEY, tampered).ok).toBe(false);
  });

  test('undecodable input reports an error', () => {
    expect(verifyMacaroon(KEY, Uint8Array.of(1))).toMatchObject({ ok: false, caveats: [], tails: [] });
  });
});
