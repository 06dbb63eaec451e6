import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitLabEmulator, startGitLabEmulator } from '../../emulators/gitlab/index.js';
import { call } from './helpers.js';

const WEB = '/projects/acme%2Fweb/variables';

describe('GitLab emulator: project and group variables', () => {
  let em: GitLabEmulator;
  let webId = 0;
  beforeAll(async () => {
    em = await startGitLabEmulator({ premium: true });
    webId = em.addProject('acme/web').id;
    em.addProject('acme/platform/api');
    em.addToken('glpat-owner', { scopes: ['api'], roles: { acme: 'owner' } });
  });
  afterAll(() => em.close());

  test('create answers 201 with the documented attributes and defaults', async () => {
    const r = await call(em, 'POST', WEB, {
      token: 'glpat-owner',
      body: { key: 'NEW_VARIABLE', value: 'new value' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      variable_type: 'env_var',
      key: 'NEW_VARIABLE',
      value: 'new value',
      hidden: false,
      protected: false,
      masked: false,
      raw: false,
      environment_scope: '*',
      description: null,
    });
    expect(em.variable('acme/web', 'NEW_VARIABLE')?.value).toBe('new value');
  });

  test('the numeric id and the encoded path name the same project; a raw slash does not route', async () => {
    const byId = await call(em, 'GET', `/projects/${webId}/variables/NEW_VARIABLE`, { token: 'glpat-owner' });
    expect(byId.status).toBe(200);
    expect(byId.body.value).toBe('new value');
    const byPath = await call(em, 'GET', `${WEB}/NEW_VARIABLE`, { token: 'glpat-owner' });
    expect(byPath.body).toEqual(byId.body);
    const unencoded = await call(em, 'GET', '/projects/acme/web/variables', { token: 'glpat-owner' });
    expect(unencoded.status).toBe(404);
    expect(unencoded.body).toEqual({ error: '404 Not Found' });
  });

  test('a nested project is addressed by its full path, encoded', async () => {
    const path = `/projects/${encodeURIComponent('acme/platform/api')}/variables`;
    expect(path).toContain('acme%2Fplatform%2Fapi');
    const r = await call(em, 'POST', path, {
      token: 'glpat-owner',
      form: { key: 'NESTED', value: 'x', raw: 'true' },
    });
    expect(r.status).toBe(201);
    expect(r.body.raw).toBe(true);
    expect(em.variable('acme/platform/api', 'NESTED')?.value).toBe('x');
    expect(em.state.owner('group', 'acme/platform')).toBeDefined();
  });

  test('update keeps what it is not given; the filter picks one of several scopes', async () => {
    const body = (scope: string, value: string) => ({ key: 'SCOPED', value, environment_scope: scope });
    await call(em, 'POST', WEB, { token: 'glpat-owner', body: body('production', 'p1') });
    await call(em, 'POST', WEB, { token: 'glpat-owner', body: body('staging', 's1') });
    const ambiguous = await call(em, 'GET', `${WEB}/SCOPED`, { token: 'glpat-owner' });
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.message).toMatch(/Please use 'filter\[environment_scope\]'/);
    const put = await call(em, 'PUT', `${WEB}/SCOPED?filter[environment_scope]=production`, {
      token: 'glpat-owner',
      body: { value: 'p2', protected: true, description: 'rotated' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      value: 'p2',
      protected: true,
      environment_scope: 'production',
      raw: false,
    });
    expect(em.variable('acme/web', 'SCOPED', 'staging')?.value).toBe('s1');
    const get = await call(em, 'GET', `${WEB}/SCOPED?filter%5Benvironment_scope%5D=production`, {
      token: 'glpat-owner',
    });
    expect(get.body).toMatchObject({ value: 'p2', description: 'rotated' });
    const none = await call(em, 'PUT', `${WEB}/SCOPED?filter[environment_scope]=review`, {
      token: 'glpat-owner',
      body: { value: 'x' },
    });
    expect(none.status).toBe(404);
    expect(none.body).toEqual({ message: '404 Variable Not Found' });
  });

  test('delete answers 204 and the variable is gone', async () => {
    const r = await call(em, 'DELETE', `${WEB}/SCOPED?filter[environment_scope]=staging`, {
      token: 'glpat-owner',
    });
    expect(r.status).toBe(204);
    expect(em.variable('acme/web', 'SCOPED', 'staging')).toBeUndefined();
    expect((await call(em, 'GET', `${WEB}/SCOPED`, { token: 'glpat-owner' })).body.environment_scope).toBe(
      'production',
    );
  });

  test('list is paginated with GitLab headers and a Link header', async () => {
    em.addProject('acme/many');
    for (let i = 0; i < 5; i++) em.seedVariable('acme/many', { key: `V${i}`, value: String(i) });
    const path = '/projects/acme%2Fmany/variables';
    const first = await call(em, 'GET', `${path}?per_page=2`, { token: 'glpat-owner' });
    expect(first.body.map((v: { key: string }) => v.key)).toEqual(['V0', 'V1']);
    expect(first.headers.get('x-total')).toBe('5');
    expect(first.headers.get('x-total-pages')).toBe('3');
    expect(first.headers.get('x-next-page')).toBe('2');
    expect(first.headers.get('x-prev-page')).toBe('');
    expect(first.headers.get('link')).toMatch(/page=2&per_page=2>; rel="next"/);
    const last = await call(em, 'GET', `${path}?per_page=2&page=3`, { token: 'glpat-owner' });
    expect(last.body.map((v: { key: string }) => v.key)).toEqual(['V4']);
    expect(last.headers.get('x-next-page')).toBe('');
    expect(last.headers.get('link')).not.toMatch(/rel="next"/);
    const all = await call(em, 'GET', path, { token: 'glpat-owner' });
    expect(all.headers.get('x-per-page')).toBe('20');
    expect(all.body).toHaveLength(5);
  });

  test('group variables live under /groups/:id, nested groups included', async () => {
    const path = `/groups/${encodeURIComponent('acme/platform')}/variables`;
    const r = await call(em, 'POST', path, {
      token: 'glpat-owner',
      body: { key: 'GROUP_VAR', value: 'g', environment_scope: 'production' },
    });
    expect(r.status).toBe(201);
    expect(r.body.environment_scope).toBe('production');
    expect(em.variable('acme/platform', 'GROUP_VAR', 'production')?.value).toBe('g');
    const missing = await call(em, 'GET', `${path}/NOPE`, { token: 'glpat-owner' });
    expect(missing.body).toEqual({ message: '404 GroupVariable Not Found' });
    const noGroup = await call(em, 'GET', '/groups/acme%2Fnope/variables', { token: 'glpat-owner' });
    expect(noGroup.status).toBe(404);
    expect(noGroup.body).toEqual({ message: '404 Group Not Found' });
  });

  test('a masked-and-hidden variable never shows its value', async () => {
    const r = await call(em, 'POST', WEB, {
      token: 'glpat-owner',
      body: { key: 'HIDDEN', value: 'c2VjcmV0LXZhbHVl', masked_and_hidden: true },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ value: null, masked: true, hidden: true });
    expect((await call(em, 'GET', `${WEB}/HIDDEN`, { token: 'glpat-owner' })).body.value).toBeNull();
    const listed = (await call(em, 'GET', WEB, { token: 'glpat-owner' })).body.find(
      (v: { key: string }) => v.key === 'HIDDEN',
    );
    expect(listed.value).toBeNull();
    expect(em.variable('acme/web', 'HIDDEN')?.value).toBe('c2VjcmV0LXZhbHVl');
  });

  test('writes lists every successful change in order, and request records hold no value', async () => {
    const kinds = em.writes.map((w) => `${w.action} ${w.kind} ${w.path} ${w.key} ${w.environmentScope}`);
    expect(kinds.slice(0, 4)).toEqual([
      'create project acme/web NEW_VARIABLE *',
      'create project acme/platform/api NESTED *',
      'create project acme/web SCOPED production',
      'create project acme/web SCOPED staging',
    ]);
    expect(kinds).toContain('update project acme/web SCOPED production');
    expect(kinds).toContain('delete project acme/web SCOPED staging');
    const creates = em.server.requests.filter((r) => r.operation === 'project-variables/create');
    expect(creates.length).toBeGreaterThan(0);
    for (const c of creates) expect(JSON.stringify(c.body)).not.toMatch(/new value|c2VjcmV0/);
    expect(creates[0].body).toMatchObject({ key: 'NEW_VARIABLE', value: '[redacted]' });
  });
});
