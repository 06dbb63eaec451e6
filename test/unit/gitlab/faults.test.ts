import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { judgeAnswers } from '../../../src/core/evidence.js';
import { type GitLabEmulator, startGitLabEmulator } from '../../emulators/gitlab/index.js';
import { undecided } from '../fakes.js';
import { FLY, FLY2, operations, spec, writer } from './helpers.js';

describe('GitLabWriter under faults', () => {
  let em: GitLabEmulator;
  beforeAll(async () => {
    em = await startGitLabEmulator();
    for (const p of ['acme/a', 'acme/b', 'acme/c', 'acme/d', 'acme/e', 'acme/f']) em.addProject(p);
    em.addToken('t', { scopes: ['api'], roles: { acme: 'maintainer' } });
  });
  afterAll(async () => {
    em.server.clearFaults();
    await em.close();
  });

  test('a 5xx on the update is retried and the write succeeds', async () => {
    em.seedVariable('acme/a', { key: 'FLY_API_TOKEN', value: 'old' });
    em.server.fault('project-variables/update', { kind: 'status', status: 502 });
    const from = em.server.requests.length;
    expect((await writer(em, 't', [spec('acme/a')]).store({ id: 'tok1', header: FLY }))[0]).toMatchObject({
      result: 'updated',
    });
    expect(operations(em, from)).toEqual([
      'project-variables/get',
      'project-variables/update',
      'project-variables/update',
      'project-variables/get',
    ]);
  });

  test('a 5xx on the create is retried too: a create that landed turns into an update', async () => {
    em.server.fault('project-variables/create', { kind: 'status', status: 503 });
    expect((await writer(em, 't', [spec('acme/b')]).store({ id: 'tok2', header: FLY }))[0].result).toBe(
      'created',
    );
    // Now the answer is lost after GitLab created it: the repeat is "already taken", then a read that finds it
    // in its scope, then an update.
    em.server.fault('project-variables/create', { kind: 'reset' }, { after: true });
    const from = em.server.requests.length;
    const [outcome] = await writer(em, 't', [spec('acme/c')]).store({ id: 'tok3', header: FLY2 });
    expect(outcome).toMatchObject({ result: 'updated' });
    expect(operations(em, from)).toEqual([
      'project-variables/get',
      'project-variables/create',
      'project-variables/create',
      'project-variables/get',
      'project-variables/update',
      'project-variables/get',
    ]);
    expect(em.variable('acme/c', 'FLY_API_TOKEN')?.value).toBe(FLY2);
  });

  test('a write that hangs past the timeout is ambiguous, and says nothing of the value', async () => {
    em.seedVariable('acme/d', { key: 'FLY_API_TOKEN', value: 'old' });
    em.server.fault('project-variables/update', { kind: 'hang' }, { after: true });
    const [outcome] = await writer(em, 't', [spec('acme/d')], { timeoutMs: 150, retries: 0 }).store({
      id: 'tok4',
      header: FLY,
    });
    expect(undecided(outcome)).toBe(true);
    expect(outcome.error).toMatch(/did not answer within 150 ms/);
    expect(outcome.error).not.toContain('fm2_');
  });

  test('a write whose read-back cannot be had still landed: the PUT got a 2xx', async () => {
    // Only the read-back fails: the read before the write is answered.
    em.server.fault(
      'project-variables/get',
      { kind: 'status', status: 500 },
      { times: 10, when: () => em.writes.some((w) => w.path === 'acme/e') },
    );
    const [outcome] = await writer(em, 't', [spec('acme/e')], { retries: 1 }).store({
      id: 'tok5',
      header: FLY,
    });
    em.server.clearFaults();
    expect(judgeAnswers(outcome.facts!)).toMatchObject({ verdict: 'landed' });
    expect(outcome.facts?.afterAccepted).toBeUndefined();
    expect(outcome).toMatchObject({ error: expect.stringMatching(/HTTP 500/) });
    expect(em.variable('acme/e', 'FLY_API_TOKEN')?.value).toBe(FLY);
  });

  test('the run cutting the writes (signal) leaves them ambiguous', async () => {
    em.seedVariable('acme/f', { key: 'FLY_API_TOKEN', value: 'old' });
    em.server.fault('project-variables/update', { kind: 'delay', ms: 2000 });
    const [outcome] = await writer(em, 't', [spec('acme/f')]).store(
      { id: 'tok6', header: FLY },
      AbortSignal.timeout(100),
    );
    em.server.clearFaults();
    expect(undecided(outcome)).toBe(true);
    expect(outcome.result).toBeUndefined();
  });
});
