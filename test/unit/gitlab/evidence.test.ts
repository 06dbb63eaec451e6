import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { TransientError } from '../../../src/core/errors.js';
import { type GitLabEmulator, startGitLabEmulator } from '../../emulators/gitlab/index.js';
import { FLY, FLY2, spec, writer } from './helpers.js';

describe('GitLabWriter.evidence', () => {
  let em: GitLabEmulator;
  beforeAll(async () => {
    em = await startGitLabEmulator();
    em.addProject('acme/web');
    em.addToken('t', { scopes: ['api'], roles: { acme: 'maintainer' } });
  });
  afterAll(() => em.close());

  test('a variable that does not exist yet', async () => {
    expect(await writer(em, 't', [spec('acme/web')]).evidence(FLY)).toEqual([
      { proof: 'read-back', exists: false },
    ]);
  });

  test('after a write: the token id from the description, and whether the value matches', async () => {
    const w = writer(em, 't', [spec('acme/web'), spec('acme/web', { environmentScope: 'production' })]);
    await w.store({ id: 'bjkZRb7BXzk36H383wbX0z9bXRH6LL', header: FLY });
    expect(await w.evidence(FLY)).toEqual([
      { proof: 'read-back', exists: true, tokenId: 'bjkZRb7BXzk36H383wbX0z9bXRH6LL', matches: true },
      { proof: 'read-back', exists: true, tokenId: 'bjkZRb7BXzk36H383wbX0z9bXRH6LL', matches: true },
    ]);
    expect((await w.evidence(FLY2))[0]).toMatchObject({ exists: true, matches: false });
    expect(await w.evidence()).toEqual([
      { proof: 'read-back', exists: true, tokenId: 'bjkZRb7BXzk36H383wbX0z9bXRH6LL' },
      { proof: 'read-back', exists: true, tokenId: 'bjkZRb7BXzk36H383wbX0z9bXRH6LL' },
    ]);
  });

  test('a description not in our form gives no token id', async () => {
    for (const description of ['deploy token, do not touch', 'Fly token a b · fly-token-rotator', null]) {
      em.seedVariable('acme/web', { key: 'EDITED', value: FLY, description });
      const [e] = await writer(em, 't', [spec('acme/web', { secret: 'EDITED' })]).evidence(FLY);
      expect(e).toEqual({ proof: 'read-back', exists: true, matches: true });
      em.state.variablesOf(em.state.owner('project', 'acme/web')!).pop();
    }
  });

  test('a hidden variable exists, but whether it matches cannot be told', async () => {
    em.seedVariable('acme/web', {
      key: 'HIDDEN',
      value: 'c2VjcmV0LXZhbHVl',
      masked: true,
      hidden: true,
      description: 'Fly token tok9 · fly-token-rotator',
    });
    expect(
      await writer(em, 't', [spec('acme/web', { secret: 'HIDDEN' })]).evidence('c2VjcmV0LXZhbHVl'),
    ).toEqual([{ proof: 'read-back', exists: true, tokenId: 'tok9' }]);
  });

  test('a read that fails throws, keeping a transient failure transient and the value out of the message', async () => {
    em.server.fault('project-variables/get', {
      kind: 'status',
      status: 503,
      body: JSON.stringify({ message: FLY }),
    });
    const err = await writer(em, 't', [spec('acme/web')], { retries: 0 })
      .evidence(FLY)
      .catch((e: Error) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as Error).message).toMatch(/HTTP 503/);
    expect((err as Error).message).not.toContain('fm2_');
    em.addToken('dev', { scopes: ['api'], roles: { acme: 'developer' } });
    await expect(writer(em, 'dev', [spec('acme/web')]).evidence()).rejects.toThrow(
      /Maintainer role on project acme/,
    );
  });
});
