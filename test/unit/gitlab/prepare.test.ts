import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/core/errors.js';
import { gitlabSpecProblem } from '../../../src/gitlab/variable.js';
import { type GitLabEmulator, startGitLabEmulator } from '../../emulators/gitlab/index.js';
import { operations, spec, writer } from './helpers.js';

const group = (path: string) => spec(path, { type: 'gitlab-group' });

describe('GitLabWriter.prepare', () => {
  let em: GitLabEmulator;
  beforeAll(async () => {
    em = await startGitLabEmulator();
    em.addProject('acme/web');
    em.addProject('acme/api');
    em.addToken('maintainer', { scopes: ['api'], roles: { acme: 'maintainer' } });
    em.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addToken('developer', { scopes: ['api'], roles: { 'acme/web': 'developer' } });
    em.addToken('reader', { scopes: ['read_api'], roles: { acme: 'owner' } });
    em.addToken('registry', { scopes: ['read_registry'], roles: { acme: 'owner' } });
  });
  afterAll(() => em.close());

  test('passes for a Maintainer with api, checking each project once and writing nothing', async () => {
    const from = em.server.requests.length;
    const w = writer(em, 'maintainer', [
      spec('acme/web'),
      spec('acme/web', { secret: 'OTHER' }),
      spec('acme/api'),
    ]);
    await expect(w.prepare()).resolves.toBeUndefined();
    expect(operations(em, from).sort()).toEqual([
      'personal-access-tokens/self',
      'project-variables/list',
      'project-variables/list',
      'version',
    ]);
    expect(em.writes).toHaveLength(0);
  });

  test('a Developer is told the role and scope it needs', async () => {
    const err = await writer(em, 'developer', [spec('acme/web')])
      .prepare()
      .catch((e: Error) => e);
    expect((err as Error).message).toMatch(/HTTP 403/);
    expect((err as Error).message).toMatch(
      /personal, project or group access token with scope api and at least the Maintainer role on project acme\/web/,
    );
  });

  test('group variables need the Owner role: a group Maintainer is refused', async () => {
    await expect(writer(em, 'maintainer', [group('acme')]).prepare()).rejects.toThrow(
      /scope api and the Owner role on group acme/,
    );
    await expect(writer(em, 'owner', [group('acme')]).prepare()).resolves.toBeUndefined();
  });

  test('a read_api token is refused before minting, though it could read the variables', async () => {
    await expect(writer(em, 'reader', [spec('acme/web')]).prepare()).rejects.toThrow(
      /has scopes read_api; writing CI\/CD variables needs scope api/,
    );
    await expect(writer(em, 'registry', [spec('acme/web')]).prepare()).rejects.toThrow(/lacks the api scope/);
  });

  test('an unknown token and an unknown project say what is wrong', async () => {
    await expect(writer(em, 'nope', [spec('acme/web')]).prepare()).rejects.toThrow(
      /HTTP 401.*did not accept the token/,
    );
    await expect(writer(em, 'owner', [spec('acme/nothing')]).prepare()).rejects.toThrow(
      /HTTP 404.*404 Project Not Found.*must exist and be visible/,
    );
  });

  test('a token that cannot describe itself is still checked by its access', async () => {
    em.server.fault('personal-access-tokens/self', {
      kind: 'status',
      status: 404,
      body: '{"message":"404 Not Found"}',
    });
    await expect(writer(em, 'maintainer', [spec('acme/web')]).prepare()).resolves.toBeUndefined();
  });

  test('specs that break GitLab rules are input errors, found without a request', async () => {
    const from = em.server.requests.length;
    const err = await writer(em, 'owner', [
      spec('acme/web', { secret: 'FLY-TOKEN' }),
      spec('web'),
      spec('acme/web', { environmentScope: 'prod|dev' }),
    ])
      .prepare()
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/"FLY-TOKEN" does not/);
    expect((err as Error).message).toMatch(/"web" is not the full path of a GitLab project/);
    expect((err as Error).message).toMatch(/"prod\|dev" is not a GitLab environment scope/);
    expect(em.server.requests.length).toBe(from);
  });

  test('gitlabSpecProblem accepts what GitLab accepts', () => {
    expect(
      gitlabSpecProblem(spec('acme/platform/web.site', { environmentScope: 'review/*' })),
    ).toBeUndefined();
    expect(gitlabSpecProblem(group('acme'))).toBeUndefined();
    expect(gitlabSpecProblem(spec('/acme/web'))).toMatch(/not the full path/);
    expect(gitlabSpecProblem(spec('acme/web', { secret: 'K'.repeat(256) }))).toMatch(/at most 255/);
  });
});
