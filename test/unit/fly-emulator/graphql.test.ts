// The emulator's GraphQL API: minting, listing, revoking and Fly's credential rules.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { type FlyEmulator, startFlyEmulator } from '../../emulators/fly/index.js';
import {
  APP_TOKENS,
  GET_APP,
  GET_ORG,
  gql,
  mint,
  mintHeader,
  ORG_TOKENS,
  REVOKE,
  type Seeded,
  seed,
} from './helpers.js';

let emu: FlyEmulator;
let s: Seeded;

beforeEach(async () => {
  emu = await startFlyEmulator();
  s = seed(emu);
});
afterEach(() => emu.close());

describe('reads', () => {
  test('GetAppCompact and GetOrganizationBySlug with the auth token', async () => {
    const app = await gql(emu, s.authToken, GET_APP, { appName: 'acme-web' });
    expect(app.errors).toBeUndefined();
    expect(app.data?.appcompact).toMatchObject({
      id: 'acme-web',
      name: 'acme-web',
      organization: { id: s.orgId, slug: 'acme' },
    });
    expect(typeof app.data?.appcompact.internalNumericId).toBe('number');
    const org = await gql(emu, s.authToken, GET_ORG, { slug: 'acme' });
    expect(org.data?.organization).toMatchObject({
      id: s.orgId,
      slug: 'acme',
      rawSlug: 'acme',
      name: 'Acme Corp',
      type: 'SHARED',
    });
    expect(org.data?.organization.internalNumericId).toMatch(/^\d+$/);
    expect(emu.server.requests.map((r) => r.operation)).toEqual(['app', 'organization']);
  });

  test('unknown app and org are NOT_FOUND with Fly’s messages', async () => {
    const app = await gql(emu, s.authToken, GET_APP, { appName: 'nope' });
    expect(app.errors?.[0]).toMatchObject({
      message: 'Could not find App "nope"',
      extensions: { code: 'NOT_FOUND' },
    });
    const org = await gql(emu, s.authToken, GET_ORG, { slug: 'nope' });
    expect(org.errors?.[0]).toMatchObject({
      message: 'Could not find Organization "nope"',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  test('missing, malformed and unknown credentials are UNAUTHORIZED (HTTP 200)', async () => {
    for (const auth of [undefined, 'FlyV1 fm2_!!!', 'FlyV1 nonsense', 'Bearer not-a-token', 'Basic abc']) {
      const r = await gql(emu, auth, GET_APP, { appName: 'acme-web' });
      expect(r.status).toBe(200);
      expect(r.errors?.[0]).toMatchObject({
        message: 'You must be authenticated to view this.',
        extensions: { code: 'UNAUTHORIZED' },
      });
    }
  });

  test('a legacy personal token works as Bearer, not as FlyV1', async () => {
    emu.addOrg('other');
    const { authToken } = emu.addUser('old@example.com', { orgs: ['acme'], legacy: true });
    expect(authToken).not.toMatch(/^FlyV1|fm2_/);
    expect((await gql(emu, `Bearer ${authToken}`, GET_APP, { appName: 'acme-web' })).errors).toBeUndefined();
    expect(
      (await gql(emu, `FlyV1 ${authToken}`, GET_APP, { appName: 'acme-web' })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHORIZED');
    const minted = await mint(emu, `Bearer ${authToken}`, s.orgId, 'deploy_organization');
    expect(minted.errors).toBeUndefined();
  });

  test('users only see their own organizations', async () => {
    emu.addOrg('globex');
    emu.addApp('globex-app', 'globex');
    const r = await gql(emu, s.authToken, GET_APP, { appName: 'globex-app' });
    expect(r.errors?.[0].message).toBe('Could not find App "globex-app"');
    expect((await gql(emu, s.authToken, GET_ORG, { slug: 'globex' })).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('createLimitedAccessToken', () => {
  test('mints a deploy token (flyctl’s mutation) recorded with its creator', async () => {
    const r = await mint(emu, s.authToken, s.orgId, 'deploy', { app_id: s.webId });
    expect(r.errors).toBeUndefined();
    const t = r.data?.createLimitedAccessToken.limitedAccessToken;
    expect(t.tokenHeader).toMatch(/^FlyV1 fm2_[A-Za-z0-9+/]+=*$/);
    expect(t.profile).toBe('deploy');
    const rec = emu.tokens.find((x) => x.id === t.id)!;
    expect(rec).toMatchObject({
      profile: 'deploy',
      appId: 'acme-web',
      orgId: s.orgId,
      header: t.tokenHeader,
      revokedAt: null,
    });
    expect(emu.state.users.get(rec.createdBy)?.email).toBe('ci@example.com');
    expect(rec.expiresAt.getTime() - rec.createdAt.getTime()).toBe(72 * 3600_000);
    expect(emu.server.requests.at(-1)?.operation).toBe('createLimitedAccessToken');
  });

  test('deploy token reads its own app only, cannot read the org or mint', async () => {
    const deploy = await mintHeader(emu, s.authToken, s.orgId, 'deploy', { app_id: s.webId });
    expect((await gql(emu, deploy, GET_APP, { appName: 'acme-web' })).errors).toBeUndefined();
    expect((await gql(emu, deploy, GET_APP, { appName: 'acme-api' })).errors?.[0].message).toBe(
      'Could not find App "acme-api"',
    );
    expect((await gql(emu, deploy, GET_ORG, { slug: 'acme' })).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    const r = await mint(emu, deploy, s.orgId, 'deploy', { app_id: s.webId });
    expect(r.errors?.[0].message).toBe('Not authorized to access createlimitedaccesstoken');
    const id = emu.tokens[0].id;
    const del = await gql(emu, deploy, REVOKE, { input: { id } });
    expect(del.errors?.[0].message).toBe('Not authorized to access deletelimitedaccesstoken');
  });

  test('org token reads the org and all its apps, cannot mint', async () => {
    const org = await mintHeader(emu, s.authToken, s.orgId, 'deploy_organization');
    expect((await gql(emu, org, GET_ORG, { slug: 'acme' })).errors).toBeUndefined();
    expect((await gql(emu, org, GET_APP, { appName: 'acme-api' })).errors).toBeUndefined();
    expect((await mint(emu, org, s.orgId, 'deploy_organization')).errors?.[0].message).toBe(
      'Not authorized to access createlimitedaccesstoken',
    );
    expect(emu.accepts(org, { org: 'acme', app: 'acme-web', action: 'write' })).toBe(true);
  });

  test('litefs_cloud needs a known cluster of the org', async () => {
    const missing = await mint(emu, s.authToken, s.orgId, 'litefs_cloud', { cluster: 'db1' });
    expect(missing.errors?.[0]).toMatchObject({
      message: 'Could not find LiteFS Cloud cluster "db1"',
      extensions: { code: 'NOT_FOUND' },
    });
    emu.addCluster('acme', 'db1');
    const header = await mintHeader(emu, s.authToken, s.orgId, 'litefs_cloud', { cluster: 'db1' });
    expect(emu.accepts(header, { org: 'acme', feature: 'litefs-cloud', cluster: 'db1' })).toBe(true);
    expect(emu.accepts(header, { org: 'acme', feature: 'litefs-cloud', cluster: 'db2' })).toBe(false);
    expect(emu.accepts(header, { org: 'acme', app: 'acme-web' })).toBe(false);
  });

  test('rejects unknown profile, unknown app, unknown org and junk expiry', async () => {
    expect((await mint(emu, s.authToken, s.orgId, 'superuser')).errors?.[0].message).toMatch(
      /Unknown token profile "superuser"/,
    );
    const app = await mint(emu, s.authToken, s.orgId, 'deploy', { app_id: 'ghost' });
    expect(app.errors?.[0]).toMatchObject({
      message: 'Could not find App "ghost"',
      extensions: { code: 'NOT_FOUND' },
    });
    expect((await mint(emu, s.authToken, s.orgId, 'deploy', {})).errors?.[0].message).toMatch(
      /app_id is required/,
    );
    const org = await mint(emu, s.authToken, 'nosuchorg', 'deploy_organization');
    expect(org.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const junk of ['7d', 'soon', '72', '-1h', '0s']) {
      const r = await mint(emu, s.authToken, s.orgId, 'deploy_organization', {}, junk);
      expect([junk, r.errors?.[0].message]).toEqual([junk, expect.stringMatching(/^Invalid expiry/)]);
    }
    expect(emu.tokens).toHaveLength(0);
  });

  test('accepts Go durations; empty expiry means 20 years', async () => {
    await mint(emu, s.authToken, s.orgId, 'deploy_organization', {}, '1h30m');
    await mint(emu, s.authToken, s.orgId, 'deploy_organization', {}, '');
    const [a, b] = emu.tokens;
    expect(a.expiresAt.getTime() - a.createdAt.getTime()).toBe(90 * 60_000);
    expect(b.expiresAt.getTime() - b.createdAt.getTime()).toBe(175_200 * 3600_000);
  });
});

describe('expiry and revocation', () => {
  test('expired and revoked tokens are UNAUTHORIZED; revoked ones stay listed', async () => {
    const a = await mintHeader(emu, s.authToken, s.orgId, 'deploy', { app_id: s.webId });
    const b = await mintHeader(emu, s.authToken, s.orgId, 'deploy', { app_id: s.webId });
    const [ta, tb] = emu.tokens;
    emu.expireToken(ta.id);
    const r1 = await gql(emu, a, GET_APP, { appName: 'acme-web' });
    expect(r1.errors?.[0].extensions?.code).toBe('UNAUTHORIZED');

    const del = await gql(emu, s.authToken, REVOKE, { input: { id: tb.id } });
    expect(del.errors).toBeUndefined();
    expect(del.data?.deleteLimitedAccessToken).toEqual({ token: tb.id, revokedBy: 'ci@example.com' });
    expect(tb.revokedAt).toBeInstanceOf(Date);
    expect((await gql(emu, b, GET_APP, { appName: 'acme-web' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHORIZED',
    );
    expect(emu.accepts(b, { app: 'acme-web' })).toBe(false);

    // Idempotent: revoking again succeeds and keeps the first revocation.
    const first = tb.revokedAt;
    expect((await gql(emu, s.authToken, REVOKE, { input: { id: tb.id } })).errors).toBeUndefined();
    expect(tb.revokedAt).toBe(first);

    const list = await gql(emu, s.authToken, APP_TOKENS, { appName: 'acme-web' });
    expect(
      list.data?.app.limitedAccessTokens.nodes.map((n: { revokedAt: string | null }) => n.revokedAt !== null),
    ).toEqual([false, true]);
  });

  test('a token expires by the clock too', async () => {
    const h = await mintHeader(emu, s.authToken, s.orgId, 'deploy_organization');
    expect(emu.accepts(h, { org: 'acme' })).toBe(true);
    emu.advance(73 * 3600_000);
    expect(emu.accepts(h, { org: 'acme' })).toBe(false);
  });

  test('unknown token id is NOT_FOUND; an expired or revoked auth token is UNAUTHORIZED', async () => {
    const r = await gql(emu, s.authToken, REVOKE, { input: { id: 'nope' } });
    expect(r.errors?.[0]).toMatchObject({
      message: 'Could not find LimitedAccessToken "nope"',
      extensions: { code: 'NOT_FOUND' },
    });
    const user = [...emu.state.users.values()][0];
    emu.revokeToken(user.id);
    expect((await mint(emu, s.authToken, s.orgId, 'deploy_organization')).errors?.[0].extensions?.code).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('pagination', () => {
  test('connections page by 5 and expose totalCount and cursors', async () => {
    for (let i = 0; i < 12; i++) await mint(emu, s.authToken, s.orgId, 'deploy_organization');
    await mint(emu, s.authToken, s.orgId, 'deploy', { app_id: s.webId });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const r = await gql(emu, s.authToken, ORG_TOKENS, { slug: 'acme', first: 100, after });
      const c = r.data?.organization.limitedAccessTokens;
      expect(c.totalCount).toBe(12);
      expect(c.edges.length).toBeLessThanOrEqual(5);
      seen.push(...c.edges.map((e: { node: { id: string } }) => e.node.id));
      pages++;
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(emu.tokens.filter((t) => !t.appId).map((t) => t.id));
    const app = await gql(emu, s.authToken, APP_TOKENS, { appName: 'acme-web' });
    expect(app.data?.app.limitedAccessTokens).toMatchObject({
      totalCount: 1,
      pageInfo: { hasNextPage: false },
    });
    expect(app.data?.app.limitedAccessTokens.nodes[0].user.email).toBe('ci@example.com');
  });
});

describe('faults and operation names', () => {
  test('faults target top-level field names', async () => {
    emu.server.fault('createLimitedAccessToken', { kind: 'status', status: 502 });
    expect((await mint(emu, s.authToken, s.orgId, 'deploy_organization')).status).toBe(502);
    expect(emu.tokens).toHaveLength(0);
    await gql(emu, s.authToken, 'query { viewer { email } organization(slug: "acme") { slug } }');
    expect(emu.server.requests.at(-1)?.operation).toBe('viewer+organization');
  });
});
