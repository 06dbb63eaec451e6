// One issuer per token kind against the Fly emulator: what each minted token may and may not do, that
// verification reads what the kind can read, and that the id Fly lists is the id that revokes it.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { MintedToken } from '../../../../src/core/interfaces.js';
import type { FlyScope, RotationSpec, TokenKind } from '../../../../src/core/spec.js';
import { FlyClient } from '../../../../src/fly/client.js';
import { tokenIssuer } from '../../../../src/fly/issuers.js';
import { DeployTokenIssuer } from '../../../../src/fly/kinds/app.js';
import { type FlyEmulator, startFlyEmulator } from '../../../emulators/fly/index.js';

let emu: FlyEmulator;
let fly: FlyClient;
let machine: string;

beforeAll(async () => {
  emu = await startFlyEmulator();
  const auth = emu.seedDemo();
  emu.addCluster('acme', 'db-1');
  machine = emu.state.apps.get('acme-web')!.machines[0].id;
  fly = new FlyClient({ baseUrl: emu.url, token: auth, retries: 0 });
});
afterAll(() => emu.close());

const rotation = (kind: TokenKind, scope: FlyScope): RotationSpec => ({
  label: kind,
  kind,
  scope,
  expiryMs: 3_600_000,
  tokenName: `unit ${kind}`,
  keepPrevious: 0,
  targets: [],
});

/** Mints through the issuer and checks the Fly side: listed in its scope, same id, right profile. */
async function mint(kind: TokenKind, scope: FlyScope, profile: string) {
  const issuer = tokenIssuer(rotation(kind, scope), fly);
  await issuer.prepare();
  const t: MintedToken = await issuer.mint(`unit ${kind}`, '1h0m0s');
  const record = emu.tokens.find((r) => r.id === t.id)!;
  expect(record.profile).toBe(profile);
  expect((await issuer.list()).map((x) => x.id)).toContain(t.id);
  return { issuer, t, header: t.header, server: record.header };
}

const can = (header: string, req: Parameters<FlyEmulator['accepts']>[1]) => emu.accepts(header, req);

describe('each kind is minted, narrowed, verified and revoked by id', () => {
  test('deploy: one app, fully', async () => {
    const { issuer, t, header, server } = await mint('deploy', { app: 'acme-web' }, 'deploy');
    expect(header).toBe(server);
    expect(can(header, { app: 'acme-web', action: 'all' })).toBe(true);
    expect(can(header, { app: 'acme-api' })).toBe(false);
    expect(await issuer.verify(header)).toBeUndefined();
    await issuer.revoke(t.id);
    expect(can(header, { app: 'acme-web' })).toBe(false);
  });

  test('org: every app of the organization', async () => {
    const { issuer, header } = await mint('org', { org: 'acme' }, 'deploy_organization');
    expect(can(header, { app: 'acme-api', action: 'write' })).toBe(true);
    expect(can(header, { org: 'acme', action: 'create' })).toBe(true);
    expect(await issuer.verify(header)).toBeUndefined();
  });

  test('readonly: reads the organization, changes nothing', async () => {
    const { issuer, t, header, server } = await mint('readonly', { org: 'acme' }, 'deploy_organization');
    expect(header).not.toBe(server);
    expect(can(header, { org: 'acme' })).toBe(true);
    expect(can(header, { app: 'acme-web' })).toBe(true);
    expect(can(header, { org: 'acme', action: 'write' })).toBe(false);
    expect(can(header, { app: 'acme-web', action: 'delete' })).toBe(false);
    expect(await issuer.verify(header)).toBeUndefined();
    // The narrowed token is still the server token Fly lists: revoking that id kills it.
    await issuer.revoke(t.id);
    expect(can(header, { org: 'acme' })).toBe(false);
  });

  test('machine-exec: the listed commands and prefixes only', async () => {
    const scope = { app: 'acme-web', commands: [['ls', '-la']], commandPrefixes: [['rails', 'runner']] };
    const { issuer, header } = await mint('machine-exec', scope, 'deploy');
    const exec = (command: string[]) => can(header, { app: 'acme-web', machine, command, action: 'write' });
    expect(exec(['ls', '-la'])).toBe(true);
    expect(exec(['rails', 'runner', 'Report.run'])).toBe(true);
    expect(exec(['ls'])).toBe(false);
    expect(exec(['ls', '-la', '/'])).toBe(false);
    expect(exec(['rm', '-rf', '/'])).toBe(false);
    expect(can(header, { app: 'acme-web', action: 'write' })).toBe(false);
    expect(can(header, { app: 'acme-api', machine, command: ['ls', '-la'], action: 'write' })).toBe(false);
    expect(await issuer.verify(header)).toBeUndefined();
  });

  test("machine-exec with commands '*': every command", async () => {
    const { header } = await mint('machine-exec', { app: 'acme-web', allCommands: true }, 'deploy');
    expect(
      can(header, { app: 'acme-web', machine, command: ['anything', 'at', 'all'], action: 'write' }),
    ).toBe(true);
    expect(can(header, { app: 'acme-web', action: 'write' })).toBe(false);
  });

  test('ssh: read the app and issue certificates, nothing else', async () => {
    const { issuer, header } = await mint('ssh', { app: 'acme-web' }, 'deploy');
    expect(header.split(',')).toHaveLength(2);
    expect(can(header, { app: 'acme-web' })).toBe(true);
    expect(can(header, { app: 'acme-web', mutation: 'issueCertificate', action: 'write' })).toBe(true);
    expect(can(header, { app: 'acme-web', mutation: 'deleteApp', action: 'delete' })).toBe(false);
    expect(can(header, { app: 'acme-web', action: 'write' })).toBe(false);
    expect(await issuer.verify(header)).toBeUndefined();
  });

  test('wireguard: WireGuard of the organization, no app', async () => {
    const { issuer, header } = await mint('wireguard', { org: 'acme' }, 'deploy_organization');
    expect(can(header, { org: 'acme', feature: 'wg', action: 'all' })).toBe(true);
    expect(can(header, { org: 'acme' })).toBe(true);
    expect(can(header, { org: 'acme', action: 'write' })).toBe(false);
    expect(can(header, { app: 'acme-web', action: 'write' })).toBe(false);
    expect(await issuer.verify(header)).toBeUndefined();
  });

  test('litefs-cloud: one cluster, and a verification note instead of a read', async () => {
    const { issuer, header } = await mint('litefs-cloud', { org: 'acme', cluster: 'db-1' }, 'litefs_cloud');
    expect(emu.tokens.at(-1)!.cluster).toBe('db-1');
    const cluster = (name: string) =>
      can(header, { org: 'acme', feature: 'litefs-cloud', cluster: name, action: 'write' });
    expect(cluster('db-1')).toBe(true);
    expect(cluster('db-2')).toBe(false);
    expect(can(header, { app: 'acme-web' })).toBe(false);
    expect(await issuer.verify(header)).toMatch(/not checked against Fly/);
  });
});

