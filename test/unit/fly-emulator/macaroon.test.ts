// The emulator's token verifier: Fly-format macaroons, client-side attenuation, tampering, machine exec.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  Action,
  addThirdPartyCaveat,
  attenuateHeader,
  caveats,
  decodeMacaroon,
  dischargeTicket,
  formatHeader,
  allows as libraryAllows,
  machineExec,
  PERMISSION_LOCATION,
  parseHeader,
  readonly,
  ssh,
  wireguard,
  withValidityWindow,
} from '../../../src/fly/macaroon/index.js';
import { type AccessRequest, allows } from '../../emulators/fly/caveats.js';
import { type FlyEmulator, startFlyEmulator } from '../../emulators/fly/index.js';
import { GET_APP, GET_ORG, gql, mint, mintHeader, REVOKE, type Seeded, seed } from './helpers.js';

let emu: FlyEmulator;
let s: Seeded;

beforeEach(async () => {
  emu = await startFlyEmulator();
  s = seed(emu);
});
afterEach(() => emu.close());

const deployToken = () => mintHeader(emu, s.authToken, s.orgId, 'deploy', { app_id: s.webId });

describe('minted tokens', () => {
  test('are Fly-format permission tokens with the server caveats, kid = record id', async () => {
    const header = await deployToken();
    const [bytes, ...rest] = parseHeader(header);
    expect(rest).toHaveLength(0);
    const m = decodeMacaroon(bytes);
    expect(m.location).toBe(PERMISSION_LOCATION);
    expect(m.nonce.proof).toBe(false);
    expect(Buffer.from(m.nonce.kid).toString()).toBe(emu.tokens[0].id);
    const org = emu.state.orgBySlug('acme')!;
    const app = emu.state.apps.get('acme-web')!;
    expect(m.caveats.map((c) => Number(c.type))).toEqual([0, 3, 4]);
    expect(m.caveats[0].body).toEqual([org.internalNumericId, Action.all]);
    expect(m.caveats[1].body).toEqual([new Map([[app.internalNumericId, Action.all]])]);
    expect(m.caveats[2].body).toEqual([
      Math.floor(emu.tokens[0].createdAt.getTime() / 1000),
      Math.floor(emu.tokens[0].expiresAt.getTime() / 1000),
    ]);
  });

  test('the auth token has no organization restriction', () => {
    const m = decodeMacaroon(parseHeader(s.authToken)[0]);
    expect(m.caveats).toHaveLength(0);
    emu.addOrg('globex');
    for (const u of emu.state.users.values()) u.orgIds.add(emu.state.orgBySlug('globex')!.id);
    expect(emu.accepts(s.authToken, { org: 'globex', action: 'all' })).toBe(true);
  });
});

