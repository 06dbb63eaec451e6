import { describe, expect, test } from '@jest/globals';
import {
  Action,
  attenuateHeader,
  attenuateMacaroon,
  attenuateTokens,
  type Caveat,
  caveats,
  decodeMacaroon,
  formatHeader,
  mintMacaroon,
  PERMISSION_LOCATION,
  parseHeader,
  verifyMacaroon,
} from '../../../../src/fly/macaroon/index.js';

const KEY = new Uint8Array(32).map((_, i) => i * 3 + 1);
const KID = new Uint8Array(16).fill(0xab);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

const perm = mintMacaroon(KEY, KID, PERMISSION_LOCATION, [caveats.organization(42, Action.all)]);
const discharge = mintMacaroon(
  new Uint8Array(32).fill(1),
  Uint8Array.of(5, 5),
  'https://api.fly.io/aaa/v1',
  [],
  {
    proof: true,
  },
);
const header = formatHeader([discharge, perm]);

const c1 = caveats.action(Action.read);
const c2 = caveats.validityWindow(1700000000, 1700003600);

describe('attenuateHeader', () => {
  test('twice equals once with both caveats', () => {
    const twice = attenuateHeader(attenuateHeader(header, [c1]), [c2]);
    const once = attenuateHeader(header, [c1, c2]);
    expect(twice).toBe(once);
    expect(once).not.toBe(header);
  });

  test('result verifies; every single-byte flip breaks it', () => {
    const out = parseHeader(attenuateHeader(header, [c1, c2]))[1]!;
    const opts = { location: PERMISSION_LOCATION };
    expect(verifyMacaroon(KEY, out, opts).ok).toBe(true);
    expect(decodeMacaroon(out).caveats.map((c) => Number(c.type))).toEqual([0, 26, 4]);
    const loc = decodeMacaroon(out).spans.location;
    let broken = 0;
    let unsignedLocationOnly = 0;
    for (let i = 0; i < out.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const copy = out.slice();
        copy[i]! ^= bit;
        if (!verifyMacaroon(KEY, copy, opts).ok) broken++;
        // The chain starts at the nonce: the location is not signed, only checked by the verifier.
        if (verifyMacaroon(KEY, copy).ok) {
          unsignedLocationOnly++;
          expect(i >= loc.start && i < loc.end).toBe(true);
        }
      }
    }
    expect(broken).toBe(out.length * 2);
    expect(unsignedLocationOnly).toBeGreaterThan(0);
  });

  test('discharges are copied byte for byte, positions preserved', () => {
    const out = parseHeader(attenuateHeader(header, [c1]));
    expect(out).toHaveLength(2);
    expect(hex(out[0]!)).toBe(hex(discharge));
    expect(hex(out[1]!)).not.toBe(hex(perm));
  });

  test('appends to every permission token', () => {
    const perm2 = mintMacaroon(KEY, KID, PERMISSION_LOCATION, []);
    const out = parseHeader(attenuateHeader(formatHeader([perm, discharge, perm2]), [c1]));
    expect(decodeMacaroon(out[0]!).caveats).toHaveLength(2);
    expect(hex(out[1]!)).toBe(hex(discharge));
    expect(decodeMacaroon(out[2]!).caveats).toHaveLength(1);
    expect(verifyMacaroon(KEY, out[2]!).ok).toBe(true);
  });

  test('dedups against existing and earlier new caveats (Go behaviour)', () => {
    const existing = caveats.organization(42, Action.all);
    const out = attenuateHeader(header, [existing, c1, c1]);
    expect(out).toBe(attenuateHeader(header, [c1]));
    expect(attenuateHeader(out, [c1])).toBe(out);
    expect(attenuateHeader(header, [existing])).toBe(header);
  });

  test('caveat array header grows to array16 at 8 caveats and still verifies', () => {
    const many: Caveat[] = Array.from({ length: 9 }, (_, i) => caveats.validityWindow(i, 1000 + i));
    const out = attenuateMacaroon(perm, many);
    const m = decodeMacaroon(out);
    expect(m.caveats).toHaveLength(10);
    expect(hex(out.subarray(m.spans.caveats.start, m.spans.caveats.start + 3))).toBe('dc0014');
    expect(verifyMacaroon(KEY, out).ok).toBe(true);
    const seven = decodeMacaroon(attenuateMacaroon(perm, many.slice(0, 6)));
    expect(perm[seven.spans.caveats.start]).toBe(0x92);
    expect(seven.bytes[seven.spans.caveats.start]).toBe(0x9e);
  });

  test('custom permission location', () => {
    const t = mintMacaroon(KEY, KID, 'test-loc', []);
    expect(() => attenuateHeader(formatHeader([t]), [c1])).toThrow(/no permission token/);
    const out = attenuateHeader(formatHeader([t]), [c1], { permissionLocation: 'test-loc' });
    expect(verifyMacaroon(KEY, parseHeader(out)[0]!).ok).toBe(true);
  });

  test('refuses proofs and attestations', () => {
    expect(() => attenuateMacaroon(discharge, [c1])).toThrow(/finalized proof/);
    expect(() => attenuateHeader(header, [{ type: 23, body: 1 }])).toThrow(/attestation/);
    expect(() => attenuateTokens([discharge], [c1])).toThrow(/no permission token/);
  });

  test('opaque caveats are appended verbatim', () => {
    const raw = caveats.opaque(2n ** 48n + 9n, Uint8Array.of(0xcb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0));
    const out = attenuateMacaroon(perm, [raw]);
    expect(hex(out)).toContain('cf0001000000000009cb3ff0000000000000');
    expect(verifyMacaroon(KEY, out).ok).toBe(true);
  });
});
