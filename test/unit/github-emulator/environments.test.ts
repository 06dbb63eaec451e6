import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/index.js';
import { call, sealed } from './helpers.js';

const ENV = '/repos/acme/app/environments/production';
const ENV_KEY = `${ENV}/secrets/public-key`;

describe('GitHub emulator: environments and environment secrets', () => {
  let em: GitHubEmulator;
  beforeAll(async () => {
    em = await startGitHubEmulator();
    em.addRepo('acme/app', { environments: ['production'] });
    em.addToken('pat', { kind: 'pat', repos: '*', permissions: { repo: 'write' } });
    em.addToken('fg_env', { kind: 'fine-grained', repos: '*', permissions: { environments: 'write' } });
    em.addToken('fg_secrets', { kind: 'fine-grained', repos: '*', permissions: { secrets: 'write' } });
    em.addToken('gh_actions', { kind: 'actions', repos: ['acme/app'], permissions: { actions: 'read' } });
  });
  afterAll(() => em.close());

  test('repos/get-environment answers an existing environment and 404 for others', async () => {
    const r = await call(em, 'GET', ENV, { token: 'pat' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'production', protection_rules: [] });
    expect((await call(em, 'GET', '/repos/acme/app/environments/staging', { token: 'pat' })).status).toBe(
      404,
    );
    expect(
      (await call(em, 'GET', '/repos/acme/app/environments/staging/secrets/public-key', { token: 'pat' }))
        .status,
    ).toBe(404);
    expect((await call(em, 'GET', ENV, { token: 'gh_actions' })).status).toBe(200);
  });

  test('repos/get-environment needs Actions: read; Environments: write is not enough', async () => {
    const r = await call(em, 'GET', ENV, { token: 'fg_env' });
    expect(r.status).toBe(403);
    expect(r.headers.get('x-accepted-github-permissions')).toBe('actions=read');
  });

  test('each environment has its own key store, distinct from the repository one', async () => {
    const repoKey = await call(em, 'GET', '/repos/acme/app/actions/secrets/public-key', { token: 'pat' });
    const envKey = await call(em, 'GET', ENV_KEY, { token: 'pat' });
    expect(envKey.status).toBe(200);
    expect(envKey.body.key).not.toBe(repoKey.body.key);
    expect(envKey.body.key_id).not.toBe(repoKey.body.key_id);
  });

  test('sealed environment secret: 201 then 204, readable through secretAt', async () => {
    const put = async (v: string) =>
      call(em, 'PUT', `${ENV}/secrets/FLY_API_TOKEN`, {
        token: 'fg_env',
        body: await sealed(em, ENV_KEY, 'fg_env', v),
      });
    expect((await put('one')).status).toBe(201);
    expect((await put('two')).status).toBe(204);
    const target = { scope: 'environment', repo: 'acme/app', environment: 'production' } as const;
    expect(em.secretAt(target, 'FLY_API_TOKEN')?.value).toBe('two');
    expect(em.secret('acme/app', 'FLY_API_TOKEN')).toBeUndefined();
    expect(em.secretWrites.at(-1)?.target).toBe('acme/app/environments/production');
    const meta = await call(em, 'GET', `${ENV}/secrets/FLY_API_TOKEN`, { token: 'fg_env' });
    expect(meta.body.name).toBe('FLY_API_TOKEN');
  });

  test('environment secrets need the environments permission; GITHUB_TOKEN never gets them', async () => {
    const r = await call(em, 'GET', ENV_KEY, { token: 'fg_secrets' });
    expect(r.status).toBe(403);
    expect(r.headers.get('x-accepted-github-permissions')).toBe('environments=read');
    const a = await call(em, 'GET', ENV_KEY, { token: 'gh_actions' });
    expect(a.status).toBe(403);
    expect(a.body.message).toBe('Resource not accessible by integration');
  });
});