describe('attenuation', () => {
  test('a deploy token with extra caveats is still accepted within them', async () => {
    const header = await deployToken();
    const ro = attenuateHeader(header, [caveats.action(Action.read)]);
    expect((await gql(emu, ro, GET_APP, { appName: 'acme-web' })).errors).toBeUndefined();
    expect(emu.accepts(ro, { app: 'acme-web', action: 'read' })).toBe(true);
    expect(emu.accepts(ro, { app: 'acme-web', action: 'write' })).toBe(false);
    const now = Math.floor(Date.now() / 1000);
    const stale = withValidityWindow(header, now - 7200, now - 3600);
    const r = await gql(emu, stale, GET_APP, { appName: 'acme-web' });
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHORIZED');
  });

  test('a read-only auth token reads but cannot mint or revoke', async () => {
    const token = await deployToken();
    const ro = readonly(
      attenuateHeader(s.authToken, [
        caveats.organization(emu.state.orgBySlug('acme')!.internalNumericId, Action.all),
      ]),
    );
    expect((await gql(emu, ro, GET_ORG, { slug: 'acme' })).errors).toBeUndefined();
    expect((await mint(emu, ro, s.orgId, 'deploy_organization')).errors?.[0].message).toBe(
      'Not authorized to access createlimitedaccesstoken',
    );
    const del = await gql(emu, ro, REVOKE, { input: { id: emu.tokens[0].id } });
    expect(del.errors?.[0].message).toBe('Not authorized to access deletelimitedaccesstoken');
    expect(emu.accepts(token, { app: 'acme-web' })).toBe(true);
  });

  test('an auth token limited to one app can mint deploy tokens for it, nothing else', async () => {
    const web = emu.state.apps.get('acme-web')!.internalNumericId;
    const scoped = attenuateHeader(s.authToken, [caveats.apps(new Map([[web, Action.all]]))]);
    expect((await mint(emu, scoped, s.orgId, 'deploy', { app_id: 'acme-web' })).errors).toBeUndefined();
    expect((await mint(emu, scoped, s.orgId, 'deploy', { app_id: 'acme-api' })).errors?.[0].message).toBe(
      'Not authorized to access createlimitedaccesstoken',
    );
    expect((await mint(emu, scoped, s.orgId, 'deploy_organization')).errors?.[0].message).toBe(
      'Not authorized to access createlimitedaccesstoken',
    );
  });

  test('every single-bit flip of a token is refused', async () => {
    const header = await deployToken();
    const bytes = parseHeader(header)[0];
    expect(emu.accepts(header, { app: 'acme-web' })).toBe(true);
    for (let i = 0; i < bytes.length; i++) {
      const flipped = Uint8Array.from(bytes);
      flipped[i] ^= 0x01;
      const h = `FlyV1 fm2_${Buffer.from(flipped).toString('base64')}`;
      expect([i, emu.accepts(h, { app: 'acme-web' })]).toEqual([i, false]);
    }
    const flippedAttenuated = Buffer.from(
      parseHeader(attenuateHeader(header, [caveats.action(Action.read)]))[0],
    );
    flippedAttenuated[flippedAttenuated.length - 40] ^= 0x01;
    const r = await gql(emu, `FlyV1 fm2_${flippedAttenuated.toString('base64')}`, GET_APP, {
      appName: 'acme-web',
    });
    expect(r.errors?.[0]).toMatchObject({
      message: 'You must be authenticated to view this.',
      extensions: { code: 'UNAUTHORIZED' },
    });
  });

  test('ssh bundles (two permission copies) and Bearer-sent macaroons work', async () => {
    const bundle = ssh(await deployToken());
    expect(parseHeader(bundle)).toHaveLength(2);
    expect(emu.accepts(bundle, { app: 'acme-web', action: 'read' })).toBe(true);
    expect(emu.accepts(bundle, { app: 'acme-web', action: 'write', mutation: 'issueCertificate' })).toBe(
      true,
    );
    expect(emu.accepts(bundle, { app: 'acme-web', action: 'write' })).toBe(false);
    const bearer = s.authToken.replace(/^FlyV1 /, 'Bearer ');
    expect((await gql(emu, bearer, GET_APP, { appName: 'acme-web' })).errors).toBeUndefined();
  });

  test('third-party caveats need a valid discharge', async () => {
    const tpKey = new Uint8Array(32).fill(7);
    const loc = 'https://auth.example';
    const [perm] = parseHeader(await deployToken());
    const withTp = addThirdPartyCaveat(perm, loc, tpKey);
    expect(emu.accepts(formatHeader([withTp]), { app: 'acme-web' })).toBe(false);
    const ticket = decodeMacaroon(withTp).caveats.at(-1)!.body as [string, Uint8Array, Uint8Array];
    const now = Math.floor(Date.now() / 1000);
    const good = dischargeTicket(tpKey, loc, ticket[2], [caveats.validityWindow(now - 60, now + 60)]);
    const stale = dischargeTicket(tpKey, loc, ticket[2], [caveats.validityWindow(now - 120, now - 60)]);
    expect(emu.accepts(formatHeader([withTp, good]), { app: 'acme-web' })).toBe(true);
    expect(emu.accepts(formatHeader([withTp, stale]), { app: 'acme-web' })).toBe(false);
    const attenuated = attenuateHeader(formatHeader([withTp, good]), [caveats.action(Action.read)]);
    expect((await gql(emu, attenuated, GET_APP, { appName: 'acme-web' })).errors).toBeUndefined();
  });

  test("the emulator's caveat evaluation agrees with the library's allows()", async () => {
    const deploy = await deployToken();
    const org = await mintHeader(emu, s.authToken, s.orgId, 'deploy_organization');
    const headers = [
      deploy,
      org,
      readonly(org),
      machineExec(deploy, { commands: ['ls -la'] }),
      wireguard(org),
      ssh(deploy),
    ];
    const o = emu.state.orgBySlug('acme')!.internalNumericId;
    const [web, api] = ['acme-web', 'acme-api'].map((n) => emu.state.apps.get(n)!.internalNumericId);
    const now = Math.floor(Date.now() / 1000);
    const requests: AccessRequest[] = [
      { orgId: o, action: Action.read, now },
      { orgId: o, appId: web, action: Action.read, now },
      { orgId: o, appId: api, action: Action.write, now },
      { orgId: o, appId: web, action: Action.write, command: ['ls', '-la'], now },
      { orgId: o, appId: web, action: Action.write, command: ['ls'], now },
      { orgId: o, appId: web, action: Action.write, mutation: 'issueCertificate', now },
      { orgId: o, feature: 'wg', action: Action.all, now },
      { orgId: o + 1, action: Action.read, now },
    ];
    for (const [h, header] of headers.entries()) {
      for (const bytes of parseHeader(header)) {
        const cavs = decodeMacaroon(bytes).caveats;
        for (const [r, req] of requests.entries()) {
          expect([h, r, allows(cavs, req)]).toEqual([h, r, libraryAllows(cavs, req)]);
        }
      }
    }
  });
});

