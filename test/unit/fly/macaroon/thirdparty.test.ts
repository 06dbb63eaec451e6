import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import {
  Action,
  addThirdPartyCaveat,
  attenuateMacaroon,
  CaveatType,
  caveats,
  decodeMacaroon,
  dischargeTicket,
  mintMacaroon,
  openTicket,
  PERMISSION_LOCATION,
  seal,
  thirdPartyBody,
  unseal,
  verifyBundle,
  verifyMacaroon,
} from '../../../../src/fly/macaroon/index.js';

const ROOT = new Uint8Array(32).fill(3);
const TP = new Uint8Array(32).fill(4);
const AUTH = 'https://auth.fly.io';

function setup() {
  const base = mintMacaroon(ROOT, new Uint8Array(16), PERMISSION_LOCATION, [
    caveats.organization(1, Action.all),
  ]);
  const perm = addThirdPartyCaveat(base, AUTH, TP, [{ type: CaveatType.ConfineUser, body: [5] }]);
  const ticket = thirdPartyBody(decodeMacaroon(perm).caveats[1]!)!.ticket;
  return { perm, ticket };
}

describe('seal/unseal', () => {
  test('round trip; wrong key or tamper fails', () => {
    const key = new Uint8Array(32).fill(1);
    const box = seal(key, Uint8Array.of(1, 2, 3));
    expect(box).toHaveLength(12 + 3 + 16);
    expect([...unseal(key, box)]).toEqual([1, 2, 3]);
    expect(() => unseal(new Uint8Array(32), box)).toThrow();
    box[13]! ^= 1;
    expect(() => unseal(key, box)).toThrow();
  });
});

describe('third-party caveats and discharges', () => {
  test('ticket opens with the 3P key and carries its caveats', () => {
    const { perm, ticket } = setup();
    expect(verifyMacaroon(ROOT, perm).ok).toBe(true);
    const t = openTicket(TP, ticket);
    expect(t.dischargeKey).toHaveLength(32);
    expect(t.caveats).toHaveLength(1);
    expect(Number(t.caveats[0]!.type)).toBe(CaveatType.ConfineUser);
    expect(() => openTicket(ROOT, ticket)).toThrow();
    expect(() => addThirdPartyCaveat(perm, AUTH, TP)).toThrow(/already has/);
  });

  test('bundle verifies with discharge, also after attenuation', () => {
    const { perm, ticket } = setup();
    const dis = dischargeTicket(TP, AUTH, ticket, [caveats.validityWindow(0, 10)]);
    expect(verifyBundle(ROOT, perm, [])).toMatchObject({ ok: false, undischarged: [AUTH] });
    const r = verifyBundle(ROOT, perm, [dis]);
    expect(r).toMatchObject({ ok: true, discharged: [AUTH], undischarged: [] });
    expect(r.caveats.map((c) => Number(c.type))).toEqual([
      CaveatType.Organization,
      CaveatType.ValidityWindow,
    ]);
    const narrowed = attenuateMacaroon(perm, [caveats.action(Action.read)]);
    expect(verifyBundle(ROOT, narrowed, [dis]).ok).toBe(true);
    expect(verifyBundle(new Uint8Array(32), perm, [dis]).ok).toBe(false);
    expect(verifyBundle(ROOT, perm, [dis], { location: 'elsewhere' }).ok).toBe(false);
  });

  test('a forged discharge is rejected', () => {
    const { perm, ticket } = setup();
    const forged = mintMacaroon(new Uint8Array(32).fill(9), ticket, AUTH, [], { proof: true });
    expect(verifyBundle(ROOT, perm, [forged])).toMatchObject({ ok: false });
    const unfinalized = mintMacaroon(openTicket(TP, ticket).dischargeKey, ticket, AUTH, [], { proof: false });
    expect(verifyBundle(ROOT, perm, [unfinalized]).ok).toBe(true); // older discharges may be proof=false
  });

  test('BindToParentToken: prefix of SHA-256 of any parent Tj', () => {
    const { perm, ticket } = setup();
    const tails = verifyMacaroon(ROOT, perm).tails;
    const bind = (t: Uint8Array) => ({
      type: CaveatType.BindToParentToken,
      body: new Uint8Array(createHash('sha256').update(t).digest().subarray(0, 16)),
    });
    const good = dischargeTicket(TP, AUTH, ticket, [bind(tails[0]!)]);
    expect(verifyBundle(ROOT, perm, [good]).ok).toBe(true);
    const narrowed = attenuateMacaroon(perm, [caveats.action(Action.read)]);
    expect(verifyBundle(ROOT, narrowed, [good]).ok).toBe(true);
    const other = mintMacaroon(ROOT, new Uint8Array(16), PERMISSION_LOCATION, []);
    const bad = dischargeTicket(TP, AUTH, ticket, [bind(verifyMacaroon(ROOT, other).tails[0]!)]);
    expect(verifyBundle(ROOT, perm, [bad])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/bound/),
    });
  });
});
