// Every secret target kind end to end: the action's entry (in this process) against both emulators, with a
// github-token.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import type { SecretTarget } from '../emulators/github/index.js';
import { leaks, type Scenario, startScenario, storedValue } from '../harness/scenario.js';

/** A fine-grained PAT that may write every kind of secret of acme. */
const ALL = 'github_pat_11EMULATOR0everysecret';
const ALL_PERMISSIONS = {
  metadata: 'read',
  secrets: 'write',
  actions: 'read', // "Get an environment", which checks an env: target exists
  environments: 'write',
  dependabot_secrets: 'write',
  codespaces_secrets: 'write',
  organization_secrets: 'write',
  organization_dependabot_secrets: 'write',
  organization_codespaces_secrets: 'write',
} as const;

let s: Scenario;
beforeEach(async () => {
  s = await startScenario();
  s.gh.addRepo('acme/api');
  s.gh.addEnvironment('acme/web', 'production');
  s.gh.addToken(ALL, {
    kind: 'fine-grained',
    repos: ['acme/web', 'acme/api'],
    permissions: { ...ALL_PERMISSIONS },
    orgs: ['acme'],
  });
});
afterEach(async () => {
  await s.close();
});

const run = (targets: string, extra: Record<string, string> = {}, env: Record<string, string> = {}) =>
  s.runInProcess({ 'github-token': ALL, targets, ...extra }, { env });
const minted = () => s.fly.tokens.length;
/** What a log reader sees: the runner hides ::add-mask:: commands and masks their values. */
const shown = (...texts: string[]) => texts.map((t) => t.replace(/^::add-mask::.*$/gm, ''));
const publicKeyRequests = () => s.gh.server.requests.filter((r) => r.operation.endsWith('public-key'));

describe('each target kind', () => {
  const kinds: [string, SecretTarget, string][] = [
    ['repo:acme/api', { scope: 'repo', repo: 'acme/api' }, 'actions/create-or-update-repo-secret'],
    [
      'env:acme/web/production',
      { scope: 'environment', repo: 'acme/web', environment: 'production' },
      'actions/create-or-update-environment-secret',
    ],
    ['org:acme visibility=all', { scope: 'org', org: 'acme' }, 'actions/create-or-update-org-secret'],
    ['org:acme visibility=private', { scope: 'org', org: 'acme' }, 'actions/create-or-update-org-secret'],
    [
      'dependabot:acme/web',
      { scope: 'repo', repo: 'acme/web', app: 'dependabot' },
      'dependabot/create-or-update-repo-secret',
    ],
    [
      'dependabot-org:acme visibility=all',
      { scope: 'org', org: 'acme', app: 'dependabot' },
      'dependabot/create-or-update-org-secret',
    ],
    [
      'codespaces:acme/web',
      { scope: 'repo', repo: 'acme/web', app: 'codespaces' },
      'codespaces/create-or-update-repo-secret',
    ],
    [
      'codespaces-org:acme visibility=private',
      { scope: 'org', org: 'acme', app: 'codespaces' },
      'codespaces/create-or-update-org-secret',
    ],
  ];
  test.each(kinds)('%s', async (line, target, operation) => {
    const r = await run(`${line} secret=FLY_TARGET`);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(minted()).toBe(1);
    const [token] = s.fly.tokens;
    expect(s.gh.secretAt(target, 'FLY_TARGET')?.value).toBe(storedValue(token));
    expect(s.gh.server.count(operation)).toBe(1);
    const visibility = /visibility=(\w+)/.exec(line)?.[1];
    if (visibility) expect(s.gh.state.secret(target, 'FLY_TARGET')?.visibility).toBe(visibility);
    expect(leaks(s, ...shown(r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs)))).toEqual([]);
  });

  test('org visibility=selected resolves names to ids and keeps the selection in sync', async () => {
    const web = s.gh.state.repo('acme/web')!;
    const api = s.gh.state.repo('acme/api')!;
    const first = await run('org:acme visibility=selected repos=web,api');
    expect(first.errors).toEqual([]);
    const target: SecretTarget = { scope: 'org', org: 'acme' };
    expect(s.gh.state.secret(target, 'FLY_API_TOKEN')?.selectedRepositoryIds?.sort()).toEqual(
      [web.id, api.id].sort(),
    );
    // The selection follows the input: dropping a repository removes it from the secret's selection.
    const second = await run('org:acme visibility=selected repos=api');
    expect(second.errors).toEqual([]);
    const stored = s.gh.state.secret(target, 'FLY_API_TOKEN')!;
    expect(stored.selectedRepositoryIds).toEqual([api.id]);
    expect(stored.value).toBe(storedValue(s.fly.tokens.find((t) => t.id === second.outputs['token-id'])!));
  });
});

