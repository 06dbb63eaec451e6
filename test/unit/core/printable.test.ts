import { describe, expect, test } from '@jest/globals';
import type { Log } from '../../../src/core/interfaces.js';
import { printable, printableJson, printableLines, printableLog } from '../../../src/core/printable.js';

describe('printable', () => {
  test('control characters, line breaks and bidi marks show as escapes on one line', () => {
    expect(printable('x\n::error::pwned')).toBe('x\\n::error::pwned');
    expect(printable('a\r\nb\tc')).toBe('a\\r\\nb\\tc');
    expect(printable('\u001b]0;title\u0007')).toBe('\\u001b]0;title\\u0007');
    expect(printable('csi\u009b31m del\u007f')).toBe('csi\\u009b31m del\\u007f');
    expect(printable('l\u2028p\u2029 \u202eevil\u2066')).toBe('l\\u2028p\\u2029 \\u202eevil\\u2066');
  });

  test('a line cannot start a workflow command, even after spaces', () => {
    expect(printable('::add-mask::x')).toBe('\\u003a:add-mask::x');
    expect(printable('  ::error::x')).toBe('  \\u003a:error::x');
    expect(printable('Revoked a (::x)')).toBe('Revoked a (::x)');
  });

  test('ordinary text is unchanged', () => {
    const text = 'Revoked tok_1 (fly-token-rotator acme/web FLY_API_TOKEN +1): ok, 100% — café';
    expect(printable(text)).toBe(text);
  });

  test('printableLines keeps our line breaks and neutralises each line', () => {
    expect(printableLines('bot.yml has 2 problems:\n  ::error::x\r\n  b\u001b[2J')).toBe(
      'bot.yml has 2 problems:\n  \\u003a:error::x\n  b\\u001b[2J',
    );
  });

  test('printableJson escapes what JSON.stringify leaves raw and stays valid JSON', () => {
    const value = { name: 'a\u009b\u2028\u202e\u001b\n' };
    const json = printableJson(JSON.stringify(value));
    expect(json).toBe('{"name":"a\\u009b\\u2028\\u202e\\u001b\\n"}');
    expect(JSON.parse(json)).toEqual(value);
    const pretty = JSON.stringify({ a: ['\u009b'] }, null, 2);
    expect(printableJson(pretty)).toBe('{\n  "a": [\n    "\\u009b"\n  ]\n}');
  });

  test('printableLog neutralises info and warning, passes masks through unchanged', () => {
    const seen: string[] = [];
    const log: Log = {
      info: (m) => seen.push(`info ${m}`),
      warning: (m) => seen.push(`warning ${m}`),
      mask: (v) => seen.push(`mask ${v}`),
      group: (_n, fn) => fn(),
    };
    const safe = printableLog(log);
    safe.info('Revoked t1 (x\n::error::pwned).');
    safe.warning('bad\u001b[31m');
    safe.mask('secret\nvalue');
    expect(seen).toEqual([
      'info Revoked t1 (x\\n::error::pwned).',
      'warning bad\\u001b[31m',
      'mask secret\nvalue',
    ]);
  });
});

describe('the legacy ##[command] form, which the runner obeys anywhere in a line', () => {
  test('printable writes every ##[ as #\\u0023[, wherever it is', () => {
    expect(printable('fly-token-rotator · ##[stop-commands]x')).toBe(
      'fly-token-rotator · #\\u0023[stop-commands]x',
    );
    expect(printable('##[group]a ##[endgroup]')).toBe('#\\u0023[group]a #\\u0023[endgroup]');
    expect(printableLines('a\n##[error]b')).toBe('a\n#\\u0023[error]b');
    // A single # or a [ alone is ordinary text.
    expect(printable('issue #[12] and [x]')).toBe('issue #[12] and [x]');
  });

  test('printableJson keeps the JSON: the escape means the same #', () => {
    const value = { name: 'x ##[stop-commands]y' };
    const json = printableJson(JSON.stringify(value));
    expect(json).not.toContain('##[');
    expect(JSON.parse(json)).toEqual(value);
  });
});
