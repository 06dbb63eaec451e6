// The permissions of several targets of one owner combine into one installation token request.
import { expect, test } from '@jest/globals';
import { mergePermissions, permissionsFor, targetKind } from '../../../src/github/permissions.js';
import type { GitHubTargetSpec, SecretApp } from '../../../src/github/spec.js';

test('merging keeps the higher level of each permission', () => {
  expect(
    mergePermissions({ actions: 'write', metadata: 'read' }, { actions: 'read', secrets: 'write' }),
  ).toEqual({
    actions: 'write',
    metadata: 'read',
    secrets: 'write',
  });
  expect(mergePermissions({ actions: 'read' }, { actions: 'write' })).toEqual({ actions: 'write' });
});

test('each target spec maps to its kind', () => {
  const base = { owner: 'acme', repo: 'web', secret: 'S' };
  expect(targetKind({ type: 'repository', ...base })).toBe('repo');
  expect(targetKind({ type: 'repository', app: 'dependabot', ...base })).toBe('dependabot');
  expect(targetKind({ type: 'environment', environment: 'prod', ...base })).toBe('env');
  const org = (app?: SecretApp): GitHubTargetSpec => ({
    type: 'organization',
    app,
    org: 'acme',
    visibility: 'all',
    repositories: [],
    secret: 'S',
  });
  expect(targetKind(org())).toBe('org');
  expect(targetKind(org('codespaces'))).toBe('codespaces-org');
  expect(permissionsFor('env')).toEqual({ metadata: 'read', actions: 'read', environments: 'write' });
});
