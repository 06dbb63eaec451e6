import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitLabEmulator, startGitLabEmulator } from '../../emulators/gitlab/index.js';
import { call } from './helpers.js';

const WEB = '/projects/acme%2Fweb/variables';
const GROUP = '/groups/acme/variables';
const body = { key: 'K', value: 'v' };

describe('GitLab emulator: tokens, scopes and roles', () => {
  let em: GitLabEmulator;
  beforeAll(async () => {
    em = await startGitLabEmulator();
    em.addProject('acme/web');
    em.addProject('acme/platform/api');
    em.addProject('other/public-site', { visibility: 'public' });
    em.addToken('maintainer', { scopes: ['api'], roles: { 'acme/web': 'maintainer' }, name: 'rotator' });
    em.addToken('developer', { scopes: ['api'], roles: { 'acme/web': 'developer' } });
    em.addToken('reader', { scopes: ['read_api'], roles: { acme: 'owner' } });
    em.addToken('repo-only', { scopes: ['read_repository'], roles: { acme: 'owner' } });
    em.addToken('group-maintainer', { scopes: ['api'], roles: { acme: 'maintainer' } });
    em.addToken('group-owner', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addToken('expired', { scopes: ['api'], roles: { acme: 'owner' }, expiresAt: Date.now() - 1000 });
  });
  afterAll(() => em.close());

  test('no token, an unknown one or an expired one is 401', async () => {
    for (const token of [undefined, 'nope', 'expired']) {
      const r = await call(em, 'GET', WEB, { token });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ message: '401 Unauthorized' });
    }
  });

  test('PRIVATE-TOKEN and Authorization: Bearer both work', async () => {
    expect((await call(em, 'GET', WEB, { token: 'maintainer' })).status).toBe(200);
    expect((await call(em, 'GET', WEB, { token: 'maintainer', bearer: true })).status).toBe(200);
  });

  test('read_api reads but cannot write; other scopes cannot even read', async () => {
    expect((await call(em, 'GET', WEB, { token: 'reader' })).status).toBe(200);
    const write = await call(em, 'POST', WEB, { token: 'reader', body });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ error: 'insufficient_scope', scope: 'api' });
    expect((await call(em, 'GET', WEB, { token: 'repo-only' })).body.error).toBe('insufficient_scope');
    expect(em.variable('acme/web', 'K')).toBeUndefined();
  });

  test('a Developer sees the project but gets 403; a non-member gets 404 for a private one', async () => {
    const dev = await call(em, 'GET', WEB, { token: 'developer' });
    expect(dev.status).toBe(403);
    expect(dev.body).toEqual({ message: '403 Forbidden' });
    const stranger = await call(em, 'GET', '/projects/acme%2Fplatform%2Fapi/variables', {
      token: 'maintainer',
    });
    expect(stranger.status).toBe(404);
    expect(stranger.body).toEqual({ message: '404 Project Not Found' });
    const publicSite = await call(em, 'GET', '/projects/other%2Fpublic-site/variables', {
      token: 'maintainer',
    });
    expect(publicSite.status).toBe(403);
  });

  test('a group role reaches projects below it; group variables need Owner', async () => {
    const nested = await call(em, 'POST', '/projects/acme%2Fplatform%2Fapi/variables', {
      token: 'group-maintainer',
      body,
    });
    expect(nested.status).toBe(201);
    expect((await call(em, 'POST', GROUP, { token: 'group-maintainer', body })).status).toBe(403);
    expect((await call(em, 'POST', GROUP, { token: 'group-owner', body })).status).toBe(201);
    // A project member can see the private group above it, but not manage its variables.
    expect((await call(em, 'GET', GROUP, { token: 'maintainer' })).status).toBe(403);
    expect((await call(em, 'GET', '/groups/other/variables', { token: 'maintainer' })).status).toBe(404);
  });

  test('personal_access_tokens/self tells the token its scopes', async () => {
    const r = await call(em, 'GET', '/personal_access_tokens/self', { token: 'maintainer' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'rotator', scopes: ['api'], active: true, revoked: false });
    expect((await call(em, 'GET', '/personal_access_tokens/self', { token: 'reader' })).body.scopes).toEqual([
      'read_api',
    ]);
  });

  test('a revoked token is 401 from then on', async () => {
    em.addToken('short-lived', { scopes: ['api'], roles: { acme: 'owner' } });
    expect((await call(em, 'GET', WEB, { token: 'short-lived' })).status).toBe(200);
    expect(em.revokeToken('short-lived')).toBe(true);
    expect((await call(em, 'GET', WEB, { token: 'short-lived' })).status).toBe(401);
  });

  test('scripted faults apply per operation name', async () => {
    em.server.fault('project-variables/list', { kind: 'status', status: 502 });
    expect((await call(em, 'GET', WEB, { token: 'maintainer' })).status).toBe(502);
    expect((await call(em, 'GET', WEB, { token: 'maintainer' })).status).toBe(200);
    em.server.fault('group-variables/create', { kind: 'reset' }, { after: true });
    await expect(
      call(em, 'POST', GROUP, { token: 'group-owner', body: { key: 'LOST', value: 'kept' } }),
    ).rejects.toThrow();
    expect(em.variable('acme', 'LOST')?.value).toBe('kept');
  });
});
