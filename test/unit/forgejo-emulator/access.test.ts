import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type ForgejoEmulator, startForgejoEmulator } from '../../emulators/forgejo/index.js';
import { call } from './helpers.js';

const PUT = (path: string) => ['PUT', path, { data: 'x' }] as const;

describe('Forgejo emulator: tokens, scopes and roles', () => {
  let em: ForgejoEmulator;
  const put = (path: string, token?: string, scheme?: string) =>
    call(em, 'PUT', path, { token, scheme, body: { data: 'x' } });

  beforeAll(async () => {
    em = await startForgejoEmulator();
    for (const u of ['alice', 'bob', 'carol', 'dave', 'erin', 'root']) em.addUser(u, { admin: u === 'root' });
    em.addOrg('acme', { owners: ['alice'], members: ['bob'] });
    em.addOrg('hidden', { owners: ['alice'], visibility: 'private' });
    em.addRepo('acme/web', { collaborators: { bob: 'admin' }, adminTeam: ['carol'] });
    em.addRepo('acme/secret', { private: true, collaborators: { bob: 'write' } });
    em.addRepo('acme/noci', { actions: false });
    em.addRepo('dave/own', { private: true });
    em.addToken('alice-all', { user: 'alice', scopes: ['all'] });
    em.addToken('alice-read', {
      user: 'alice',
      scopes: ['read:repository', 'read:organization', 'read:user'],
    });
    em.addToken('alice-repo', { user: 'alice', scopes: ['write:repository'] });
    em.addToken('alice-public', {
      user: 'alice',
      scopes: ['public-only', 'write:repository', 'write:organization'],
    });
    em.addToken('bob', { user: 'bob', scopes: ['all'] });
    em.addToken('carol', { user: 'carol', scopes: ['write:repository'] });
    em.addToken('dave', { user: 'dave', scopes: ['write:repository', 'write:user'] });
    em.addToken('erin', { user: 'erin', scopes: ['all'] });
    em.addToken('root', { user: 'root', scopes: ['all'] });
  });
  afterAll(() => em.close());

  test('an unknown or revoked token is 401 on every path, even one with no route', async () => {
    em.addToken('short-lived', { user: 'alice', scopes: ['all'] });
    expect((await put('/repos/acme/web/actions/secrets/A', 'short-lived')).status).toBe(201);
    expect(em.revokeToken('short-lived')).toBe(true);
    for (const [method, path] of [PUT('/repos/acme/web/actions/secrets/A'), ['GET', '/no/such/route']]) {
      const r = await call(em, method, path, { token: 'short-lived' });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({
        message: 'access token not found',
        url: expect.stringMatching(/\/api\/swagger$/),
      });
    }
  });

  test('both "token" and "Bearer" schemes are accepted, in any case', async () => {
    for (const scheme of ['token', 'Bearer', 'TOKEN', 'bearer']) {
      expect((await call(em, 'GET', '/user', { token: 'alice-all', scheme })).status).toBe(200);
    }
  });

  test('without a token: 401 "token is required" where the resource is visible, 404 where it is not', async () => {
    const visible = await put('/repos/acme/web/actions/secrets/A');
    expect(visible.status).toBe(401);
    expect(visible.body.message).toBe('token is required');
    expect((await put('/repos/acme/secret/actions/secrets/A')).status).toBe(404);
    expect((await call(em, 'GET', '/user')).status).toBe(401);
  });

  test('GET needs read:<category>, PUT and DELETE need write:<category>', async () => {
    expect((await call(em, 'GET', '/repos/acme/web/actions/secrets', { token: 'alice-read' })).status).toBe(
      200,
    );
    const r = await put('/repos/acme/web/actions/secrets/A', 'alice-read');
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('token does not have at least one of required scope(s): [write:repository]');
    const del = await call(em, 'DELETE', '/orgs/acme/actions/secrets/A', { token: 'alice-read' });
    expect(del.body.message).toBe(
      'token does not have at least one of required scope(s): [write:organization]',
    );
    const user = await put('/user/actions/secrets/A', 'alice-repo');
    expect(user.body.message).toBe('token does not have at least one of required scope(s): [write:user]');
    expect((await call(em, 'GET', '/user', { token: 'alice-repo' })).status).toBe(403);
  });

  test('the scope is checked before the resource is looked up', async () => {
    const r = await put('/repos/acme/missing/actions/secrets/A', 'alice-read');
    expect(r.status).toBe(403);
  });

  test("unknown repositories and owners are 404 with Forgejo's body", async () => {
    const repo = await put('/repos/acme/missing/actions/secrets/A', 'alice-all');
    expect(repo.status).toBe(404);
    expect(repo.body).toEqual({
      message: "The target couldn't be found.",
      url: expect.any(String),
      errors: [],
    });
    const owner = await put('/repos/nobody/web/actions/secrets/A', 'alice-all');
    expect(owner.status).toBe(404);
    expect(owner.body.errors).toEqual(['user redirect does not exist [name: nobody]']);
  });

  test('a repository with Actions disabled has no secrets API (404)', async () => {
    expect((await put('/repos/acme/noci/actions/secrets/A', 'alice-all')).status).toBe(404);
  });

  test('repository secrets need its owner: org owners and admin-team members, not collaborators', async () => {
    expect((await put('/repos/acme/web/actions/secrets/A', 'carol')).status).toBe(204);
    const admin = await put('/repos/acme/web/actions/secrets/A', 'bob');
    expect(admin.status).toBe(403);
    expect(admin.body.message).toBe('user should be the owner of the repo');
    expect((await put('/repos/acme/secret/actions/secrets/A', 'bob')).status).toBe(403);
    expect((await put('/repos/acme/secret/actions/secrets/A', 'erin')).status).toBe(404);
    expect((await put('/repos/dave/own/actions/secrets/A', 'dave')).status).toBe(201);
    expect((await put('/repos/dave/own/actions/secrets/A', 'root')).status).toBe(204);
  });

  test('organization secrets need an owner of the organization', async () => {
    expect((await put('/orgs/acme/actions/secrets/A', 'alice-all')).status).toBe(201);
    const member = await put('/orgs/acme/actions/secrets/A', 'bob');
    expect(member.status).toBe(403);
    expect(member.body.message).toBe('Must be an organization owner');
    expect((await put('/orgs/acme/actions/secrets/A', 'erin')).status).toBe(403);
    expect((await call(em, 'GET', '/orgs/acme/actions/secrets', { token: 'bob' })).status).toBe(403);
    expect((await put('/orgs/acme/actions/secrets/A', 'root')).status).toBe(204);
  });

  test('a user is no organization: /orgs/<user> is 404', async () => {
    const r = await put('/orgs/alice/actions/secrets/A', 'alice-all');
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('GetOrgByName');
  });

  test('a public-only token cannot reach private repositories or non-public organizations', async () => {
    expect((await put('/repos/acme/web/actions/secrets/B', 'alice-public')).status).toBe(201);
    const repo = await put('/repos/acme/secret/actions/secrets/B', 'alice-public');
    expect(repo.status).toBe(403);
    expect(repo.body.message).toBe('token scope is limited to public repos');
    const org = await put('/orgs/hidden/actions/secrets/B', 'alice-public');
    expect(org.body.message).toBe('token scope is limited to public orgs');
  });

  test("user secrets go to the token's own user", async () => {
    expect((await put('/user/actions/secrets/MINE', 'dave')).status).toBe(201);
    expect(em.secret({ user: 'dave' }, 'MINE')?.value).toBe('x');
    expect(em.secret({ user: 'alice' }, 'MINE')).toBeUndefined();
  });
});