test('not-before: valid only from then, and verification says why it was not checked', async () => {
  const { issuer, header } = await mint(
    'deploy',
    { app: 'acme-web', notBefore: { delayMs: 600_000 } },
    'deploy',
  );
  expect(can(header, { app: 'acme-web' })).toBe(false);
  expect(can(header, { app: 'acme-web', now: Date.now() + 1_200_000 })).toBe(true);
  expect(await issuer.verify(header)).toMatch(/^not checked: the token is valid only from /);
});

test('unknown app, org or cluster: Fly refuses before anything is minted', async () => {
  const before = emu.tokens.length;
  await expect(tokenIssuer(rotation('deploy', { app: 'nope' }), fly).mint('x', '1h0m0s')).rejects.toThrow(
    'nope',
  );
  await expect(tokenIssuer(rotation('org', { org: 'nope' }), fly).mint('x', '1h0m0s')).rejects.toThrow(
    'nope',
  );
  await expect(
    tokenIssuer(rotation('litefs-cloud', { org: 'acme', cluster: 'nope' }), fly).mint('x', '1h0m0s'),
  ).rejects.toThrow('nope');
  expect(emu.tokens.length).toBe(before);
});

test('a server token that cannot be narrowed is revoked, not left valid', async () => {
  const revoked: string[] = [];
  const fake = {
    getApp: async () => ({
      id: 'web',
      numericId: 1,
      name: 'web',
      org: { id: 'o', numericId: 2, slug: 'acme' },
    }),
    createToken: async () => ({
      id: 'tok1',
      name: 'x',
      createdAt: '2026-01-01T00:00:00Z',
      expiresAt: '2026-01-08T00:00:00Z',
      revokedAt: null,
      header: 'FlyV1 fm2_bm90IGEgbWFjYXJvb24=',
    }),
    revokeToken: async (id: string) => {
      revoked.push(id);
    },
  } as unknown as FlyClient;
  const issuer = tokenIssuer(rotation('ssh', { app: 'web' }), fake);
  await expect(issuer.mint('x', '1h0m0s')).rejects.toThrow(
    /^Fly minted token tok1 in app web, but narrowing it .* failed \(.+\), so it was not stored: token tok1 was revoked\.$/,
  );
  expect(revoked).toEqual(['tok1']);
});

test('a machine-exec rotation without a command list is refused, never widened to every command', () => {
  expect(() => tokenIssuer(rotation('machine-exec', { app: 'web' }), fly)).toThrow('needs a command list');
  expect(tokenIssuer(rotation('deploy', { app: 'web' }), fly)).toBeInstanceOf(DeployTokenIssuer);
});
