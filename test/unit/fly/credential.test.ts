// fly-api-token inspection: which credentials may mint, what they are called, and when they expire.
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { assertCanMint, describeCredential, inspectCredential } from '../../../src/fly/credential.js';
import {
  Action,
  type Caveat,
  caveats,
  formatHeader,
  machineExec,
  mintMacaroon,
  PERMISSION_LOCATION,
  readonly,
  ssh,
  wireguard,
} from '../../../src/fly/macaroon/index.js';

const key = randomBytes(32);
const token = (cavs: Caveat[], discharges: Uint8Array[] = []) =>
  formatHeader([mintMacaroon(key, randomBytes(8), PERMISSION_LOCATION, cavs), ...discharges]);

const ORG = 58211;
const window = caveats.validityWindow(1_700_000_000, 1_800_000_000);
const orgToken = token([caveats.organization(ORG, Action.all), window]);
const deployToken = token([
  caveats.organization(ORG, Action.all),
  caveats.apps({ 310402: Action.all }),
  window,
]);

describe('inspectCredential', () => {
  test.each([
    ['auth token (no caveats)', token([]), 'auth token', true],
    ['auth token (any org, id 0)', token([caveats.organization(0, Action.all)]), 'auth token', true],
    ['org token', orgToken, 'org token', false],
    ['deploy token', deployToken, 'deploy token', false],
    ['readonly', readonly(orgToken), 'read-only token', false],
    ['wireguard', wireguard(orgToken), 'wireguard token', false],
    ['machine-exec', machineExec(deployToken, { commands: ['ls'] }), 'machine-exec token', false],
    ['ssh', ssh(deployToken), 'ssh token', false],
    [
      'litefs-cloud',
      token([caveats.organization(ORG, Action.all), caveats.clusters({ db: Action.all })]),
      'LiteFS Cloud token',
      false,
    ],
    ['a legacy opaque personal token', 'Bearer 0123456789abcdef', 'legacy personal access token', true],
    ['an unreadable macaroon: Fly decides', 'FlyV1 fm2_abc', 'unreadable token', true],
  ])('%s', (_what, header, kind, canMint) => {
    expect(inspectCredential(header)).toMatchObject({ kind, canMint });
  });

  test('the earliest ValidityWindow end, discharges included, is the expiry', () => {
    const discharge = mintMacaroon(
      key,
      randomBytes(8),
      'https://auth.fly.io',
      [caveats.validityWindow(0, 1_750_000_000)],
      {
        proof: true,
      },
    );
    expect(inspectCredential(token([window], [discharge]))).toEqual({
      kind: 'auth token',
      canMint: true,
      expiresAt: new Date(1_750_000_000_000).toISOString(),
    });
    expect(inspectCredential(token([])).expiresAt).toBeUndefined();
  });
});

test('assertCanMint names the credential to use and where to get it', () => {
  expect(() => assertCanMint(orgToken)).toThrow(
    'fly-api-token is an org token, which Fly does not allow to create or revoke tokens. Expected your Fly auth token: create a personal access token at https://fly.io/user/personal_access_tokens',
  );
  expect(() => assertCanMint(`FlyV1 ${deployToken.replace(/^FlyV1 /, '')}`)).toThrow('is a deploy token');
  expect(() => assertCanMint(deployToken)).toThrow(
    '`fly tokens create org` or `fly tokens create deploy` are not enough',
  );
  expect(assertCanMint(token([])).kind).toBe('auth token');
});

test('describeCredential never contains the token', () => {
  const t = token([window]);
  const text = describeCredential(inspectCredential(t));
  expect(text).toBe(`auth token, expires ${new Date(1_800_000_000_000).toISOString()}`);
  expect(describeCredential(inspectCredential(orgToken))).toBe(
    `org token (cannot create or revoke tokens), expires ${new Date(1_800_000_000_000).toISOString()}`,
  );
  expect(describeCredential({ kind: 'legacy personal access token', canMint: true })).toBe(
    'legacy personal access token, no expiry stated in the token',
  );
});
