// §6: the exact caveat bytes flyctl appends for each token kind.
import { describe, expect, test } from '@jest/globals';
import { shellSplit } from '../../../../src/core/shlex.js';
import {
  Action,
  caveatMessage,
  caveats,
  decodeMacaroon,
  findOrgId,
  formatHeader,
  machineExec,
  machineExecCommands,
  mintMacaroon,
  PERMISSION_LOCATION,
  parseHeader,
  readonly,
  ssh,
  verifyMacaroon,
  wireguard,
  withValidityWindow,
} from '../../../../src/fly/macaroon/index.js';
import { concatBytes } from '../../../../src/fly/macaroon/msgpack.js';

const KEY = new Uint8Array(32).fill(0x11);
const KID = new Uint8Array(16).fill(0x22);
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const str = (s: string) => Buffer.from(s).toString('hex');

const deploy = mintMacaroon(KEY, KID, PERMISSION_LOCATION, [caveats.apps([[77, Action.all]])]);
const org = mintMacaroon(KEY, KID, PERMISSION_LOCATION, [caveats.organization(1234, Action.all)]);
const dis = mintMacaroon(new Uint8Array(32), Uint8Array.of(9), 'https://auth.fly.io', [], { proof: true });

/** The cavMsg of the last caveat of the first permission token in `header`. */
function appended(header: string, index = 0, count = 1): string[] {
  const m = decodeMacaroon(parseHeader(header)[index]!);
  expect(verifyMacaroon(KEY, m.bytes).ok).toBe(true);
  return m.caveats.slice(-count).map((c) => hex(concatBytes([Uint8Array.of(0x92), c.raw])));
}

describe('machine-exec', () => {
  test('no command', () => {
    expect(appended(machineExec(formatHeader([deploy])))).toEqual(['920d92921b919290c201']);
  });

  test('positional ls -la', () => {
    expect(appended(machineExec(formatHeader([deploy]), { args: ['ls', '-la'] }))).toEqual([
      '920d92921b919292a26c73a32d6c61c301',
    ]);
    expect(appended(machineExec(formatHeader([deploy]), { commands: ['ls -la'] }))).toEqual([
      '920d92921b919292a26c73a32d6c61c301',
    ]);
  });

  test('order: positional, --command (exact), --command-prefix', () => {
    expect(machineExecCommands({ args: ['a'], commands: ['b "c d"'], prefixes: [['e']] })).toEqual([
      { args: ['a'], exact: true },
      { args: ['b', 'c d'], exact: true },
      { args: ['e'], exact: false },
    ]);
    expect(machineExecCommands({})).toEqual([{ args: [], exact: false }]);
  });

  test('shellSplit', () => {
    expect(shellSplit(` echo  'a b' "c \\"d\\"" e\\ f ""`)).toEqual(['echo', 'a b', 'c "d"', 'e f', '']);
    expect(() => shellSplit(`'open`)).toThrow();
  });
});

describe('readonly', () => {
  test('Organization{1234, read}', () => {
    const out = readonly(formatHeader([org, dis]));
    expect(appended(out)).toEqual(['920092cd04d201']);
    expect(hex(parseHeader(out)[1]!)).toBe(hex(dis));
  });

  test('finds the org id nested in IfPresent', () => {
    const nested = mintMacaroon(KEY, KID, PERMISSION_LOCATION, [
      caveats.ifPresent([caveats.organization(99, Action.all)], Action.read),
    ]);
    expect(findOrgId(formatHeader([nested]))).toBe(99);
    expect(appended(readonly(formatHeader([nested])))).toEqual([
      hex(caveatMessage(caveats.organization(99, 1))),
    ]);
  });

  test('fails unless exactly one org id', () => {
    expect(() => readonly(formatHeader([deploy]))).toThrow(/found 0/);
    const two = mintMacaroon(KEY, KID, PERMISSION_LOCATION, [
      caveats.organization(1, Action.all),
      caveats.organization(2, Action.all),
    ]);
    expect(() => readonly(formatHeader([two]))).toThrow(/found 2/);
  });

  test('--from-existing -x: ValidityWindow bytes', () => {
    const out = withValidityWindow(readonly(formatHeader([org])), 1700000000, 1700003600);
    expect(appended(out, 0, 2)).toEqual(['920092cd04d201', '920492ce6553f100ce6553ff10']);
    expect(() => withValidityWindow(formatHeader([org]), 2, 1)).toThrow();
  });
});

describe('ssh', () => {
  test('two copies of the permission token, then discharges', () => {
    const out = parseHeader(ssh(formatHeader([dis, deploy])));
    expect(out).toHaveLength(3);
    const a = decodeMacaroon(out[0]!);
    const b = decodeMacaroon(out[1]!);
    expect(hex(a.nonce.bytes)).toBe(hex(decodeMacaroon(deploy).nonce.bytes));
    expect(hex(b.nonce.bytes)).toBe(hex(a.nonce.bytes));
    expect(appended(ssh(formatHeader([dis, deploy])), 0)).toEqual(['921a01']);
    expect(appended(ssh(formatHeader([dis, deploy])), 1)).toEqual([
      `92069192b0${str('issueCertificate')}b0${str('addWireGuardPeer')}`,
    ]);
    expect(hex(out[2]!)).toBe(hex(dis));
  });

  test('requires exactly one permission token', () => {
    expect(() => ssh(formatHeader([deploy, deploy]))).toThrow(/found 2/);
    expect(() => ssh(formatHeader([dis]))).toThrow(/found 0/);
  });
});

describe('wireguard', () => {
  test('IfPresent{[Apps{}, FeatureSet{wg: all}], read}', () => {
    expect(appended(wireguard(formatHeader([org])))).toEqual(['920d9294039180059181a277671f01']);
  });
});
