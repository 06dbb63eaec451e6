import { describe, expect, test } from '@jest/globals';
import {
  type AccessRequest,
  Action,
  allows,
  caveats,
  decodeMacaroon,
  mintMacaroon,
  PERMISSION_LOCATION,
} from '../../../../src/fly/macaroon/index.js';

const now = 1700000100;
const req = (r: Partial<AccessRequest>): AccessRequest => ({ action: Action.read, now, ...r });

describe('allows', () => {
  test('no caveats allows everything', () => {
    expect(allows([], req({ action: Action.all }))).toBe(true);
  });

  test('Organization: id and mask; unspecified org denies at top level', () => {
    const c = [caveats.organization(7, Action.read | Action.write)];
    expect(allows(c, req({ orgId: 7, action: Action.write }))).toBe(true);
    expect(allows(c, req({ orgId: 8 }))).toBe(false);
    expect(allows(c, req({ orgId: 7, action: Action.delete }))).toBe(false);
    expect(allows(c, req({}))).toBe(false);
    expect(allows([caveats.organization(0, Action.read)], req({ orgId: 99 }))).toBe(true);
  });

  test('Apps: resource set lookup, zero id, empty set', () => {
    const c = [caveats.apps({ '5': Action.all, '6': Action.read })];
    expect(allows(c, req({ appId: 5, action: Action.delete }))).toBe(true);
    expect(allows(c, req({ appId: 6, action: Action.write }))).toBe(false);
    expect(allows(c, req({ appId: 7 }))).toBe(false);
    expect(allows(c, req({}))).toBe(false);
    expect(allows([caveats.apps([[0, Action.read]])], req({ appId: 123 }))).toBe(true);
    expect(allows([caveats.apps([])], req({ appId: 123 }))).toBe(false);
    expect(() =>
      caveats.apps([
        [0, 1],
        [1, 1],
      ]),
    ).toThrow(/zero id/);
  });

  test('ValidityWindow is inclusive', () => {
    const c = [caveats.validityWindow(100, 200)];
    expect(allows(c, req({ now: 100 }))).toBe(true);
    expect(allows(c, req({ now: 200 }))).toBe(true);
    expect(allows(c, req({ now: 99 }))).toBe(false);
    expect(allows(c, req({ now: 201 }))).toBe(false);
  });

  test('Mutations', () => {
    const c = [caveats.mutations(['issueCertificate', 'addWireGuardPeer'])];
    expect(allows(c, req({ mutation: 'issueCertificate', action: Action.write }))).toBe(true);
    expect(allows(c, req({ mutation: 'deleteApp' }))).toBe(false);
    expect(allows(c, req({}))).toBe(false);
  });

  test('FeatureSet and Clusters', () => {
    expect(
      allows([caveats.featureSet({ wg: Action.all })], req({ feature: 'wg', action: Action.create })),
    ).toBe(true);
    expect(
      allows([caveats.featureSet({ wg: Action.read })], req({ feature: 'wg', action: Action.create })),
    ).toBe(false);
    expect(allows([caveats.featureSet({ wg: Action.all })], req({ feature: 'domain' }))).toBe(false);
    expect(allows([caveats.clusters({ c1: Action.all })], req({ cluster: 'c1' }))).toBe(true);
    expect(allows([caveats.clusters({ c1: Action.all })], req({ cluster: 'c2' }))).toBe(false);
    expect(allows([caveats.clusters({ '': Action.read })], req({ cluster: 'any' }))).toBe(true);
  });

  test('Action', () => {
    expect(allows([caveats.action(Action.read)], req({ action: Action.read }))).toBe(true);
    expect(allows([caveats.action(Action.read)], req({ action: Action.read | Action.write }))).toBe(false);
    expect(allows([caveats.action(Action.none)], req({ action: Action.none }))).toBe(true);
  });

  test('Commands: prefix vs exact, empty prefix matches all', () => {
    const c = [
      caveats.commands([
        { args: ['ls'], exact: false },
        { args: ['cat', '/etc/hosts'], exact: true },
      ]),
    ];
    expect(allows(c, req({ command: ['ls', '-la'] }))).toBe(true);
    expect(allows(c, req({ command: ['cat', '/etc/hosts'] }))).toBe(true);
    expect(allows(c, req({ command: ['cat', '/etc/hosts', '/etc/passwd'] }))).toBe(false);
    expect(allows(c, req({ command: ['cat'] }))).toBe(false);
    expect(allows(c, req({ command: ['rm'] }))).toBe(false);
    expect(allows([caveats.commands([{ args: [], exact: false }])], req({ command: ['anything'] }))).toBe(
      true,
    );
    expect(allows([caveats.commands([{ args: [], exact: true }])], req({ command: ['x'] }))).toBe(false);
  });

  test('IfPresent: relevant ifs must all allow; otherwise action ⊆ else', () => {
    const exec = [caveats.ifPresent([caveats.commands([{ args: ['ls'], exact: true }])], Action.read)];
    expect(allows(exec, req({ command: ['ls'], action: Action.control }))).toBe(true);
    expect(allows(exec, req({ command: ['rm'], action: Action.control }))).toBe(false);
    expect(allows(exec, req({ appId: 1, action: Action.read }))).toBe(true);
    expect(allows(exec, req({ appId: 1, action: Action.write }))).toBe(false);

    const wg = [caveats.ifPresent([caveats.apps([]), caveats.featureSet({ wg: Action.all })], Action.read)];
    expect(allows(wg, req({ feature: 'wg', action: Action.create }))).toBe(true);
    expect(allows(wg, req({ feature: 'wg', appId: 3, action: Action.create }))).toBe(false); // apps{} relevant, denies
    expect(allows(wg, req({ orgId: 1, action: Action.read }))).toBe(true);
    expect(allows(wg, req({ orgId: 1, action: Action.write }))).toBe(false);
  });

  test('AND of top-level caveats', () => {
    const c = [
      caveats.organization(1, Action.all),
      caveats.action(Action.read),
      caveats.validityWindow(0, now),
    ];
    expect(allows(c, req({ orgId: 1 }))).toBe(true);
    expect(allows(c, req({ orgId: 1, action: Action.write }))).toBe(false);
    expect(allows(c, req({ orgId: 1, now: now + 1 }))).toBe(false);
  });

  test('unknown, unsupported or malformed caveats deny', () => {
    expect(allows([{ type: 2n ** 48n, body: 'x' }], req({}))).toBe(false);
    expect(allows([caveats.machines({ m1: Action.all })], req({}))).toBe(false);
    expect(allows([{ type: 26, body: 'x' }], req({}))).toBe(false);
    expect(allows([{ type: 4, body: [1] }], req({}))).toBe(false);
    expect(allows([{ type: 11, body: ['loc', new Uint8Array(1), new Uint8Array(1)] }], req({}))).toBe(false);
  });

  test('works on caveats decoded from a token', () => {
    const t = mintMacaroon(new Uint8Array(32), new Uint8Array(16), PERMISSION_LOCATION, [
      caveats.organization(2n ** 40n, Action.read),
      caveats.apps([[2n ** 53n + 1n, Action.all]]),
    ]);
    const cavs = decodeMacaroon(t).caveats;
    expect(allows(cavs, req({ orgId: 2 ** 40, appId: 2n ** 53n + 1n }))).toBe(true);
    expect(allows(cavs, req({ orgId: 2 ** 40, appId: 2n ** 53n }))).toBe(false);
  });
});
