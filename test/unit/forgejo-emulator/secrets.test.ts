import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type ForgejoEmulator, startForgejoEmulator } from '../../emulators/forgejo/index.js';
import { call } from './helpers.js';

const REPO = '/repos/acme/web/actions/secrets';
const ORG = '/orgs/acme/actions/secrets';
const USER = '/user/actions/secrets';

describe('Forgejo emulator: Actions secrets', () => {
  let em: ForgejoEmulator;
  beforeAll(async () => {
    em = await startForgejoEmulator();
    em.addUser('alice');
    em.addOrg('acme', { owners: ['alice'] });
    em.addRepo('acme/web');
    em.addToken('t-all', { user: 'alice', scopes: ['all'] });
  });
  afterAll(() => em.close());

  test('the API is under /api/v1 and the URL has no trailing slash', () => {
    expect(em.url).not.toMatch(/\/$/);
    expect(em.apiUrl).toBe(`${em.url}/api/v1`);
  });

  test('a repository secret is created (201) then updated (204), with no body either time', async () => {
    const first = await call(em, 'PUT', `${REPO}/FLY_API_TOKEN`, { token: 't-all', body: { data: 'v1' } });
    expect(first).toMatchObject({ status: 201, body: undefined });
    expect(em.secret({ repo: 'acme/web' }, 'FLY_API_TOKEN')?.value).toBe('v1');
    const second = await call(em, 'PUT', `${REPO}/FLY_API_TOKEN`, { token: 't-all', body: { data: 'v2' } });
    expect(second).toMatchObject({ status: 204, body: undefined });
    expect(em.secret({ repo: 'ACME/Web' }, 'fly_api_token')?.value).toBe('v2');
    expect(em.writes.map((w) => [w.scope, w.name, w.status])).toEqual([
      ['repo:acme/web', 'FLY_API_TOKEN', 201],
      ['repo:acme/web', 'FLY_API_TOKEN', 204],
    ]);
  });

  test('names are stored upper-case; lower-case names address the same secret', async () => {
    expect(
      (await call(em, 'PUT', `${REPO}/deploy_key`, { token: 't-all', body: { data: 'x' } })).status,
    ).toBe(201);
    expect(
      (await call(em, 'PUT', `${REPO}/DEPLOY_KEY`, { token: 't-all', body: { data: 'y' } })).status,
    ).toBe(204);
    const listed = await call(em, 'GET', REPO, { token: 't-all' });
    expect(listed.body.map((s: { name: string }) => s.name)).toContain('DEPLOY_KEY');
    expect((await call(em, 'DELETE', `${REPO}/deploy_key`, { token: 't-all' })).status).toBe(204);
    expect(em.secret({ repo: 'acme/web' }, 'DEPLOY_KEY')).toBeUndefined();
  });

  test('invalid names are 400 "invalid secret name"; the reserved prefixes are refused in any case', async () => {
    for (const name of ['1ABC', 'GITEA_X', 'github_x', 'Forgejo_X', 'A-B', 'A%20B']) {
      const r = await call(em, 'PUT', `${REPO}/${name}`, { token: 't-all', body: { data: 'x' } });
      expect([name, r.status, r.body.message]).toEqual([name, 400, 'invalid secret name']);
      expect(typeof r.body.url).toBe('string');
    }
    const ok = await call(em, 'PUT', `${REPO}/_MY_GITHUB_TOKEN`, { token: 't-all', body: { data: 'x' } });
    expect(ok.status).toBe(201);
  });

  test('a missing or empty data is 422 before the name is looked at', async () => {
    for (const body of [{}, { data: '' }, { data: 42 }]) {
      const r = await call(em, 'PUT', `${REPO}/1BAD`, { token: 't-all', body });
      expect(r.status).toBe(422);
      expect(r.body.message).toBe('[Data]: Required');
    }
    const notJson = await call(em, 'PUT', `${REPO}/OK`, {
      token: 't-all',
      raw: '{"data":',
      contentType: 'application/json',
    });
    expect(notJson.status).toBe(422);
    const form = await call(em, 'PUT', `${REPO}/OK`, {
      token: 't-all',
      raw: 'data=x',
      contentType: 'text/plain',
    });
    expect(form.status).toBe(422);
  });

  test('Windows line breaks are stored as \\n, as Forgejo normalises them', async () => {
    await call(em, 'PUT', `${REPO}/MULTI`, { token: 't-all', body: { data: 'a\r\nb' } });
    expect(em.secret({ repo: 'acme/web' }, 'MULTI')?.value).toBe('a\nb');
  });

  test('deleting a secret that does not exist is 404 "secret was not found"', async () => {
    const r = await call(em, 'DELETE', `${REPO}/NEVER_WRITTEN`, { token: 't-all' });
    expect(r.status).toBe(404);
    expect(r.body.message).toMatch(/^secret was not found/);
  });

  test('the list holds name and created_at only, sorted by name, paginated with x-total-count', async () => {
    for (let i = 0; i < 7; i++) {
      await call(em, 'PUT', `${ORG}/S${i}`, { token: 't-all', body: { data: `v${i}` } });
    }
    const page2 = await call(em, 'GET', `${ORG}?page=2&limit=3`, { token: 't-all' });
    expect(page2.status).toBe(200);
    expect(page2.headers.get('x-total-count')).toBe('7');
    expect(page2.body.map((s: { name: string }) => s.name)).toEqual(['S3', 'S4', 'S5']);
    expect(Object.keys(page2.body[0]).sort()).toEqual(['created_at', 'name']);
    expect(page2.body[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const beyond = await call(em, 'GET', `${ORG}?page=9&limit=3`, { token: 't-all' });
    expect(beyond.body).toEqual([]);
    const capped = await call(em, 'GET', `${ORG}?limit=500`, { token: 't-all' });
    expect(capped.body).toHaveLength(7);
  });

  test('limit defaults to 30 and is capped at 50', async () => {
    em.addOrg('many', { owners: ['alice'] });
    for (let i = 0; i < 60; i++) {
      await call(em, 'PUT', `/orgs/many/actions/secrets/N${String(i).padStart(2, '0')}`, {
        token: 't-all',
        body: { data: 'x' },
      });
    }
    expect((await call(em, 'GET', '/orgs/many/actions/secrets', { token: 't-all' })).body).toHaveLength(30);
    const big = await call(em, 'GET', '/orgs/many/actions/secrets?limit=100', { token: 't-all' });
    expect(big.body).toHaveLength(50);
    expect(big.headers.get('x-total-count')).toBe('60');
  });

  test("user secrets are the token's user's own; there is no list of them", async () => {
    const put = await call(em, 'PUT', `${USER}/FLY_API_TOKEN`, { token: 't-all', body: { data: 'mine' } });
    expect(put.status).toBe(201);
    expect(em.secret({ user: 'alice' }, 'FLY_API_TOKEN')?.value).toBe('mine');
    expect((await call(em, 'GET', USER, { token: 't-all' })).status).toBe(404);
    expect((await call(em, 'GET', `${USER}/FLY_API_TOKEN`, { token: 't-all' })).status).toBe(405);
    expect((await call(em, 'DELETE', `${USER}/FLY_API_TOKEN`, { token: 't-all' })).status).toBe(204);
  });

  test('GET /user answers the token user', async () => {
    const r = await call(em, 'GET', '/user', { token: 't-all' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ login: 'alice', username: 'alice', is_admin: false });
  });

  test('recorded requests keep the body shape but never the secret value', async () => {
    await call(em, 'PUT', `${REPO}/RECORDED`, { token: 't-all', body: { data: 'plaintext-value' } });
    const rec = em.server.requests.filter((r) => r.operation === 'updateRepoSecret').at(-1);
    expect(rec?.body).toEqual({ data: '<15 characters>' });
    expect(JSON.stringify(em.server.requests)).not.toContain('plaintext-value');
  });

  test('faults are scripted by swagger operationId', async () => {
    em.server.fault('updateOrgSecret', { kind: 'status', status: 502 });
    expect((await call(em, 'PUT', `${ORG}/FAULTY`, { token: 't-all', body: { data: 'x' } })).status).toBe(
      502,
    );
    expect(em.secret({ org: 'acme' }, 'FAULTY')).toBeUndefined();
    em.server.fault('updateOrgSecret', { kind: 'status', status: 500 }, { after: true });
    expect((await call(em, 'PUT', `${ORG}/FAULTY`, { token: 't-all', body: { data: 'y' } })).status).toBe(
      500,
    );
    expect(em.secret({ org: 'acme' }, 'FAULTY')?.value).toBe('y');
  });
});
