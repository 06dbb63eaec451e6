import { describe, expect, test } from '@jest/globals';
import {
  arrayHeader,
  decode,
  decodeAt,
  encode,
  type MsgValue,
  RawMsg,
} from '../../../../src/fly/macaroon/msgpack.js';

const hex = (v: MsgValue) => Buffer.from(encode(v)).toString('hex');
const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

describe('canonical integers', () => {
  test.each([
    [0, '00'],
    [127, '7f'],
    [128, 'cc80'],
    [255, 'ccff'],
    [256, 'cd0100'],
    [65535, 'cdffff'],
    [65536, 'ce00010000'],
    [1700000000, 'ce6553f100'],
    [4294967295, 'ceffffffff'],
    [4294967296, 'cf0000000100000000'],
    [-1, 'ff'],
    [-32, 'e0'],
    [-33, 'd0df'],
    [-123, 'd085'],
    [-128, 'd080'],
    [-129, 'd1ff7f'],
    [-32768, 'd18000'],
    [-32769, 'd2ffff7fff'],
    [-2147483649, 'd3ffffffff7fffffff'],
  ])('%d → %s', (n, expected) => {
    expect(hex(n)).toBe(expected);
    expect(hex(BigInt(n))).toBe(expected);
    expect(decode(fromHex(expected))).toBe(n);
  });

  test('64-bit extremes use BigInt', () => {
    expect(hex(2n ** 64n - 1n)).toBe('cfffffffffffffffff');
    expect(decode(fromHex('cfffffffffffffffff'))).toBe(2n ** 64n - 1n);
    expect(hex(-(2n ** 63n))).toBe('d38000000000000000');
    expect(decode(fromHex('d38000000000000000'))).toBe(-(2n ** 63n));
    expect(hex(2n ** 48n)).toBe('cf0001000000000000');
  });

  test('out of range and non-integers are rejected', () => {
    expect(() => encode(2n ** 64n)).toThrow(RangeError);
    expect(() => encode(-(2n ** 63n) - 1n)).toThrow(RangeError);
    expect(() => encode(1.5)).toThrow(TypeError);
    expect(() => encode(2 ** 60)).toThrow(TypeError);
  });
});

describe('strings, bytes, containers', () => {
  test('str uses fixstr then str8 (never str16 below 256)', () => {
    expect(hex('')).toBe('a0');
    expect(hex('foo')).toBe('a3666f6f');
    expect(hex('a'.repeat(31)).slice(0, 2)).toBe('bf');
    expect(hex('a'.repeat(32)).slice(0, 4)).toBe('d920');
    expect(hex('a'.repeat(255)).slice(0, 4)).toBe('d9ff');
    expect(hex('a'.repeat(256)).slice(0, 6)).toBe('da0100');
    expect(hex('a'.repeat(65536)).slice(0, 10)).toBe('db00010000');
    expect(hex('é')).toBe('a2c3a9');
  });

  test('bytes use bin8/16/32', () => {
    expect(hex(Uint8Array.of(1, 2, 3))).toBe('c403010203');
    expect(hex(new Uint8Array(0))).toBe('c400');
    expect(hex(new Uint8Array(256)).slice(0, 6)).toBe('c50100');
    expect(hex(new Uint8Array(65536)).slice(0, 10)).toBe('c600010000');
  });

  test('arrays grow from fixarray to array16', () => {
    expect(hex([])).toBe('90');
    expect(hex(new Array(15).fill(0)).slice(0, 2)).toBe('9f');
    expect(hex(new Array(16).fill(0)).slice(0, 6)).toBe('dc0010');
    expect(Buffer.from(arrayHeader(16)).toString('hex')).toBe('dc0010');
    expect(Buffer.from(arrayHeader(70000)).toString('hex')).toBe('dd00011170');
  });

  test('maps are written with sorted keys', () => {
    expect(hex(new Map())).toBe('80');
    const strs = new Map<MsgValue, MsgValue>([
      ['c', 'c'],
      ['a', 'a'],
      ['b', 'b'],
    ]);
    expect(hex(strs)).toBe('83a161a161a162a162a163a163');
    const nums = new Map<MsgValue, MsgValue>([
      [300, 1],
      [3, 1],
      [20, 1],
    ]);
    expect(hex(nums)).toBe('8303011401cd012c01');
    // UTF-8 byte order: U+FF5E sorts before U+1F600 (JS UTF-16 order would differ).
    const astral = new Map<MsgValue, MsgValue>([
      ['😀', 1],
      ['～', 2],
    ]);
    expect(hex(astral)).toBe('82a3efbd9e02a4f09f988001');
  });

  test('booleans, nil, raw passthrough', () => {
    expect(hex([true, false, null])).toBe('93c3c2c0');
    expect(hex(new RawMsg(fromHex('cb3ff0000000000000')))).toBe('cb3ff0000000000000');
  });
});

describe('decoding', () => {
  test('round trip of a nested value', () => {
    const v: MsgValue = [
      1,
      'x',
      Uint8Array.of(9),
      [true, null],
      new Map<MsgValue, MsgValue>([['k', [2n ** 63n]]]),
    ];
    expect(hex(decode(encode(v)))).toBe(hex(v));
  });

  test('floats and extensions become RawMsg spans', () => {
    const r = decode(fromHex('92cb3ff0000000000000d40102'));
    expect(Array.isArray(r)).toBe(true);
    const [f, e] = r as RawMsg[];
    expect(Buffer.from(f!.bytes).toString('hex')).toBe('cb3ff0000000000000');
    expect(Buffer.from(e!.bytes).toString('hex')).toBe('d40102');
  });

  test('decodeAt reports the end offset', () => {
    expect(decodeAt(fromHex('a3666f6f01'), 0)).toEqual({ value: 'foo', end: 4 });
  });

  test('errors', () => {
    expect(() => decode(fromHex('a3666f'))).toThrow(/unexpected end/);
    expect(() => decode(fromHex('0101'))).toThrow(/trailing/);
    expect(() => decode(fromHex('c1'))).toThrow(/invalid type/);
    expect(() => decode(fromHex('a1ff'))).toThrow(/UTF-8/);
    expect(() => decode(fromHex('dd7fffffff'))).toThrow(/unexpected end/);
  });
});
