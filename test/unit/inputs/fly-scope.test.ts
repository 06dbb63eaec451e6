// token-type and its scope inputs: what each kind needs, what it refuses, and the label it gets.
import { describe, expect, test } from '@jest/globals';
import {
  checkNotBefore,
  parseCommandList,
  readKindAndScope,
  readNotBefore,
} from '../../../src/inputs/fly-scope.js';

const read = (inputs: Record<string, string>) => readKindAndScope((name) => inputs[name] ?? '');

describe('readKindAndScope', () => {
  test('deploy is the default and needs app', () => {
    expect(read({ app: 'my-app' })).toEqual({
      kind: 'deploy',
      scope: { app: 'my-app' },
      label: 'deploy token for app my-app',
    });
  });

  test.each([
    [{ 'token-type': 'org', org: 'acme' }, { org: 'acme' }, 'org token for organization acme'],
    [{ 'token-type': 'readonly', org: 'acme' }, { org: 'acme' }, 'readonly token for organization acme'],
    [{ 'token-type': 'wireguard', org: 'acme' }, { org: 'acme' }, 'wireguard token for organization acme'],
    [{ 'token-type': 'ssh', app: 'web' }, { app: 'web' }, 'ssh token for app web'],
    [
      { 'token-type': 'litefs-cloud', org: 'acme', cluster: 'db-1' },
      { org: 'acme', cluster: 'db-1' },
      'litefs-cloud token for cluster db-1 in organization acme',
    ],
    [
      { 'token-type': 'machine-exec', app: 'web', commands: '*' },
      { app: 'web', allCommands: true },
      'machine-exec token for app web (every command allowed)',
    ],
    [
      {
        'token-type': 'Machine-Exec',
        app: 'web',
        commands: 'ls -la\necho "a, b"',
        'command-prefixes': 'rails runner',
      },
      {
        app: 'web',
        commands: [
          ['ls', '-la'],
          ['echo', 'a, b'],
        ],
        commandPrefixes: [['rails', 'runner']],
      },
      'machine-exec token for app web (commands: `ls -la`, `echo "a, b"`, `rails runner`…)',
    ],
  ])('%p', (inputs, scope, label) => {
    const r = read(inputs);
    expect(r.scope).toEqual(scope);
    expect(r.label).toBe(label);
  });

  test.each([
    [
      { 'token-type': 'admin', app: 'x' },
      'token-type "admin" is not supported. Expected one of: deploy, org, readonly, machine-exec, ssh, wireguard, litefs-cloud.',
    ],
    [{}, 'token-type deploy needs `app`'],
    [{ 'token-type': 'machine-exec', commands: 'ls' }, 'token-type machine-exec needs `app`'],
    [{ 'token-type': 'org' }, 'token-type org needs `org`'],
    [{ 'token-type': 'litefs-cloud', org: 'acme' }, 'token-type litefs-cloud needs `cluster`'],
    [{ app: 'web', org: 'acme' }, 'token-type deploy does not use `org` (it uses `app`). Remove `org`.'],
    [{ 'token-type': 'org', org: 'acme', app: 'web' }, 'token-type org does not use `app`'],
    [{ 'token-type': 'ssh', app: 'web', commands: 'ls' }, 'token-type ssh does not use `commands`'],
    [{ 'token-type': 'readonly', org: 'acme', cluster: 'c' }, 'does not use `cluster`'],
    [{ 'token-type': 'machine-exec', app: 'web' }, "set commands: '*'"],
    [
      { 'token-type': 'machine-exec', app: 'web', commands: '*', 'command-prefixes': 'ls' },
      'remove `command-prefixes`',
    ],
    [
      { 'token-type': 'machine-exec', app: 'web', commands: 'ls\n*' },
      "'*' (every command) must be the only value",
    ],
    [{ 'token-type': 'machine-exec', app: 'web', commands: 'echo "oops' }, 'not a complete command'],
    [{ app: 'my app' }, 'app "my app" is not a Fly app name'],
    [{ 'token-type': 'org', org: 'ac/me' }, 'org "ac/me" is not a Fly org name'],
    [
      { app: 'web', 'not-before': '2030-01-01T00:00:00' },
      'not-before "2030-01-01T00:00:00" is not a valid time',
    ],
    [{ app: 'web', 'not-before': 'soon' }, 'not-before "soon" is not a time or a duration'],
  ])('%p fails with %p', (inputs, message) => {
    expect(() => read(inputs)).toThrow(message);
  });
});

test('command lists: one per line, or comma-separated on one line', () => {
  expect(parseCommandList('ls -la, uptime', 'commands')).toEqual([['ls', '-la'], ['uptime']]);
  // A list (a config file) never splits an entry: the single-line comma form is the action input's alone.
  expect(parseCommandList(['curl -d a,b http://internal', ' uptime '], 'commands')).toEqual([
    ['curl', '-d', 'a,b', 'http://internal'],
    ['uptime'],
  ]);
  expect(() => parseCommandList(['ls\nrm -rf /'], 'commands')).toThrow('one command per list entry');
  expect(parseCommandList('echo a,b\n\n  uptime  \n', 'commands')).toEqual([['echo', 'a,b'], ['uptime']]);
  expect(parseCommandList("sh -c 'echo hi'", 'commands')).toEqual([['sh', '-c', 'echo hi']]);
  expect(() => parseCommandList('""', 'commands')).toThrow('empty command');
});

test('not-before: a zoned time or a delay, and it must start before the token expires', () => {
  expect(readNotBefore('')).toBeUndefined();
  expect(readNotBefore('2030-01-31T12:00:00Z')).toEqual({ atMs: Date.UTC(2030, 0, 31, 12) });
  expect(readNotBefore('2030-01-31T12:00:00+01:00')).toEqual({ atMs: Date.UTC(2030, 0, 31, 11) });
  expect(readNotBefore('30m')).toEqual({ delayMs: 1_800_000 });
  const day = 86_400_000;
  expect(() => checkNotBefore({ delayMs: 3_600_000 }, day)).not.toThrow();
  expect(() => checkNotBefore({ delayMs: day }, day)).toThrow(
    'not-before is at or after the new token would expire',
  );
  expect(() => checkNotBefore({ atMs: 2 * day }, day, 0)).toThrow('at or after');
  expect(() => checkNotBefore({ atMs: day / 2 }, day, 0)).not.toThrow();
  expect(read({ app: 'web', 'not-before': '1h' }).scope.notBefore).toEqual({ delayMs: 3_600_000 });
});
