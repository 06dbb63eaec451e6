// GitLab as its server behaves (issue 20): the group update that falls back to another environment's variable,
// releases without a description, hidden variables and groups without Premium, each found before minting.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { ApiError } from '../../../src/core/errors.js';
import { judgeAnswers } from '../../../src/core/evidence.js';
import { gitlabError } from '../../../src/gitlab/errors.js';
import type { GitLabTargetSpec } from '../../../src/gitlab/spec.js';
import { GitLabWriter } from '../../../src/gitlab/writer.js';
import { RestClient } from '../../../src/net/rest.js';
import { type GitLabEmulator, startGitLabEmulator } from '../../emulators/gitlab/index.js';
import { FLY, FLY2, operations, spec } from './helpers.js';

const production = (path = 'acme/platform') =>
  spec(path, { type: 'gitlab-group', secret: 'FLY_DEPLOY', environmentScope: 'production' });

/** A writer whose warnings are kept; `fetch` may step in between the emulator and the client. */
function writer(
  em: GitLabEmulator,
  specs: GitLabTargetSpec[],
  opts: { token?: string; fetch?: (url: string, init: RequestInit) => Promise<Response> } = {},
) {
  const warnings: string[] = [];
  const api = new RestClient({
    baseUrl: em.apiUrl,
    auth: ['PRIVATE-TOKEN', opts.token ?? 'owner'],
    service: 'gitlab',
    serviceName: 'GitLab',
    retryBaseMs: 1,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  return { w: new GitLabWriter(specs, api, (m) => warnings.push(m)), warnings };
}

describe('a group variable of another environment (Premium)', () => {
  let em: GitLabEmulator;
  beforeAll(async () => {
    em = await startGitLabEmulator({ premium: true });
    em.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
  });
  afterAll(() => em.close());

  test("a rotation of production never changes staging's variable: production is created", async () => {
    em.addGroup('acme/platform');
    em.seedVariable('acme/platform', {
      key: 'FLY_DEPLOY',
      value: 'staging-token',
      environment_scope: 'staging',
      description: 'Fly token staging1 · fly-token-rotator',
    });
    const { w, warnings } = writer(em, [production()]);
    await w.prepare();
    expect(warnings).toEqual([]);
    const from = em.server.requests.length;
    const [outcome] = await w.store({ id: 'tok1', header: FLY });
    expect(outcome).toEqual({ target: w.targets[0], result: 'created' });
    // No update was sent for a scope without the variable: GitLab would have updated staging's.
    expect(operations(em, from)).toEqual([
      'group-variables/get',
      'group-variables/create',
      'group-variables/get',
    ]);
    expect(em.variable('acme/platform', 'FLY_DEPLOY', 'staging')).toMatchObject({
      value: 'staging-token',
      description: 'Fly token staging1 · fly-token-rotator',
    });
    expect(em.variable('acme/platform', 'FLY_DEPLOY', 'production')).toMatchObject({
      value: FLY,
      description: 'Fly token tok1 · fly-token-rotator',
    });
    // The next rotation updates production in place; staging still untouched.
    expect((await w.store({ id: 'tok2', header: FLY2 }))[0].result).toBe('updated');
    expect(em.variable('acme/platform', 'FLY_DEPLOY', 'production')?.value).toBe(FLY2);
    expect(em.variable('acme/platform', 'FLY_DEPLOY', 'staging')?.value).toBe('staging-token');
    expect(em.writes.filter((x) => x.environmentScope === 'staging')).toEqual([]);
  });

  test('production deleted between the read and the update: the other scope is named and put back', async () => {
    em.addGroup('acme/race');
    const staging = {
      key: 'FLY_DEPLOY',
      value: 'staging-token',
      environment_scope: 'staging',
      protected: true,
      description: 'set by hand',
    };
    em.seedVariable('acme/race', staging);
    em.seedVariable('acme/race', { key: 'FLY_DEPLOY', value: 'old-prod', environment_scope: 'production' });
    // Someone deletes production right after our read of it answers.
    const list = () => em.state.variablesOf(em.state.owner('group', 'acme/race')!);
    const { w } = writer(em, [production('acme/race')], {
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (init.method === 'GET' && /variables\/FLY_DEPLOY\?filter/.test(url)) {
          const i = list().findIndex((v) => v.environment_scope === 'production');
          if (i >= 0) list().splice(i, 1);
        }
        return res;
      },
    });
    await w.prepare();
    const [outcome] = await w.store({ id: 'tok3', header: FLY });
    expect(outcome.result).toBeUndefined();
    expect(outcome.error).toMatch(/with environment scope "staging" instead of "production"/);
    expect(outcome.error).toMatch(/Its value from before this run was put back/);
    expect(outcome.error).not.toContain('fm2_');
    // The update got a 2xx: core counts it as landed elsewhere, so both tokens are kept.
    expect(outcome.facts?.afterAccepted).toBe(outcome.error);
    expect(judgeAnswers(outcome.facts!)).toMatchObject({ verdict: 'landed' });
    expect(em.variable('acme/race', 'FLY_DEPLOY', 'staging')).toMatchObject({
      value: 'staging-token',
      protected: true,
      description: 'set by hand',
    });
  });

  test('without a read before minting, the other scope is named and the user told to set it again', async () => {
    em.addGroup('acme/unread');
    em.seedVariable('acme/unread', {
      key: 'FLY_DEPLOY',
      value: 'staging-token',
      environment_scope: 'staging',
    });
    em.seedVariable('acme/unread', { key: 'FLY_DEPLOY', value: 'old', environment_scope: 'production' });
    const list = () => em.state.variablesOf(em.state.owner('group', 'acme/unread')!);
    const { w } = writer(em, [production('acme/unread')], {
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (init.method === 'GET' && /\?filter/.test(url)) {
          const i = list().findIndex((v) => v.environment_scope === 'production');
          if (i >= 0) list().splice(i, 1);
        }
        return res;
      },
    });
    const [outcome] = await w.store({ id: 'tok4', header: FLY });
    expect(outcome.error).toMatch(/scope "staging" instead of "production".*set its value again in GitLab/);
  });
});

