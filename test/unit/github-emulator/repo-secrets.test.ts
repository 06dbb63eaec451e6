import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/index.js';
import { call, sealed } from './helpers.js';

const KEY = '/repos/acme/app/actions/secrets/public-key';
const SECRET = '/repos/acme/app/actions/secrets/FLY_API_TOKEN';

describe('GitHub emulator: repository Actions secrets', () => {
  let em: GitHubEmulator;
  beforeAll(async () => {
    em = await startGitHubEmulator();
    em.addRepo('acme/app', { id: 4242 });
    em.addToken('ghp_classic', { kind: 'pat', repos: ['acme/app'], permissions: { repo: 'write' } });
  });
  afterAll(() => em.close());

  test('url has no trailing slash and repos/get answers the repository', async () => {
    expect(em.url).not.toMatch(/\/$/);
    const r = await call(em, 'GET', '/repos/acme/app', { token: 'ghp_classic' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 4242, name: 'app', full_name: 'acme/app', private: true });
    expect(r.body.owner.login).toBe('acme');
    expect(r.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/);
    expect(Number(r.headers.get('x-ratelimit-limit'))).toBe(5000);
    expect(Number(r.headers.get('x-ratelimit-remaining'))).toBeLessThan(5000);
  });

  test('public key is a real 32-byte curve25519 key with a string key_id', async () => {
    const r = await call(em, 'GET', KEY, { token: 'ghp_classic' });
    expect(r.status).toBe(200);
    expect(typeof r.body.key_id).toBe('string');
    expect(Buffer.from(r.body.key, 'base64')).toHaveLength(32);
  });

  test('a sealed value is opened and stored; create is 201, update is 204', async () => {
    const first = await call(em, 'PUT', SECRET, {
      token: 'ghp_classic',
      body: await sealed(em, KEY, 'ghp_classic', 'v1'),
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({});
    expect(em.secret('acme/app', 'FLY_API_TOKEN')?.value).toBe('v1');
    const second = await call(em, 'PUT', SECRET, {
      token: 'ghp_classic',
      body: await sealed(em, KEY, 'ghp_classic', 'v2'),
    });
    expect(second.status).toBe(204);
    expect(second.body).toBeUndefined();
    const stored = em.secret('acme/app', 'fly_api_token');
    expect(stored?.value).toBe('v2');
    expect(em.secretWrites.map((w) => [w.target, w.name, w.status])).toEqual([
      ['acme/app', 'FLY_API_TOKEN', 201],
      ['acme/app', 'FLY_API_TOKEN', 204],
    ]);
    const meta = await call(em, 'GET', SECRET, { token: 'ghp_classic' });
    expect(meta.status).toBe(200);
    expect(meta.body).toEqual({
      name: 'FLY_API_TOKEN',
      created_at: stored?.createdAt,
      updated_at: stored?.updatedAt,
    });
    expect(meta.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  test('an unknown secret is 404', async () => {
    expect(
      (await call(em, 'GET', '/repos/acme/app/actions/secrets/NOPE', { token: 'ghp_classic' })).status,
    ).toBe(404);
  });

  test('a stale key_id after rotation, or a box sealed to another key, is 422', async () => {
    const body = await sealed(em, KEY, 'ghp_classic', 'old');
    em.rotateRepoKey('acme/app');
    const stale = await call(em, 'PUT', SECRET, { token: 'ghp_classic', body });
    expect(stale.status).toBe(422);
    const current = await call(em, 'GET', KEY, { token: 'ghp_classic' });
    const wrongBox = await call(em, 'PUT', SECRET, {
      token: 'ghp_classic',
      body: { ...body, key_id: current.body.key_id },
    });
    expect(wrongBox.status).toBe(422);
    expect(em.secret('acme/app', 'FLY_API_TOKEN')?.value).toBe('v2');
  });

  test('the API is also served under /api/v3 (GHES base URL)', async () => {
    const r = await call(em, 'GET', '/api/v3/repos/acme/app', { token: 'ghp_classic' });
    expect(r.status).toBe(200);
    expect(r.body.url).toBe(`${em.url}/api/v3/repos/acme/app`);
    expect(em.server.requests.at(-1)?.operation).toBe('repos/get');
  });

  test('unknown routes are 404 with operation "unknown"', async () => {
    const r = await call(em, 'GET', '/repos/acme/app/nothing-here', { token: 'ghp_classic' });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ message: 'Not Found', status: '404' });
    expect(em.server.requests.at(-1)?.operation).toBe('unknown');
  });
});
