import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type GitLabEmulator, startGitLabEmulator } from '../../emulators/gitlab/index.js';
import { undecided } from '../fakes.js';
import { FLY, FLY2, operations, spec, writer } from './helpers.js';

describe('GitLabWriter.store', () => {
  let em: GitLabEmulator;
  beforeAll(async () => {
    em = await startGitLabEmulator({ premium: true });
    em.addProject('acme/web');
    em.addProject('acme/platform/web');
    em.addToken('glpat-rotator', { scopes: ['api'], roles: { acme: 'owner' } });
    em.addToken('glpat-dev', { scopes: ['api'], roles: { acme: 'developer' } });
  });
  afterAll(() => em.close());

  test('creates the variable with the exact value, unmasked, raw, and the token id in its description', async () => {
    const w = writer(em, 'glpat-rotator', [spec('acme/web')]);
    expect(w.targets[0].label).toBe('GitLab variable FLY_API_TOKEN of project acme/web (environment *)');
    const from = em.server.requests.length;
    const [outcome] = await w.store({ id: 'tok1', header: FLY });
    expect(outcome).toEqual({ target: w.targets[0], result: 'created' });
    expect(em.variable('acme/web', 'FLY_API_TOKEN')).toEqual({
      key: 'FLY_API_TOKEN',
      value: FLY,
      variable_type: 'env_var',
      protected: true,
      masked: false,
      hidden: false,
      raw: true,
      environment_scope: '*',
      description: 'Fly token tok1 · fly-token-rotator',
    });
    // Read with the scope filter first: missing, so created; then the read-back.
    expect(operations(em, from)).toEqual([
      'project-variables/get',
      'project-variables/create',
      'project-variables/get',
    ]);
    expect(em.server.requests[from].path).toBe(
      '/api/v4/projects/acme%2Fweb/variables/FLY_API_TOKEN?filter[environment_scope]=*',
    );
  });

  test('a second rotation updates in place: one write and one read', async () => {
    const w = writer(em, 'glpat-rotator', [spec('acme/web')]);
    const from = em.server.requests.length;
    expect((await w.store({ id: 'tok2', header: FLY2 }))[0]).toMatchObject({ result: 'updated' });
    expect(operations(em, from)).toEqual([
      'project-variables/get',
      'project-variables/update',
      'project-variables/get',
    ]);
    expect(em.server.requests[from + 1].path).toBe(
      '/api/v4/projects/acme%2Fweb/variables/FLY_API_TOKEN?filter[environment_scope]=*',
    );
    expect(em.variable('acme/web', 'FLY_API_TOKEN')).toMatchObject({
      value: FLY2,
      description: 'Fly token tok2 · fly-token-rotator',
    });
  });

  test('the environment scope picks one variable of a key; the others stay as they were', async () => {
    em.seedVariable('acme/web', { key: 'DEPLOY', value: 'left alone' });
    const w = writer(em, 'glpat-rotator', [
      spec('acme/web', { secret: 'DEPLOY', environmentScope: 'production', protected: false }),
    ]);
    expect(w.targets[0].label).toBe('GitLab variable DEPLOY of project acme/web (environment production)');
    expect((await w.store({ id: 'tok3', header: FLY }))[0].result).toBe('created');
    expect((await w.store({ id: 'tok4', header: FLY2 }))[0].result).toBe('updated');
    expect(em.variable('acme/web', 'DEPLOY', 'production')).toMatchObject({ value: FLY2, protected: false });
    expect(em.variable('acme/web', 'DEPLOY', '*')?.value).toBe('left alone');
  });

  test('nested paths are sent as one encoded segment, for projects and groups', async () => {
    const w = writer(em, 'glpat-rotator', [
      spec('acme/platform/web'),
      spec('acme/platform', { type: 'gitlab-group', environmentScope: 'production' }),
    ]);
    const from = em.server.requests.length;
    const outcomes = await w.store({ id: 'tok5', header: FLY });
    expect(outcomes.map((o) => o.result)).toEqual(['created', 'created']);
    const paths = em.server.requests.slice(from).map((r) => r.path.split('?')[0]);
    expect(paths).toContain('/api/v4/projects/acme%2Fplatform%2Fweb/variables');
    expect(paths).toContain('/api/v4/groups/acme%2Fplatform/variables/FLY_API_TOKEN');
    expect(em.variable('acme/platform', 'FLY_API_TOKEN', 'production')?.value).toBe(FLY);
    expect(w.targets[1].label).toBe(
      'GitLab variable FLY_API_TOKEN of group acme/platform (environment production)',
    );
  });

  test('a create that races another writer\'s ("already taken") becomes an update', async () => {
    em.addProject('acme/race');
    const w = writer(em, 'glpat-rotator', [spec('acme/race')]);
    // The other writer lands between our read (404) and our create: seeded as the create arrives.
    em.server.fault(
      'project-variables/create',
      { kind: 'delay', ms: 0 },
      {
        when: () => {
          em.seedVariable('acme/race', { key: 'FLY_API_TOKEN', value: 'theirs' });
          return false;
        },
      },
    );
    const from = em.server.requests.length;
    expect((await w.store({ id: 'tok6', header: FLY }))[0]).toMatchObject({ result: 'updated' });
    em.server.clearFaults();
    // "Taken": read again, found in its scope, so updated.
    expect(operations(em, from)).toEqual([
      'project-variables/get',
      'project-variables/create',
      'project-variables/get',
      'project-variables/update',
      'project-variables/get',
    ]);
    expect(em.variable('acme/race', 'FLY_API_TOKEN')?.value).toBe(FLY);
  });

  test('a read-back that disagrees is an error, not an ambiguous write, and never shows a value', async () => {
    const w = writer(em, 'glpat-rotator', [spec('acme/web')]);
    const written = em.writes.length;
    em.server.fault(
      'project-variables/get',
      {
        kind: 'status',
        status: 200,
        body: JSON.stringify({
          key: 'FLY_API_TOKEN',
          value: FLY2,
          description: 'Fly token tok7 · fly-token-rotator',
        }),
      },
      // The read-back, not the read before the write.
      { when: () => em.writes.length > written },
    );
    const [outcome] = await w.store({ id: 'tok7', header: FLY });
    expect(outcome.result).toBeUndefined();
    expect(undecided(outcome)).toBe(false);
    expect(outcome.error).toMatch(/reading it back gives another value/);
    expect(outcome.error).not.toContain('fm2_');
  });

  test('a Developer gets 403: a definite failure naming the role it needs', async () => {
    const before = em.variable('acme/web', 'FLY_API_TOKEN')?.value;
    const w = writer(em, 'glpat-dev', [spec('acme/web')]);
    const [outcome] = await w.store({ id: 'tok8', header: FLY });
    expect(undecided(outcome)).toBe(false);
    expect(outcome.error).toMatch(/HTTP 403/);
    expect(outcome.error).toMatch(/scope api and at least the Maintainer role on project acme\/web/);
    expect(em.variable('acme/web', 'FLY_API_TOKEN')?.value).toBe(before);
  });

  test('an existing masked-and-hidden variable is written as it can be: still masked, without FlyV1', async () => {
    em.addProject('acme/hidden');
    em.seedVariable('acme/hidden', {
      key: 'FLY_API_TOKEN',
      value: 'b2xkLXRva2Vu',
      masked: true,
      hidden: true,
      raw: true,
    });
    const from = em.server.requests.length;
    const [outcome] = await writer(em, 'glpat-rotator', [spec('acme/hidden')]).store({
      id: 'tok9',
      header: FLY,
    });
    expect(outcome).toMatchObject({ result: 'updated' });
    // GitLab refuses to change whether a hidden variable is masked: the update leaves that out.
    expect(em.server.requests[from + 1].body).not.toHaveProperty('masked');
    expect(em.variable('acme/hidden', 'FLY_API_TOKEN')).toMatchObject({
      value: FLY.replace('FlyV1 ', ''),
      masked: true,
      hidden: true,
      description: 'Fly token tok9 · fly-token-rotator',
    });
  });

  test('a token value a server echoes into its error is scrubbed from the message', async () => {
    const w = writer(em, 'glpat-rotator', [spec('acme/web')]);
    em.server.fault('project-variables/update', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ message: { value: [`${FLY} is not allowed`, FLY.split(',')[1]] } }),
    });
    const [outcome] = await w.store({ id: 'tok10', header: FLY });
    expect(outcome.error).toContain('[token]');
    expect(outcome.error).not.toContain('fm2_');
    expect(undecided(outcome)).toBe(false);
  });

  test("a server's message is printable by the one rule: no raw control character, no workflow command", async () => {
    // The old GitLab filter turned C0 into spaces only: C1 (CSI), bidi marks and `##[` passed through.
    const w = writer(em, 'glpat-rotator', [spec('acme/web')]);
    em.server.fault('project-variables/update', {
      kind: 'status',
      status: 400,
      body: JSON.stringify({ message: 'bad\u0007::error::x \u009b31m \u202e ##[stop-commands]y' }),
    });
    const [outcome] = await w.store({ id: 'tok10', header: FLY });
    expect(outcome.error).toContain('bad\\u0007::error::x \\u009b31m \\u202e #\\u0023[stop-commands]y');
    for (const raw of ['\u0007', '\u009b', '\u202e', '##[']) expect(outcome.error).not.toContain(raw);
  });

  test('an id that cannot be recorded is refused before anything is written', async () => {
    const from = em.writes.length;
    const [outcome] = await writer(em, 'glpat-rotator', [spec('acme/web')]).store({
      id: 'tok 11',
      header: FLY,
    });
    expect(outcome).toMatchObject({ error: expect.stringMatching(/nothing written/) });
    expect(undecided(outcome)).toBe(false);
    expect(em.writes.length).toBe(from);
  });
});

describe('GitLabWriter.store without Premium', () => {
  let em: GitLabEmulator;
  beforeAll(async () => {
    em = await startGitLabEmulator();
    em.addGroup('acme');
    em.addToken('glpat-owner', { scopes: ['api'], roles: { acme: 'owner' } });
  });
  afterAll(() => em.close());

  test('a group variable scoped to one environment is reported, not taken as written', async () => {
    const w = writer(em, 'glpat-owner', [
      spec('acme', { type: 'gitlab-group', environmentScope: 'production' }),
    ]);
    const [outcome] = await w.store({ id: 'tok1', header: FLY });
    expect(undecided(outcome)).toBe(false);
    expect(outcome.error).toMatch(/environment scope "\*" instead/);
    expect(outcome.error).toMatch(/need GitLab Premium or Ultimate/);
    // The next run finds the key taken (at *) but no variable in its scope, and says why.
    const [again] = await w.store({ id: 'tok2', header: FLY });
    expect(undecided(again)).toBe(false);
    expect(again.error).toMatch(/calls its key taken \(without Premium/);
    expect(em.variable('acme', 'FLY_API_TOKEN')?.description).toBe('Fly token tok1 · fly-token-rotator');
  });
});
