import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/index.js';
import { call, sealed } from './helpers.js';

const KEY = '/orgs/acme/actions/secrets/public-key';
const SECRET = '/orgs/acme/actions/secrets/FLY_ORG_TOKEN';

describe('GitHub emulator: organization Actions secrets', () => {
  let em: GitHubEmulator;
  let appId = 0;
  let siteId = 0;
  beforeAll(async () => {
    em = await startGitHubEmulator();
    appId = em.addRepo('acme/app').id;
    siteId = em.addRepo('acme/site').id;
    em.addRepo('other/thing');
    em.addToken('admin', { kind: 'pat', repos: '*', permissions: { repo: 'write', 'admin:org': 'write' } });
    em.addToken('repo_only', { kind: 'pat', repos: '*', permissions: { repo: 'write' } });
    em.addToken('fg_org', {
      kind: 'fine-grained',
      repos: '*',
      permissions: { organization_secrets: 'write' },
    });
    em.addToken('fg_other', {
      kind: 'fine-grained',
      repos: '*',
      orgs: ['other'],
      permissions: { organization_secrets: 'write' },
    });
  });
  afterAll(() => em.close());

  test('create with selected visibility, read back metadata and the selected repositories', async () => {
    const body = {
      ...(await sealed(em, KEY, 'admin', 'org-v1')),
      visibility: 'selected',
      selected_repository_ids: [appId],
    };
    expect((await call(em, 'PUT', SECRET, { token: 'admin', body })).status).toBe(201);
    const stored = em.secretAt({ scope: 'org', org: 'acme' }, 'FLY_ORG_TOKEN');
    expect(stored).toMatchObject({ value: 'org-v1', visibility: 'selected', selectedRepositoryIds: [appId] });
    const meta = await call(em, 'GET', SECRET, { token: 'admin' });
    expect(meta.body).toMatchObject({ name: 'FLY_ORG_TOKEN', visibility: 'selected' });
    expect(meta.body.selected_repositories_url).toBe(
      `${em.url}/orgs/acme/actions/secrets/FLY_ORG_TOKEN/repositories`,
    );
    const list = await call(em, 'GET', `${SECRET}/repositories`, { token: 'admin' });
    expect(list.body.total_count).toBe(1);
    expect(list.body.repositories[0].full_name).toBe('acme/app');
  });

  test('set-selected-repos replaces the list; unknown or foreign repository ids are 422', async () => {
    const r = await call(em, 'PUT', `${SECRET}/repositories`, {
      token: 'fg_org',
      body: { selected_repository_ids: [siteId] },
    });
    expect(r.status).toBe(204);
    expect(em.secretAt({ scope: 'org', org: 'acme' }, 'FLY_ORG_TOKEN')?.selectedRepositoryIds).toEqual([
      siteId,
    ]);
    const foreign = em.state.repo('other/thing')!.id;
    const bad = await call(em, 'PUT', `${SECRET}/repositories`, {
      token: 'admin',
      body: { selected_repository_ids: [foreign] },
    });
    expect(bad.status).toBe(422);
    const badType = await call(em, 'PUT', `${SECRET}/repositories`, {
      token: 'admin',
      body: { selected_repository_ids: 'x' },
    });
    expect(badType.status).toBe(422);
  });

  test('visibility-only update keeps the value (204); selected-repo endpoints then answer 409', async () => {
    const r = await call(em, 'PUT', SECRET, { token: 'admin', body: { visibility: 'private' } });
    expect(r.status).toBe(204);
    expect(em.secretAt({ scope: 'org', org: 'acme' }, 'FLY_ORG_TOKEN')).toMatchObject({
      value: 'org-v1',
      visibility: 'private',
    });
    expect((await call(em, 'GET', `${SECRET}/repositories`, { token: 'admin' })).status).toBe(409);
  });

  test('visibility is required by the OpenAPI schema; a new secret needs a value', async () => {
    const body = await sealed(em, KEY, 'admin', 'x');
    const r = await call(em, 'PUT', '/orgs/acme/actions/secrets/NEW', { token: 'admin', body });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('Invalid request.\n\n"visibility" wasn\'t supplied.');
    const noValue = await call(em, 'PUT', '/orgs/acme/actions/secrets/NEW', {
      token: 'admin',
      body: { visibility: 'all' },
    });
    expect(noValue.status).toBe(422);
    const badEnum = await call(em, 'PUT', '/orgs/acme/actions/secrets/NEW', {
      token: 'admin',
      body: { ...body, visibility: 'x' },
    });
    expect(badEnum.body.message).toContain(
      `For 'properties/visibility', "x" is not a member of ["all", "private", "selected"].`,
    );
  });

  test('permissions: classic needs admin:org (403), foreign org is 404, unknown org is 404', async () => {
    const r = await call(em, 'GET', KEY, { token: 'repo_only' });
    expect(r.status).toBe(403);
    expect(r.headers.get('x-accepted-oauth-scopes')).toBe('admin:org');
    expect((await call(em, 'GET', KEY, { token: 'fg_other' })).status).toBe(404);
    expect(
      (await call(em, 'GET', '/orgs/nobody/actions/secrets/public-key', { token: 'admin' })).status,
    ).toBe(404);
  });
});
