import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/index.js';
import { call, sealed } from './helpers.js';

describe('GitHub emulator: Dependabot and Codespaces secrets', () => {
  let em: GitHubEmulator;
  beforeAll(async () => {
    em = await startGitHubEmulator();
    em.addRepo('acme/app');
    em.addToken('admin', { kind: 'pat', repos: '*', permissions: { repo: 'write', 'admin:org': 'write' } });
    em.addToken('ghs_inst', {
      kind: 'installation',
      repos: '*',
      owner: 'acme',
      permissions: {
        dependabot_secrets: 'write',
        codespaces_secrets: 'write',
        organization_dependabot_secrets: 'write',
        organization_codespaces_secrets: 'write',
      },
    });
    em.addToken('fg_dep', { kind: 'fine-grained', repos: '*', permissions: { dependabot_secrets: 'write' } });
  });
  afterAll(() => em.close());

  const stores = [
    '/repos/acme/app/actions/secrets',
    '/repos/acme/app/dependabot/secrets',
    '/repos/acme/app/codespaces/secrets',
    '/orgs/acme/actions/secrets',
    '/orgs/acme/dependabot/secrets',
    '/orgs/acme/codespaces/secrets',
  ];

  test('every store has its own real keypair', async () => {
    const keys = await Promise.all(stores.map((s) => call(em, 'GET', `${s}/public-key`, { token: 'admin' })));
    expect(keys.map((k) => k.status)).toEqual(stores.map(() => 200));
    expect(new Set(keys.map((k) => k.body.key)).size).toBe(stores.length);
  });

  test('repo and org secrets of each app are stored apart', async () => {
    for (const [i, s] of stores.entries()) {
      const body = { ...(await sealed(em, `${s}/public-key`, 'admin', `value-${i}`)), visibility: 'all' };
      const r = await call(em, 'PUT', `${s}/SHARED_NAME`, {
        token: 'admin',
        body: s.startsWith('/orgs') ? body : { encrypted_value: body.encrypted_value, key_id: body.key_id },
      });
      expect(r.status).toBe(201);
    }
    expect(em.secretAt({ scope: 'repo', repo: 'acme/app', app: 'dependabot' }, 'SHARED_NAME')?.value).toBe(
      'value-1',
    );
    expect(em.secretAt({ scope: 'repo', repo: 'acme/app', app: 'codespaces' }, 'SHARED_NAME')?.value).toBe(
      'value-2',
    );
    expect(em.secretAt({ scope: 'org', org: 'acme', app: 'codespaces' }, 'SHARED_NAME')?.value).toBe(
      'value-5',
    );
    expect(em.secretWrites.map((w) => `${w.app}:${w.target}`)).toEqual([
      'actions:acme/app',
      'dependabot:acme/app',
      'codespaces:acme/app',
      'actions:orgs/acme',
      'dependabot:orgs/acme',
      'codespaces:orgs/acme',
    ]);
  });

  test('a key from another store is refused (422)', async () => {
    const body = await sealed(em, '/repos/acme/app/actions/secrets/public-key', 'admin', 'x');
    const r = await call(em, 'PUT', '/repos/acme/app/dependabot/secrets/X', { token: 'admin', body });
    expect(r.status).toBe(422);
  });

  test('fine-grained dependabot_secrets does not open Actions secrets', async () => {
    expect(
      (await call(em, 'GET', '/repos/acme/app/dependabot/secrets/public-key', { token: 'fg_dep' })).status,
    ).toBe(200);
    expect(
      (await call(em, 'GET', '/repos/acme/app/actions/secrets/public-key', { token: 'fg_dep' })).status,
    ).toBe(403);
  });

  test('endpoints GitHub Apps cannot use answer 403 to installation tokens', async () => {
    expect(
      (await call(em, 'GET', '/orgs/acme/dependabot/secrets/public-key', { token: 'ghs_inst' })).status,
    ).toBe(200);
    const r = await call(em, 'GET', '/orgs/acme/codespaces/secrets/public-key', { token: 'ghs_inst' });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('Resource not accessible by integration');
  });
});
