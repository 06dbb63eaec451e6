import { describe, expect, test } from '@jest/globals';
import { parseRepository, parseSecretName, parseTokenIds, readInputs } from '../../../src/inputs/read.js';

const base: Record<string, string> = {
  'fly-api-token': 'FlyV1 fm2_abc',
  'github-token': 'ghp_x',
  app: 'my-app',
};
const get =
  (extra: Record<string, string> = {}) =>
  (name: string) =>
    ({ ...base, ...extra })[name] ?? '';
const env = { GITHUB_REPOSITORY: 'acme/web' };

describe('readInputs', () => {
  test('defaults', () => {
    const spec = readInputs(get(), env);
    expect(spec).toMatchObject({
      mode: 'rotate',
      force: false,
      tokenIds: [],
      credentials: { fly: 'FlyV1 fm2_abc', stores: { github: { github: 'ghp_x' } } },
    });
    expect(spec.rotations).toEqual([
      {
        label: 'deploy token for app my-app',
        kind: 'deploy',
        scope: { app: 'my-app' },
        expiryMs: 7 * 86_400_000,
        tokenName: 'fly-token-rotator acme/web FLY_API_TOKEN',
        // The default name of earlier releases, which counted the other targets (`… +2`), is adopted.
        managed: [{ prefix: 'fly-token-rotator acme/web FLY_API_TOKEN', counted: true }],
        keepPrevious: 0,
        targets: [
          { type: 'repository', app: 'actions', owner: 'acme', repo: 'web', secret: 'FLY_API_TOKEN' },
        ],
      },
    ]);
  });

  test.each([
    [{ mode: 'explode' }, 'Expected one of: rotate, revoke'],
    [{ 'fly-api-token': '' }, 'fly-api-token is required'],
    [{ 'github-token': '' }, 'github-token is required'],
    [{ app: '' }, 'token-type deploy needs `app`'],
    [{ app: 'my app' }, 'not a Fly app name'],
    [{ expiry: '1y' }, 'expiry "1y" is not a duration'],
    [{ repository: 'nope' }, 'Expected format {owner}/{repo}'],
    [{ 'keep-previous': '-1' }, 'keep-previous'],
    [{ force: 'yes' }, 'Expected true or false'],
    [{ mode: 'revoke' }, 'token-ids is required'],
  ])('%p fails with %p', (extra, message) => {
    expect(() => readInputs(get(extra), env)).toThrow(message);
  });

  test('revoke mode needs no github-token', () => {
    expect(
      readInputs(get({ mode: 'revoke', 'github-token': '', 'token-ids': 'a1, b2\nc3' }), env).tokenIds,
    ).toEqual(['a1', 'b2', 'c3']);
  });
});

test('parseRepository', () => {
  expect(parseRepository('octo-org/my.repo')).toEqual({ owner: 'octo-org', repo: 'my.repo' });
  for (const bad of ['', 'a', 'a/b/c', '/b', 'a/', '-a/b', 'a/..'])
    expect(() => parseRepository(bad)).toThrow('{owner}/{repo}');
});

test('parseSecretName follows GitHub rules', () => {
  expect(parseSecretName('fly_api_token')).toBe('FLY_API_TOKEN');
  expect(parseSecretName('_X1')).toBe('_X1');
  expect(() => parseSecretName('1ABC')).toThrow('not starting with a digit');
  expect(() => parseSecretName('FLY-TOKEN')).toThrow('only letters, digits and underscores');
  expect(() => parseSecretName('github_token')).toThrow('must not start with GITHUB_');
});

test('parseTokenIds rejects junk', () => {
  expect(parseTokenIds('a,a,b')).toEqual(['a', 'b']);
  expect(() => parseTokenIds('ok, not;ok')).toThrow('"not;ok"');
});
