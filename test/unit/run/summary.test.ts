import { describe, expect, test } from '@jest/globals';
import { cell, code, revokeSummary, rotationSummary } from '../../../src/run/summary.js';

describe('cell', () => {
  test('ordinary names and messages are unchanged', () => {
    for (const text of [
      'repository secret FLY_API_TOKEN in acme/web',
      'deploy token for app acme-web',
      'fly-token-rotator acme/web FLY_API_TOKEN +2',
      'Fly app "no-such-app" was not found (while trying to list tokens of app "no-such-app").',
      '2026-12-02T13:16:47Z',
    ])
      expect(cell(text)).toBe(text);
  });

  test('markup, HTML, links and extra columns are escaped', () => {
    expect(cell('a|b')).toBe('a\\|b');
    expect(cell('x`y`')).toBe('x\\`y\\`');
    expect(cell('<img src=x onerror=alert(1)> & co')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(cell('*bold* ~~gone~~')).toBe('\\*bold\\* \\~\\~gone\\~\\~');
    expect(cell('[click](https://evil.example)')).toBe('\\[click\\](https://evil.example)');
    expect(cell('_em_ __strong__ snake_case')).toBe('\\_em\\_ \\_\\_strong\\_\\_ snake_case');
    // A backslash of the name cannot escape the pipe that follows it.
    expect(cell('a\\|b')).toBe('a\\\\\\|b');
  });

  test('line breaks become spaces, controls escapes, and nothing starts a block after "> "', () => {
    expect(cell('one\ntwo\r\nthree')).toBe('one two three');
    expect(cell('\u001b]0;t\u0007')).toBe('\\\\u001b\\]0;t\\\\u0007');
    expect(cell('# heading')).toBe('\\# heading');
    expect(cell('- item')).toBe('\\- item');
    expect(cell('1. item')).toBe('1\\. item');
  });
});

describe('code', () => {
  test('an ordinary name is one backtick span', () => {
    expect(code('fault-suite')).toBe('`fault-suite`');
    expect(code('fly-token-rotator acme/web FLY_API_TOKEN')).toBe(
      '`fly-token-rotator acme/web FLY_API_TOKEN`',
    );
  });

  test('backticks inside cannot end the span', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('a``b`')).toBe('``` a``b` ```');
    expect(code('`x')).toBe('`` `x ``');
  });

  test('pipes stay inside the cell, line breaks and controls cannot break the line', () => {
    expect(code('a|b\nc\u001b')).toBe('`a\\|b c\\u001b`');
  });

  test('spaces that Markdown would strip are kept by padding', () => {
    expect(code(' x ')).toBe('`  x  `');
    expect(code('')).toBe('');
  });
});

describe('summaries with hostile remote names', () => {
  const hostile = 'x`</code><script>alert(1)</script>|[a](http://e)\n::error::pwned';

  test('rotation summary: every remote string stays in its cell', () => {
    const text = rotationSummary('deploy token for app acme-web', {
      token: { id: 'tok`1', name: hostile, createdAt: '', expiresAt: '<b>soon</b>', revokedAt: null },
      revoked: ['old|1'],
    });
    expect(text).toBe(
      [
        '### Fly token rotated',
        '',
        '|  |  |',
        '| --- | --- |',
        '| Scope | deploy token for app acme-web |',
        '| New token | ``tok`1`` named ``x`</code><script>alert(1)</script>\\|[a](http://e) ::error::pwned``, expires &lt;b&gt;soon&lt;/b&gt; |',
        '| Revoked | `old\\|1` |',
        '',
      ].join('\n'),
    );
  });

  test('revoke summary: names and details cannot add rows, columns or HTML', () => {
    const text = revokeSummary('scope', [
      { id: 'a1', name: hostile, outcome: 'failed', detail: 'Fly said <b>no</b>\n| x | y |' },
    ]);
    const rows = text.split('\n').filter((l) => l.startsWith('|'));
    expect(rows).toHaveLength(3);
    expect(rows[2]).toBe(
      '| `a1` | ``x`</code><script>alert(1)</script>\\|[a](http://e) ::error::pwned`` | failed: Fly said &lt;b&gt;no&lt;/b&gt; \\| x \\| y \\| |',
    );
  });
});
