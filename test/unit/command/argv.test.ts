import { describe, expect, test } from '@jest/globals';
import { describeArgv, parseCommandLine } from '../../../src/command/argv.js';
import { InputError } from '../../../src/core/errors.js';

describe('parseCommandLine', () => {
  test('whitespace separates words; runs of spaces and tabs count once', () => {
    expect(parseCommandLine('vault kv put -mount=secret fly token=-')).toEqual([
      'vault',
      'kv',
      'put',
      '-mount=secret',
      'fly',
      'token=-',
    ]);
    expect(parseCommandLine('  doppler\tsecrets   set FLY_API_TOKEN  ')).toEqual([
      'doppler',
      'secrets',
      'set',
      'FLY_API_TOKEN',
    ]);
  });

  test('single quotes keep everything literally, backslashes included', () => {
    expect(parseCommandLine(`op item edit 'Fly deploy token' --vault 'a\\b "c"'`)).toEqual([
      'op',
      'item',
      'edit',
      'Fly deploy token',
      '--vault',
      'a\\b "c"',
    ]);
  });

  test('double quotes keep spaces and unescape \\" and \\\\ only', () => {
    expect(parseCommandLine(`store "say \\"hi\\"" "back\\\\slash" "keep\\n"`)).toEqual([
      'store',
      'say "hi"',
      'back\\slash',
      'keep\\n',
    ]);
  });

  test('a backslash outside quotes keeps the next character; quotes join with bare text', () => {
    expect(parseCommandLine(`run a\\ b c\\'d x"y z"'w'`)).toEqual(['run', 'a b', "c'd", 'xy zw']);
  });

  test('nothing is expanded: variables, globs and tildes reach the program as written', () => {
    expect(parseCommandLine('echo $HOME * ~ $(id) `id`')).toEqual([
      'echo',
      '$HOME',
      '*',
      '~',
      '$(id)',
      '`id`',
    ]);
  });

  test('an empty quoted argument is kept', () => {
    expect(parseCommandLine(`prog '' ""`)).toEqual(['prog', '', '']);
  });

  test.each([
    [`vault kv put 'unclosed`, /quote is left open/],
    [`vault "unclosed`, /quote is left open/],
    ['vault trailing\\', /ends with a backslash/],
    ['', /command is empty/],
    ['   \t ', /command is empty/],
    [`'' --flag`, /empty program name/],
  ])('%j is refused with what was expected', (text, message) => {
    expect(() => parseCommandLine(text)).toThrow(InputError);
    expect(() => parseCommandLine(text)).toThrow(message);
    expect(() => parseCommandLine(text)).toThrow(/Expected/);
  });
});

describe('describeArgv', () => {
  test('plain words as they are; words with spaces, quotes or backslashes quoted', () => {
    expect(describeArgv(['vault', 'kv', 'put', 'token=-'])).toBe('vault kv put token=-');
    expect(describeArgv(['op', 'item', 'edit', 'Fly token', ''])).toBe(`op item edit 'Fly token' ''`);
    expect(describeArgv(['say', "it's", 'a\\b'])).toBe(`say "it's" 'a\\b'`);
  });

  test('what it shows reads back as the same argv', () => {
    const argv = ['prog', 'a b', 'it\'s "quoted" $x `y` \\z', '', 'tab\there'];
    expect(parseCommandLine(describeArgv(argv))).toEqual(argv);
  });

  test('cut at 80 characters with an ellipsis', () => {
    const long = describeArgv(['program', 'x'.repeat(200)]);
    expect(Array.from(long)).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
    expect(long.startsWith('program xxx')).toBe(true);
    expect(describeArgv(['p', 'y'.repeat(78)])).toHaveLength(80);
  });
});
