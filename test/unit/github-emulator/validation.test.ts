import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitHubEmulator, SERVED_OPERATIONS, startGitHubEmulator } from '../../emulators/github/index.js';
import { call, sealed } from './helpers.js';

const SECRET = '/repos/acme/app/actions/secrets/TOKEN';

describe('GitHub emulator: OpenAPI body validation', () => {
  let em: GitHubEmulator;
  beforeAll(async () => {
    em = await startGitHubEmulator();
    em.addRepo('acme/app');
    em.addToken('t', { kind: 'pat', repos: '*', permissions: { repo: 'write' } });
  });
  afterAll(() => em.close());

  test('the committed subset describes exactly the served operations', () => {
    const subset = JSON.parse(
      readFileSync(new URL('../../emulators/github/openapi-subset.json', import.meta.url), 'utf8'),
    );
    expect(subset.package).toBe('@octokit/openapi');
    expect(Object.keys(subset.operations).sort()).toEqual([...SERVED_OPERATIONS].sort());
  });

  test('missing key_id is 422 in GitHub words', async () => {
    const r = await call(em, 'PUT', SECRET, { token: 't', body: { encrypted_value: 'c2VjcmV0' } });
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('Invalid request.\n\n"key_id" wasn\'t supplied.');
    expect(r.body.status).toBe('422');
    expect(r.body.documentation_url).toContain('create-or-update-a-repository-secret');
  });

  test('non-base64 encrypted_value and wrong types are 422', async () => {
    const bad = await call(em, 'PUT', SECRET, {
      token: 't',
      body: { encrypted_value: 'not base64!', key_id: '1' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/^Invalid request\.\n\nFor 'properties\/encrypted_value'/);
    const typed = await call(em, 'PUT', SECRET, {
      token: 't',
      body: { encrypted_value: 'c2VjcmV0', key_id: 7 },
    });
    expect(typed.status).toBe(422);
    expect(typed.body.message).toContain(`For 'properties/key_id', 7 is not a string.`);
  });

  test('a body that is not JSON is 400 Problems parsing JSON', async () => {
    const r = await call(em, 'PUT', SECRET, { token: 't', raw: '{"encrypted' });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('Problems parsing JSON');
  });

  test('invalid secret names are 422', async () => {
    const body = await sealed(em, '/repos/acme/app/actions/secrets/public-key', 't', 'x');
    expect(
      (await call(em, 'PUT', '/repos/acme/app/actions/secrets/GITHUB_X', { token: 't', body })).status,
    ).toBe(422);
    expect((await call(em, 'PUT', '/repos/acme/app/actions/secrets/1ABC', { token: 't', body })).status).toBe(
      422,
    );
  });
});
