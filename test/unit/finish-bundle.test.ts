// scripts/finish-bundle.ts: the rewrites after ncc keep every value, and the built bundle has them.
import { readdirSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from '@jest/globals';
import { parenthesizeFactories, toAscii } from '../../scripts/finish-bundle.js';

const DIST = new URL('../../dist/', import.meta.url);

/** Runs a script that leaves its answer in `result`. */
const evaluate = (source: string) => {
  const context: { result?: unknown } = {};
  runInNewContext(source, context);
  return context.result;
};

describe('toAscii', () => {
  test('escapes strings, templates, regular expressions and comments; every value stays the same', () => {
    // Lines of JavaScript: the ${…} are template literals of that source.
    const source = [
      '/*! licence: Jürgen */',
      'const a = "a … b"; // ✅ done',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: see above.
      "const b = `${a} · ${'ä'} …`;",
      'const c = /[…·]/.test("x·y") && /😀/u.test("😀") && !/^.$/.test("😀");',
      'const d = "😀".length + "\u2028".length;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: see above.
      'const e = String.raw`plain ${"…"}`;',
      'result = [a, b, c, d, e];',
    ].join('\n');
    const out = toAscii('t.js', source);
    expect(out).toMatch(/^\p{ASCII}*$/u);
    expect(out).toContain('"a \\u2026 b"');
    expect(evaluate(out)).toEqual(evaluate(source));
    expect(evaluate(out)).toEqual(['a … b', 'a … b · ä …', true, 3, 'plain …']);
  });

  test('leaves an ASCII file as it is', () => {
    const source = 'const a = "plain"; result = a;';
    expect(toAscii('t.js', source)).toBe(source);
  });

  test('refuses a tagged template, whose raw text the tag can read', () => {
    expect(() => toAscii('t.js', 'result = String.raw`a … b`;')).toThrow(/tagged template at t\.js:1:/);
  });

  test('refuses a non-ASCII character outside literals and comments', () => {
    expect(() => toAscii('t.js', 'const café = 1; result = café;')).toThrow(
      /outside literals and comments at t\.js:1:10/,
    );
  });
});

describe('parenthesizeFactories', () => {
  test('wraps each module factory of a module map, once', () => {
    const source =
      'var t={1:(e,t)=>{e.exports=2},2:function(e){e.exports=3},3:((e)=>{e.exports=4})};var o={a:1};' +
      'result=[1,2,3].map(i=>{const m={exports:0};t[i](m);return m.exports});';
    const { text, maps } = parenthesizeFactories('t.js', source);
    expect(maps).toBe(1);
    expect(text).toBe(
      'var t={1:((e,t)=>{e.exports=2}),2:(function(e){e.exports=3}),3:((e)=>{e.exports=4})};var o={a:1};' +
        'result=[1,2,3].map(i=>{const m={exports:0};t[i](m);return m.exports});',
    );
    expect(evaluate(text)).toEqual([2, 3, 4]);
    expect(parenthesizeFactories('t.js', text).text).toBe(text);
  });

  test('finds no module map in a file without one', () => {
    const source = 'var o={1:2,3:4};var f={1:()=>1,a:()=>2};';
    expect(parenthesizeFactories('t.js', source)).toEqual({ text: source, maps: 0 });
  });
});

// `npm test` builds dist/ first; this checks that the build ran the script.
describe('the built dist/', () => {
  const files = readdirSync(DIST).filter((f) => f.endsWith('.js'));

  test.each(files)('%s is ASCII and its module factories are in parentheses', (name) => {
    const text = readFileSync(new URL(name, DIST), 'utf8');
    expect(text.search(/\P{ASCII}/u)).toBe(-1);
    const again = parenthesizeFactories(name, text);
    expect(again.text).toBe(text);
    if (name === 'index.js') expect(again.maps).toBe(1);
  });
});