test('one token into five targets of mixed kinds: one public-key request per target', async () => {
  const r = await run(
    [
      'repo:acme/web',
      'env:acme/web/production secret=FLY_PROD',
      'org:acme visibility=selected repos=web,api',
      'dependabot:acme/api',
      'codespaces-org:acme visibility=all secret=FLY_DEV',
    ].join('\n'),
  );
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(minted()).toBe(1);
  const header = storedValue(s.fly.tokens[0]);
  expect(s.gh.secretAt({ scope: 'repo', repo: 'acme/web' }, 'FLY_API_TOKEN')?.value).toBe(header);
  expect(
    s.gh.secretAt({ scope: 'environment', repo: 'acme/web', environment: 'production' }, 'FLY_PROD')?.value,
  ).toBe(header);
  expect(s.gh.secretAt({ scope: 'org', org: 'acme' }, 'FLY_API_TOKEN')?.value).toBe(header);
  expect(s.gh.secretAt({ scope: 'repo', repo: 'acme/api', app: 'dependabot' }, 'FLY_API_TOKEN')?.value).toBe(
    header,
  );
  expect(s.gh.secretAt({ scope: 'org', org: 'acme', app: 'codespaces' }, 'FLY_DEV')?.value).toBe(header);
  expect(
    publicKeyRequests()
      .map((q) => q.operation)
      .sort(),
  ).toEqual([
    'actions/get-environment-public-key',
    'actions/get-org-public-key',
    'actions/get-repo-public-key',
    'codespaces/get-org-public-key',
    'dependabot/get-repo-public-key',
  ]);
  expect(s.gh.secretWrites).toHaveLength(5);
  // The first target names the token, however many follow.
  expect(s.fly.tokens[0].name).toMatch(
    /^fly-token-rotator acme\/web FLY_API_TOKEN · cli [0-9a-f]{6} mark [0-9a-f]{7}$/,
  );
  expect(leaks(s, ...shown(r.stdout, r.stderr, r.summary))).toEqual([]);
});

test('two secrets in one repository share one public-key request', async () => {
  const r = await run('repo:acme/web\nrepo:acme/web secret=FLY_AGAIN');
  expect(r.errors).toEqual([]);
  expect(publicKeyRequests()).toHaveLength(1);
  expect(s.gh.secret('acme/web', 'FLY_AGAIN')?.value).toBe(storedValue(s.fly.tokens[0]));
  expect(s.gh.secret('acme/web', 'FLY_API_TOKEN')?.value).toBe(storedValue(s.fly.tokens[0]));
});

