import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitLabEmulator, startGitLabEmulator } from '../../emulators/gitlab/index.js';
import { call } from './helpers.js';

const WEB = '/projects/acme%2Fweb/variables';
/** The shape of a Fly token header: a space after FlyV1 and comma-separated macaroons. */
const FLY = 'FlyV1 fm2_lJPECAAAAAAAAB1gxBB+Tdg1wNz3,fm2_lJPEEG9dG9rZW4gdmFsdWUgaGVyZQ==';

describe('GitLab emulator: validation as GitLab answers it', () => {
  let em: GitLabEmulator;
  const post = (body: unknown) => call(em, 'POST', WEB, { token: 't', body });
  beforeAll(async () => {
    em = await startGitLabEmulator();
    em.addProject('acme/web');
    em.addGroup('acme/ops');
    em.addToken('t', { scopes: ['api'], roles: { acme: 'owner' } });
  });
  afterAll(() => em.close());

  test('missing parameters and bad types are Grape errors', async () => {
    const missing = await post({});
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: 'key is missing, value is missing' });
    const type = await post({ key: 'K', value: 'v', variable_type: 'secret' });
    expect(type.body).toEqual({ error: 'variable_type does not have a valid value' });
    const bool = await post({ key: 'K', value: 'v', protected: 'sometimes' });
    expect(bool.body).toEqual({ error: 'protected is invalid' });
  });

  test('keys: letters, digits and _ only, at most 255', async () => {
    const bad = await post({ key: 'FLY-TOKEN', value: 'v' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ message: { key: ["can contain only letters, digits and '_'."] } });
    const long = await post({ key: 'K'.repeat(256), value: 'v' });
    expect(long.body.message.key).toEqual(['is too long (maximum is 255 characters)']);
    expect((await post({ key: 'K'.repeat(255), value: 'v' })).status).toBe(201);
  });

  test('the same key and scope twice is "has already been taken"; another scope is fine', async () => {
    expect((await post({ key: 'DUP', value: 'a' })).status).toBe(201);
    const again = await post({ key: 'DUP', value: 'b' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: { key: ['(DUP) has already been taken'] } });
    expect((await post({ key: 'DUP', value: 'b', environment_scope: 'production' })).status).toBe(201);
    expect(em.variable('acme/web', 'DUP')?.value).toBe('a');
  });

  test('a masked value must be one line of ≥8 Base64 characters plus @:.~ (or non-space ones with raw)', async () => {
    const masked = (key: string, value: string, raw = false) => post({ key, value, masked: true, raw });
    expect((await masked('M1', 'c2VjcmV0:@.~_-+/=')).status).toBe(201);
    expect((await masked('M2', 'short')).body).toEqual({ message: { value: ['is invalid'] } });
    expect((await masked('M3', 'has,comma')).status).toBe(400);
    expect((await masked('M4', 'two\nlines')).status).toBe(400);
    expect((await masked('M5', 'dollar$sign')).status).toBe(400);
    expect((await masked('M6', 'dollar$sign', true)).status).toBe(201);
    expect((await masked('M7', 'has space', true)).status).toBe(400);
  });

  test('a Fly token can be stored unmasked but never masked, raw or not', async () => {
    expect((await post({ key: 'FLY1', value: FLY, masked: true })).body).toEqual({
      message: { value: ['is invalid'] },
    });
    expect((await post({ key: 'FLY2', value: FLY, masked: true, raw: true })).status).toBe(400);
    expect((await post({ key: 'FLY3', value: FLY, masked_and_hidden: true })).status).toBe(400);
    const plain = await post({ key: 'FLY4', value: FLY, raw: true });
    expect(plain.status).toBe(201);
    expect(plain.body.value).toBe(FLY);
  });

  test('environment scopes and descriptions are checked', async () => {
    const scope = await post({ key: 'S', value: 'v', environment_scope: 'prod|staging' });
    expect(scope.body.message.environment_scope[0]).toMatch(/^can contain only letters, digits/);
    // GitLab allows $, { and } in scopes; the variable reference is literal text here.
    const literal = ['review/$', '{CI_COMMIT_REF_SLUG} *'].join('');
    expect((await post({ key: 'S', value: 'v', environment_scope: literal })).status).toBe(201);
    const desc = await post({ key: 'D', value: 'v', description: 'x'.repeat(256) });
    expect(desc.body).toEqual({ message: { description: ['is too long (maximum is 255 characters)'] } });
  });

  test('a hidden variable cannot be made visible; its value can still be replaced', async () => {
    em.seedVariable('acme/web', { key: 'SECRET', value: 'c2VjcmV0LXZhbHVl', masked: true, hidden: true });
    const unmask = await call(em, 'PUT', `${WEB}/SECRET`, {
      token: 't',
      body: { value: 'plain', masked: false },
    });
    expect(unmask.status).toBe(400);
    expect(unmask.body).toEqual({
      message: { base: ['The visibility setting cannot be changed for masked and hidden variables.'] },
    });
    const replace = await call(em, 'PUT', `${WEB}/SECRET`, {
      token: 't',
      body: { value: 'bmV3LXNlY3JldA==' },
    });
    expect(replace.status).toBe(200);
    expect(replace.body.value).toBeNull();
    expect(em.variable('acme/web', 'SECRET')?.value).toBe('bmV3LXNlY3JldA==');
  });

  test('without Premium, a group variable loses its environment scope', async () => {
    const r = await call(em, 'POST', '/groups/acme%2Fops/variables', {
      token: 't',
      body: { key: 'G', value: 'v', environment_scope: 'production' },
    });
    expect(r.status).toBe(201);
    expect(r.body.environment_scope).toBe('*');
    const filtered = await call(
      em,
      'GET',
      '/groups/acme%2Fops/variables/G?filter[environment_scope]=production',
      {
        token: 't',
      },
    );
    expect(filtered.status).toBe(404);
  });

  test('an unknown route is 404, a known path with another method 405', async () => {
    expect((await call(em, 'GET', '/nothing', { token: 't' })).status).toBe(404);
    const patch = await call(em, 'PATCH', WEB, { token: 't', body: {} });
    expect(patch.status).toBe(405);
  });
});