describe('the emulated group update falls back; the project update does not', () => {
  let em: GitLabEmulator;
  beforeAll(async () => {
    em = await startGitLabEmulator({ premium: true });
    em.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addGroup('acme');
    em.addProject('acme/web');
    for (const path of ['acme', 'acme/web'])
      em.seedVariable(path, { key: 'K', value: 'staging-value', environment_scope: 'staging' });
  });
  afterAll(() => em.close());

  const put = (kind: string, path: string) =>
    fetch(
      `${em.apiUrl}/${kind}/${encodeURIComponent(path)}/variables/K?filter[environment_scope]=production`,
      {
        method: 'PUT',
        headers: { 'private-token': 'owner', 'content-type': 'application/json' },
        body: JSON.stringify({ value: 'production-value' }),
      },
    );

  test('group: the variable of another scope is updated', async () => {
    const res = await put('groups', 'acme');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ environment_scope: 'staging', value: 'production-value' });
    expect(em.variable('acme', 'K', 'staging')?.value).toBe('production-value');
  });

  test('project: 404', async () => {
    const res = await put('projects', 'acme/web');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: '404 Variable Not Found' });
    expect(em.variable('acme/web', 'K', 'staging')?.value).toBe('staging-value');
  });
});

describe('GitLab releases without a description (before 16.2)', () => {
  let em: GitLabEmulator;
  afterEach(() => em.close());

  test('GET /version names the release: refused before minting, naming 16.2', async () => {
    em = await startGitLabEmulator({ version: '16.1.4-ee' });
    em.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addProject('acme/web');
    const { w } = writer(em, [spec('acme/web')]);
    const err = await w.prepare().catch((e: Error) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as Error).message).toMatch(
      /GitLab 16\.1\.4-ee is older than 16\.2.*Upgrade GitLab to 16\.2 or later; nothing was minted/,
    );
    expect(em.writes).toEqual([]);
  });

  test('without /version, variables that come without a description tell it', async () => {
    em = await startGitLabEmulator({ version: '15.11.0' });
    em.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addProject('acme/web');
    em.seedVariable('acme/web', { key: 'OTHER', value: 'x' });
    em.server.fault('version', { kind: 'status', status: 404, body: '{"message":"404 Not Found"}' });
    const { w } = writer(em, [spec('acme/web')]);
    await expect(w.prepare()).rejects.toThrow(/returns variables without a description.*16\.2/);
  });

  test('16.2 and later pass; the emulator of an old release stores no description', async () => {
    em = await startGitLabEmulator({ version: '16.2.0' });
    em.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addProject('acme/web');
    await expect(writer(em, [spec('acme/web')]).w.prepare()).resolves.toBeUndefined();
    const old = await startGitLabEmulator({ version: '16.1.0' });
    try {
      old.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
      old.addProject('acme/web');
      // Unchecked, a write would land and its read-back find no description: a check error, not a success.
      const [outcome] = await writer(old, [spec('acme/web')]).w.store({ id: 'tok1', header: FLY });
      expect(outcome.error).toMatch(/another description/);
      expect(old.variable('acme/web', 'FLY_API_TOKEN')).not.toHaveProperty(
        'description',
        'Fly token tok1 · fly-token-rotator',
      );
    } finally {
      await old.close();
    }
  });
});