describe('nothing is minted when a target is wrong', () => {
  test('a malformed targets line names the line and the expected format', async () => {
    const r = await run('repo:acme/web\norg:acme');
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/targets line 2 \("org:acme"\).*Expected visibility=all/);
    expect(minted()).toBe(0);
    expect(s.gh.server.requests).toHaveLength(0);
  });

  test('an environment that does not exist is an error, never created', async () => {
    const r = await run('repo:acme/web\nenv:acme/web/prodution');
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/environment "prodution" in acme\/web \(it must already exist/);
    expect(minted()).toBe(0);
    expect(s.gh.secretWrites).toHaveLength(0);
    expect(s.gh.state.repo('acme/web')!.environments.has('prodution')).toBe(false);
  });

  test('a selected repository that does not resolve', async () => {
    const r = await run('org:acme visibility=selected repos=web,nope');
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/look up acme\/nope/);
    expect(minted()).toBe(0);
    expect(s.gh.secretWrites).toHaveLength(0);
  });

  test('a missing permission names the permission and the target', async () => {
    s.gh.addToken('github_pat_11EMULATOR0noenvironments', {
      kind: 'fine-grained',
      repos: ['acme/web'],
      permissions: { metadata: 'read', secrets: 'write', actions: 'read' },
    });
    const r = await run('repo:acme/web\nenv:acme/web/production', {
      'github-token': 'github_pat_11EMULATOR0noenvironments',
    });
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/403.*needs Environments: read and write on acme\/web/);
    expect(minted()).toBe(0);
    expect(s.gh.secretWrites).toHaveLength(0);
  });

  test('an organization the token cannot administer', async () => {
    const r = await run('org:acme visibility=all', { 'github-token': 'github_pat_11EMULATOR0secretswriter' });
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(
      /needs Organization permissions › Secrets: read and write on organization acme/,
    );
    expect(minted()).toBe(0);
  });
});

describe("the workflow's GITHUB_TOKEN is refused with the reason and what to use instead", () => {
  test('when it is the token the runner gave the job', async () => {
    const r = await s.runInProcess(
      { 'github-token': 'ghs_WorkflowToken0123456789' },
      { env: { GITHUB_TOKEN: 'ghs_WorkflowToken0123456789' } },
    );
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(
      /workflow's own GITHUB_TOKEN, which can never read or write secrets.*fine-grained personal access token/,
    );
    expect(minted()).toBe(0);
    expect(s.gh.server.requests).toHaveLength(0);
  });

  test('when GitHub refuses it the public key (Resource not accessible by integration)', async () => {
    s.gh.addToken('ghs_WorkflowToken0123456789', {
      kind: 'actions',
      repos: ['acme/web'],
      permissions: { contents: 'write', secrets: 'write' },
      owner: 'acme',
    });
    const r = await s.runInProcess({ 'github-token': 'ghs_WorkflowToken0123456789' });
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(
      /Resource not accessible by integration.*workflow's own GITHUB_TOKEN, it can never read or write secrets/,
    );
    expect(minted()).toBe(0);
    expect(s.gh.secretWrites).toHaveLength(0);
  });
});

test('GitHub Enterprise Server: every call follows GITHUB_API_URL with /api/v3', async () => {
  const r = await run(
    'repo:acme/web\nenv:acme/web/production\norg:acme visibility=selected repos=api',
    {},
    {
      GITHUB_API_URL: `${s.gh.url}/api/v3`,
    },
  );
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(s.gh.server.requests.length).toBeGreaterThan(0);
  expect(s.gh.server.requests.every((q) => q.path.startsWith('/api/v3/'))).toBe(true);
  expect(s.gh.secretWrites).toHaveLength(3);
});

test('a classic PAT: repo for repository secrets, admin:org for organization secrets', async () => {
  s.gh.addToken('ghp_EMULATORclassic0000000000000000000', {
    kind: 'pat',
    repos: '*',
    permissions: { repo: 'write', 'admin:org': 'write' },
  });
  const r = await run('repo:acme/web\norg:acme visibility=selected repos=web,api\ndependabot:acme/api', {
    'github-token': 'ghp_EMULATORclassic0000000000000000000',
  });
  expect(r.errors).toEqual([]);
  expect(s.gh.secretWrites.map((w) => `${w.app} ${w.target}`)).toEqual(
    expect.arrayContaining(['actions acme/web', 'actions orgs/acme', 'dependabot acme/api']),
  );
  expect(s.gh.secretWrites).toHaveLength(3);
});
