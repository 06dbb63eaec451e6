import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/index.js';
import { call, sealed } from './helpers.js';

const KEY = '/repos/acme/app/actions/secrets/public-key';
const SECRET = '/repos/acme/app/actions/secrets/TOKEN';

describe('GitHub emulator: credentials and permissions', () => {
  let em: GitHubEmulator;
  beforeAll(async () => {
    em = await startGitHubEmulator();
    em.addRepo('acme/app');
    em.addRepo('acme/other');
    em.addRepo('acme/site', { private: false });
    em.addToken('ghp_admin', { kind: 'pat', repos: '*', permissions: { repo: 'write' } });
    em.addToken('ghp_noscope', { kind: 'pat', repos: '*', permissions: {} });
    em.addToken('github_pat_rw', {
      kind: 'fine-grained',
      repos: ['acme/app'],
      permissions: { secrets: 'write' },
    });
    em.addToken('github_pat_ro', {
      kind: 'fine-grained',
      repos: ['acme/app'],
      permissions: { secrets: 'read' },
    });
    em.addToken('ghs_actions', { kind: 'actions', repos: ['acme/app'], permissions: { secrets: 'write' } });
    em.addToken('ghs_expired', {
      kind: 'installation',
      repos: '*',
      permissions: { secrets: 'write' },
      expiresAt: Date.now() - 1,
    });
  });
  afterAll(() => em.close());

  test('unknown token is 401 Bad credentials with GitHub body', async () => {
    const r = await call(em, 'GET', '/repos/acme/app', { token: 'ghp_nope' });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository',
      status: '401',
    });
  });

  test('expired token is 401; missing token is 401 Requires authentication', async () => {
    expect((await call(em, 'GET', KEY, { token: 'ghs_expired' })).status).toBe(401);
    const anon = await call(em, 'GET', '/repos/acme/site/actions/secrets/public-key');
    expect(anon.status).toBe(401);
    expect(anon.body.message).toBe('Requires authentication');
    expect((await call(em, 'GET', '/repos/acme/app')).status).toBe(404);
    expect((await call(em, 'GET', '/repos/acme/site')).status).toBe(200);
  });

  test('both "token" and "Bearer" schemes are accepted', async () => {
    const res = await fetch(`${em.url}/repos/acme/app`, { headers: { authorization: 'token ghp_admin' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oauth-scopes')).toBe('repo');
  });

  test('a token without access to a private repo gets 404 Not Found', async () => {
    const r = await call(em, 'GET', '/repos/acme/other/actions/secrets/public-key', {
      token: 'github_pat_rw',
    });
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('Not Found');
    expect((await call(em, 'GET', '/repos/acme/app', { token: 'ghp_noscope' })).status).toBe(404);
  });

  test('fine-grained read-only token cannot write: 403 by personal access token', async () => {
    const body = await sealed(em, KEY, 'github_pat_ro', 'x');
    const r = await call(em, 'PUT', SECRET, { token: 'github_pat_ro', body });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('Resource not accessible by personal access token');
    expect(r.headers.get('x-accepted-github-permissions')).toBe('secrets=write');
    const ok = await call(em, 'PUT', SECRET, { token: 'github_pat_rw', body });
    expect(ok.status).toBe(201);
  });

  test('GITHUB_TOKEN can read the repo but never secrets: 403 by integration', async () => {
    expect((await call(em, 'GET', '/repos/acme/app', { token: 'ghs_actions' })).status).toBe(200);
    const r = await call(em, 'GET', KEY, { token: 'ghs_actions' });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('Resource not accessible by integration');
    expect(r.headers.get('x-ratelimit-limit')).toBe('1000');
  });

  test('auth is checked before the body: a bad body with a bad token is 401', async () => {
    expect((await call(em, 'PUT', SECRET, { token: 'nope', body: {} })).status).toBe(401);
  });

  test('an exhausted rate limit answers 403 with remaining 0', async () => {
    em.addToken('ghp_busy', { kind: 'pat', repos: '*', permissions: { repo: 'write' } });
    em.setRateLimitRemaining('ghp_busy', 1);
    expect((await call(em, 'GET', '/repos/acme/app', { token: 'ghp_busy' })).status).toBe(200);
    const r = await call(em, 'GET', '/repos/acme/app', { token: 'ghp_busy' });
    expect(r.status).toBe(403);
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
  });
});