describe('told before minting: hidden variables, group scopes without Premium', () => {
  let em: GitLabEmulator;
  afterEach(() => em.close());

  test('a hidden variable: the run proves by the description alone and keeps it masked and hidden', async () => {
    em = await startGitLabEmulator();
    em.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addProject('acme/web');
    em.seedVariable('acme/web', { key: 'FLY_API_TOKEN', value: 'b2xkLXRva2Vu', masked: true, hidden: true });
    const { w, warnings } = writer(em, [spec('acme/web')]);
    await w.prepare();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /GitLab variable FLY_API_TOKEN of project acme\/web \(environment \*\) is masked and hidden: GitLab never returns its value/,
    );
    expect(warnings[0]).toMatch(/description alone.*delete the variable in GitLab/);
    expect((await w.store({ id: 'tok1', header: FLY }))[0].result).toBe('updated');
  });

  test('a group whose key exists only for every environment: what happens without Premium', async () => {
    em = await startGitLabEmulator();
    em.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addGroup('acme/platform');
    em.seedVariable('acme/platform', { key: 'FLY_DEPLOY', value: 'old' });
    const { w, warnings } = writer(em, [production()]);
    await w.prepare();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/group acme\/platform has FLY_DEPLOY only for every environment \(\*\)/);
    expect(warnings[0]).toMatch(/needs GitLab Premium or Ultimate.*give this target environment scope \*/);
    // And so it is: the create collides, nothing lands, the * variable is untouched.
    const [outcome] = await w.store({ id: 'tok1', header: FLY });
    expect(judgeAnswers(outcome.facts!)).toMatchObject({ verdict: 'not-landed' });
    expect(em.variable('acme/platform', 'FLY_DEPLOY')?.value).toBe('old');
  });

  test('no warning where the group already keeps another scope, or the target is *', async () => {
    em = await startGitLabEmulator({ premium: true });
    em.addToken('owner', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addGroup('acme/platform');
    em.seedVariable('acme/platform', { key: 'FLY_DEPLOY', value: 'old' });
    em.seedVariable('acme/platform', { key: 'FLY_DEPLOY', value: 'old', environment_scope: 'staging' });
    const { w, warnings } = writer(em, [
      production(),
      spec('acme/platform', { type: 'gitlab-group', secret: 'FLY_DEPLOY' }),
    ]);
    await w.prepare();
    expect(warnings).toEqual([]);
  });
});

describe('the hint for a masked-and-hidden refusal', () => {
  test('says what GitLab masks with raw and which form a masked target stores', () => {
    const err = gitlabError(
      new ApiError(
        'GitLab answered HTTP 400 while trying to update x: {"base":["The visibility setting cannot be changed for masked and hidden variables."]}',
        'gitlab',
        400,
      ),
      'r',
    ) as Error;
    expect(err.message).toMatch(
      /GitLab masks a raw value of 8 or more characters without whitespace \(commas allowed\)/,
    );
    expect(err.message).toMatch(/masked: true.*without its FlyV1 scheme/);
    expect(err.message).not.toMatch(/cannot be \(it has a space and commas\)/);
  });
});
