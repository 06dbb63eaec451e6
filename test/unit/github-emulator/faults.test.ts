import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/index.js';
import { call, sealed } from './helpers.js';

const KEY = '/repos/acme/app/actions/secrets/public-key';
const SECRET = '/repos/acme/app/actions/secrets/TOKEN';

describe('GitHub emulator: scripted faults from http.ts', () => {
  let em: GitHubEmulator;
  beforeAll(async () => {
    em = await startGitHubEmulator();
    em.addRepo('acme/app');
    em.addToken('t', { kind: 'pat', repos: '*', permissions: { repo: 'write' } });
  });
  afterAll(() => em.close());

  test('a status fault answers once, then the real handler runs again', async () => {
    em.server.fault('actions/get-repo-public-key', { kind: 'status', status: 502 });
    expect((await call(em, 'GET', KEY, { token: 't' })).status).toBe(502);
    expect((await call(em, 'GET', KEY, { token: 't' })).status).toBe(200);
    expect(em.server.count('actions/get-repo-public-key')).toBe(2);
  });

  test('an after-fault loses the answer but the secret was written', async () => {
    const body = await sealed(em, KEY, 't', 'kept');
    em.server.fault('actions/create-or-update-repo-secret', { kind: 'reset' }, { after: true });
    await expect(call(em, 'PUT', SECRET, { token: 't', body })).rejects.toThrow();
    expect(em.secret('acme/app', 'TOKEN')?.value).toBe('kept');
    const recorded = em.server.requests.filter((r) => r.operation === 'actions/create-or-update-repo-secret');
    expect(recorded.at(-1)?.status).toBe(-1);
    expect(recorded.at(-1)?.body).toMatchObject({ key_id: body.key_id });
  });

  test('latency applies to every request', async () => {
    const slow = await startGitHubEmulator({ latencyMs: 120 });
    try {
      const t0 = Date.now();
      await call(slow, 'GET', '/repos/x/y');
      expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    } finally {
      await slow.close();
    }
  });
});
