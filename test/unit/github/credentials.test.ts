import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { needsByOwner } from '../../../src/github/auth.js';
import { readGitHubCredentials } from '../../../src/github/credentials.js';
import { accessNeeds } from '../../../src/github/permissions.js';
import type { GitHubTargetSpec } from '../../../src/github/spec.js';
import { secretTarget } from '../../../src/github/targets.js';
import { parseTargets } from '../../../src/inputs/targets.js';

const get =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? '';
const pem = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;

describe('readGitHubCredentials', () => {
  test('a token', () => {
    expect(readGitHubCredentials(get({ 'github-token': ' ghp_abc ' }), {}, true)).toEqual({
      github: 'ghp_abc',
    });
  });

  test("the workflow's own GITHUB_TOKEN is refused before anything happens, with what to use instead", () => {
    expect(() =>
      readGitHubCredentials(get({ 'github-token': 'ghs_same' }), { GITHUB_TOKEN: 'ghs_same' }, true),
    ).toThrow(
      /workflow's own GITHUB_TOKEN, which can never read or write secrets.*fine-grained personal access token.*github-app-id/,
    );
  });

  test('a GitHub App, with the key also accepted with escaped line breaks', () => {
    const escaped = pem.trim().replace(/\n/g, '\\n');
    const c = readGitHubCredentials(
      get({ 'github-app-id': '12345', 'github-app-private-key': escaped }),
      {},
      true,
    );
    expect(c).toEqual({ github: '', githubApp: { appId: '12345', privateKey: pem.trim() } });
    expect(
      readGitHubCredentials(
        get({ 'github-app-id': 'Iv23liABCDEF0123', 'github-app-private-key': pem }),
        {},
        true,
      ).githubApp?.appId,
    ).toBe('Iv23liABCDEF0123');
  });

  const bad: [Record<string, string>, RegExp][] = [
    [{}, /github-token is required.*or github-app-id \+ github-app-private-key/],
    [{ 'github-token': 'ghp_x', 'github-app-id': '1', 'github-app-private-key': pem }, /not both/],
    [{ 'github-app-private-key': pem }, /github-app-id is required/],
    [{ 'github-app-id': '1' }, /github-app-private-key is required/],
    [{ 'github-app-id': 'my app', 'github-app-private-key': pem }, /github-app-id "my app" is not valid/],
    [{ 'github-app-id': '1', 'github-app-private-key': 'not a key' }, /not an RSA private key/],
  ];
  test.each(bad)('refuses %#', (inputs, message) => {
    expect(() => readGitHubCredentials(get(inputs), {}, true)).toThrow(message);
  });

  test('modes that write no secret need no GitHub credential', () => {
    expect(readGitHubCredentials(get({}), {}, false)).toEqual({ github: '' });
  });
});

describe('secret targets', () => {
  const targets = parseTargets(
    [
      'repo:acme/web',
      'env:acme/web/production',
      'org:acme visibility=selected repos=api,web',
      'dependabot:acme/web',
      'codespaces-org:acme visibility=all',
      'repo:other/site secret=X',
    ].join('\n'),
    'FLY_API_TOKEN',
  ) as GitHubTargetSpec[];

  test('labels, key scopes and permission hints per kind', () => {
    expect(targets.map((t) => secretTarget(t)).map((t) => [t.label, t.keyScope, t.permission])).toEqual([
      [
        'repository secret FLY_API_TOKEN in acme/web',
        'actions:repo:acme/web',
        'Secrets: read and write on acme/web',
      ],
      [
        'environment secret FLY_API_TOKEN in acme/web environment production',
        'actions:env:acme/web:production',
        'Environments: read and write on acme/web',
      ],
      [
        'organization secret FLY_API_TOKEN in acme (repositories api, web)',
        'actions:org:acme',
        'Organization permissions › Secrets: read and write on organization acme',
      ],
      [
        'Dependabot repository secret FLY_API_TOKEN in acme/web',
        'dependabot:repo:acme/web',
        'Dependabot secrets: read and write on acme/web',
      ],
      [
        'Codespaces organization secret FLY_API_TOKEN in acme (all repositories)',
        'codespaces:org:acme',
        'Organization permissions › Codespaces secrets: read and write on organization acme',
      ],
      [
        'repository secret X in other/site',
        'actions:repo:other/site',
        'Secrets: read and write on other/site',
      ],
    ]);
  });

  test('an installation token per owner covers exactly the repositories and permissions its targets need', () => {
    expect(accessNeeds(targets[1])).toEqual({
      repositories: ['web'],
      permissions: { metadata: 'read', actions: 'read', environments: 'write' },
    });
    const needs = needsByOwner(targets);
    expect([...needs.keys()]).toEqual(['acme', 'other']);
    expect(needs.get('acme')).toEqual({
      owner: 'acme',
      repo: 'web',
      repositories: ['web', 'api'],
      permissions: {
        metadata: 'read',
        secrets: 'write',
        actions: 'read',
        environments: 'write',
        organization_secrets: 'write',
        dependabot_secrets: 'write',
        organization_codespaces_secrets: 'write',
      },
    });
    expect(needs.get('other')).toEqual({
      owner: 'other',
      repo: 'site',
      repositories: ['site'],
      permissions: { metadata: 'read', secrets: 'write' },
    });
  });
});
