import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/index.js';
import { appJwt, call, sealed } from './helpers.js';

describe('GitHub emulator: GitHub App flow', () => {
  let em: GitHubEmulator;
  let pem = '';
  let jwt = '';
  let installationId = 0;
  let toolsId = 0;
  beforeAll(async () => {
    em = await startGitHubEmulator();
    em.addRepo('acme/app');
    toolsId = em.addRepo('acme/tools').id;
    em.addRepo('acme/secret-stuff');
    em.addRepo('octo/personal', { ownerType: 'User' });
    const app = em.addApp({ id: 101 });
    pem = app.privateKeyPem;
    installationId = em.installApp(101, 'acme', {
      repos: ['acme/app', 'tools'],
      permissions: { metadata: 'read', secrets: 'write', environments: 'read' },
    }).id;
    em.installApp(101, 'octo', { repos: '*', permissions: { secrets: 'read' } });
    jwt = appJwt(pem, 101);
  });
  afterAll(() => em.close());

  test('addApp generates an RSA private key PEM', () => {
    expect(pem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
  });

  test('installation lookups by repo, org and user with the app JWT', async () => {
    const repo = await call(em, 'GET', '/repos/acme/app/installation', { token: jwt });
    expect(repo.status).toBe(200);
    expect(repo.body).toMatchObject({ id: installationId, app_id: 101, repository_selection: 'selected' });
    expect(repo.body.account.login).toBe('acme');
    expect((await call(em, 'GET', '/repos/acme/secret-stuff/installation', { token: jwt })).status).toBe(404);
    expect((await call(em, 'GET', '/orgs/acme/installation', { token: jwt })).body.id).toBe(installationId);
    expect((await call(em, 'GET', '/users/octo/installation', { token: jwt })).body.target_type).toBe('User');
    expect((await call(em, 'GET', '/users/acme/installation', { token: jwt })).status).toBe(404);
  });

  test('a JWT signed by another key, or with bad iat/exp, is 401', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    const forged = await call(em, 'GET', '/orgs/acme/installation', { token: appJwt(other, 101) });
    expect(forged.status).toBe(401);
    expect(forged.body.message).toBe('A JSON web token could not be decoded');
    const now = Math.floor(Date.now() / 1000);
    const far = await call(em, 'GET', '/orgs/acme/installation', {
      token: appJwt(pem, 101, { exp: now + 700 }),
    });
    expect(far.status).toBe(401);
    expect(far.body.message).toMatch(/too far in the future/);
    const expired = await call(em, 'GET', '/orgs/acme/installation', {
      token: appJwt(pem, 101, { iat: now - 700, exp: now - 60 }),
    });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/'Expiration time' claim/);
  });

  test('a personal access token cannot call /app endpoints', async () => {
    em.addToken('pat', { kind: 'pat', repos: '*', permissions: { repo: 'write' } });
    const r = await call(em, 'POST', `/app/installations/${installationId}/access_tokens`, { token: 'pat' });
    expect(r.status).toBe(401);
  });

  test('default installation token covers the installation and can write secrets', async () => {
    const r = await call(em, 'POST', `/app/installations/${installationId}/access_tokens`, { token: jwt });
    expect(r.status).toBe(201);
    expect(r.body.token).toMatch(/^ghs_[A-Za-z0-9]{36}$/);
    expect(Date.parse(r.body.expires_at) - Date.now()).toBeGreaterThan(3500_000);
    expect(r.body.permissions).toEqual({ metadata: 'read', secrets: 'write', environments: 'read' });
    expect(r.body.repositories.map((x: { full_name: string }) => x.full_name)).toEqual([
      'acme/app',
      'acme/tools',
    ]);
    const token = r.body.token as string;
    const body = await sealed(em, '/repos/acme/tools/actions/secrets/public-key', token, 'from-app');
    expect((await call(em, 'PUT', '/repos/acme/tools/actions/secrets/T', { token, body })).status).toBe(201);
    expect((await call(em, 'GET', '/repos/acme/secret-stuff', { token })).status).toBe(404);
  });

  test('requested repositories and permissions limit the token exactly', async () => {
    const r = await call(em, 'POST', `/app/installations/${installationId}/access_tokens`, {
      token: jwt,
      body: { repository_ids: [toolsId], permissions: { secrets: 'read' } },
    });
    expect(r.status).toBe(201);
    expect(r.body.repository_selection).toBe('selected');
    const token = r.body.token as string;
    expect((await call(em, 'GET', '/repos/acme/tools/actions/secrets/public-key', { token })).status).toBe(
      200,
    );
    expect((await call(em, 'GET', '/repos/acme/app/actions/secrets/public-key', { token })).status).toBe(404);
    const body = await sealed(em, '/repos/acme/tools/actions/secrets/public-key', token, 'x');
    const put = await call(em, 'PUT', '/repos/acme/tools/actions/secrets/T', { token, body });
    expect(put.status).toBe(403);
    expect(put.body.message).toBe('Resource not accessible by integration');
  });

  test('asking for more than the installation has is 422', async () => {
    const url = `/app/installations/${installationId}/access_tokens`;
    const repo = await call(em, 'POST', url, { token: jwt, body: { repositories: ['secret-stuff'] } });
    expect(repo.status).toBe(422);
    const perm = await call(em, 'POST', url, {
      token: jwt,
      body: { permissions: { environments: 'write' } },
    });
    expect(perm.status).toBe(422);
    expect(perm.body.message).toBe('The permissions requested are not granted to this installation.');
    const schema = await call(em, 'POST', url, { token: jwt, body: { permissions: { secrets: 'admin' } } });
    expect(schema.status).toBe(422);
    expect(schema.body.message).toMatch(/^Invalid request\./);
    expect((await call(em, 'POST', '/app/installations/999999/access_tokens', { token: jwt })).status).toBe(
      404,
    );
  });

  test('revoking the installation token: 204, then the token is bad credentials', async () => {
    const { body } = await call(em, 'POST', `/app/installations/${installationId}/access_tokens`, {
      token: jwt,
    });
    expect((await call(em, 'DELETE', '/installation/token', { token: body.token })).status).toBe(204);
    expect((await call(em, 'GET', '/repos/acme/app', { token: body.token })).status).toBe(401);
  });

  test('expired installation tokens are 401', async () => {
    const { body } = await call(em, 'POST', `/app/installations/${installationId}/access_tokens`, {
      token: jwt,
    });
    em.state.tokens.get(body.token)!.expiresAt = Date.now() - 1;
    expect((await call(em, 'GET', '/repos/acme/app', { token: body.token })).status).toBe(401);
  });

  test('@octokit/auth-app mints a working installation token against the emulator', async () => {
    const auth = createAppAuth({
      appId: 101,
      privateKey: pem,
      installationId,
      request: new Octokit({ baseUrl: em.url }).request,
    });
    const { token } = await auth({ type: 'installation', repositoryNames: ['app'] });
    const r = await call(em, 'GET', '/repos/acme/app/actions/secrets/public-key', { token });
    expect(r.status).toBe(200);
    expect(em.server.count('apps/create-installation-access-token')).toBeGreaterThan(0);
  });
});