describe('machines API', () => {
  const exec = (auth: string | undefined, app: string, machine: string, body: unknown) =>
    fetch(`${emu.url}/v1/apps/${app}/machines/${machine}/exec`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(body),
    });
  const list = (auth: string | undefined, app: string) =>
    fetch(`${emu.url}/v1/apps/${app}/machines`, { headers: auth ? { authorization: auth } : {} });

  test('machine-exec tokens run only their commands', async () => {
    const header = machineExec(await deployToken(), { commands: ['ls -la'], prefixes: ['echo'] });
    const res = await list(header, 'acme-web');
    expect(res.status).toBe(200);
    const [machine] = (await res.json()) as Array<{ id: string }>;
    expect((await exec(header, 'acme-web', machine.id, { cmd: 'ls -la' })).status).toBe(200);
    expect((await exec(header, 'acme-web', machine.id, { command: ['echo', 'hi', 'there'] })).status).toBe(
      200,
    );
    const refused = await exec(header, 'acme-web', machine.id, { command: ['ls'] });
    expect(refused.status).toBe(403);
    expect((await exec(header, 'acme-web', machine.id, { cmd: 'rm -rf /' })).status).toBe(403);
    expect(emu.server.requests.map((r) => r.operation)).toEqual([
      'createLimitedAccessToken',
      'Machines_list',
      'Machines_exec',
      'Machines_exec',
      'Machines_exec',
      'Machines_exec',
    ]);
  });

  test('deploy tokens exec anything on their app only; bad credentials get 401', async () => {
    const header = await deployToken();
    const web = emu.state.apps.get('acme-web')!.machines[0].id;
    const api = emu.state.apps.get('acme-api')!.machines[0].id;
    expect((await exec(header, 'acme-web', web, { cmd: 'rm -rf /tmp/x' })).status).toBe(200);
    expect((await exec(header, 'acme-api', api, { cmd: 'ls' })).status).toBe(403);
    expect((await list(header, 'acme-api')).status).toBe(403);
    expect((await list(undefined, 'acme-web')).status).toBe(401);
    expect((await list(header, 'ghost')).status).toBe(404);
    expect((await exec(header, 'acme-web', 'nope', { cmd: 'ls' })).status).toBe(404);
    expect((await exec(header, 'acme-web', web, {})).status).toBe(400);
    emu.revokeToken(emu.tokens[0].id);
    const revoked = await list(header, 'acme-web');
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({ error: 'unauthorized' });
  });
});
