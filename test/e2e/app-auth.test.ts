// Built-in GitHub App authentication end to end: app JWT → installation per owner → limited installation
// token → secrets written → token revoked, and each way it can go wrong, before anything is minted. The action's
// entry runs in this process.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import {
  APP_CANNOT_WRITE,
  permissionsFor,
  REQUESTABLE,
  TARGET_KINDS,
  type TargetKind,
} from '../../src/github/permissions.js';
import { leaks, type Scenario, startScenario, storedValue } from '../harness/scenario.js';

const APP_ID = 4242;
let s: Scenario;
let app: { id: number; clientId: string; privateKeyPem: string };

beforeEach(async () => {
  s = await startScenario();
  s.gh.addRepo('acme/api');
  s.gh.addRepo('acme/docs');
  s.gh.addEnvironment('acme/web', 'production');
  s.gh.addRepo('octo/site', { ownerType: 'User' });
  app = s.gh.addApp({ id: APP_ID });
  s.gh.installApp(APP_ID, 'acme', {
    repos: ['web', 'api', 'docs'],
    permissions: {
      metadata: 'read',
      actions: 'read',
      secrets: 'write',
      environments: 'write',
      organization_secrets: 'write',
    },
  });
});
afterEach(async () => {
  await s.close();
});

const TARGETS = ['repo:acme/web', 'env:acme/web/production', 'org:acme visibility=selected repos=api'].join(
  '\n',
);
const withApp = (extra: Record<string, string> = {}) =>
  s.runInProcess({
    'github-token': '',
    'github-app-id': String(APP_ID),
    'github-app-private-key': app.privateKeyPem,
    targets: TARGETS,
    ...extra,
  });
const minted = () => s.fly.tokens.length;
const ops = (operation: string) => s.gh.server.requests.filter((r) => r.operation === operation);
const shown = (...texts: string[]) => texts.map((t) => t.replace(/^::add-mask::.*$/gm, ''));
/** Installation tokens the action used, from the Authorization headers of its secret calls. */
const installationTokens = () => [
  ...new Set(
    s.gh.server.requests
      .map((r) => /^token (ghs_\S+)$/i.exec(r.authorization ?? '')?.[1])
      .filter((t): t is string => t !== undefined),
  ),
];

test('writes every target with an installation token limited to them, then revokes it', async () => {
  const r = await withApp();
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(minted()).toBe(1);
  const header = storedValue(s.fly.tokens[0]);
  expect(s.gh.secret('acme/web', 'FLY_API_TOKEN')?.value).toBe(header);
  expect(
    s.gh.secretAt({ scope: 'environment', repo: 'acme/web', environment: 'production' }, 'FLY_API_TOKEN')
      ?.value,
  ).toBe(header);
  expect(s.gh.secretAt({ scope: 'org', org: 'acme' }, 'FLY_API_TOKEN')?.value).toBe(header);

  const [created] = ops('apps/create-installation-access-token');
  expect(ops('apps/create-installation-access-token')).toHaveLength(1);
  expect(created.body).toEqual({
    repositories: ['web', 'api'],
    permissions: {
      metadata: 'read',
      secrets: 'write',
      actions: 'read',
      environments: 'write',
      organization_secrets: 'write',
    },
  });
  // The JWT is used only for /app and installation lookups; secrets are written with the installation token.
  const tokens = installationTokens();
  expect(tokens).toHaveLength(1);
  expect(ops('apps/revoke-installation-access-token').map((q) => q.status)).toEqual([204]);
  expect(s.gh.state.tokens.has(tokens[0])).toBe(false);

  const out = shown(r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs));
  expect(leaks(s, ...out)).toEqual([]);
  expect(out.some((t) => t.includes(tokens[0]))).toBe(false);
  expect(r.stdout).toContain(`::add-mask::${tokens[0]}`);
  const jwts = s.gh.server.requests
    .map((q) => /^bearer (\S+)$/i.exec(q.authorization ?? '')?.[1])
    .filter((t): t is string => t !== undefined);
  expect(jwts.length).toBeGreaterThan(0);
  for (const jwt of jwts) expect(out.some((t) => t.includes(jwt))).toBe(false);
  const keyLine = app.privateKeyPem.split('\n')[1];
  expect(out.some((t) => t.includes(keyLine))).toBe(false);
});

test('the client id works as github-app-id; one installation token per owner', async () => {
  s.gh.installApp(APP_ID, 'octo', {
    repos: ['site'],
    permissions: { metadata: 'read', secrets: 'write' },
    ownerType: 'User',
  });
  const r = await withApp({ 'github-app-id': app.clientId, targets: 'repo:acme/web\nrepo:octo/site' });
  expect(r.errors).toEqual([]);
  expect(s.gh.secret('octo/site', 'FLY_API_TOKEN')?.value).toBe(storedValue(s.fly.tokens[0]));
  expect(ops('apps/create-installation-access-token').map((q) => q.body)).toEqual(
    expect.arrayContaining([
      { repositories: ['web'], permissions: { metadata: 'read', secrets: 'write' } },
      { repositories: ['site'], permissions: { metadata: 'read', secrets: 'write' } },
    ]),
  );
  expect(ops('apps/revoke-installation-access-token')).toHaveLength(2);
  expect(installationTokens().every((t) => !s.gh.state.tokens.has(t))).toBe(true);
});

describe('each target kind works with exactly the permissions docs/targets.md lists', () => {
  const LINES: Record<TargetKind, string> = {
    repo: 'repo:kinds/web',
    env: 'env:kinds/web/production',
    org: 'org:kinds visibility=selected repos=web',
    dependabot: 'dependabot:kinds/web',
    'dependabot-org': 'dependabot-org:kinds visibility=all',
    codespaces: 'codespaces:kinds/web',
    'codespaces-org': 'codespaces-org:kinds visibility=selected repos=web',
  };
  const writable = TARGET_KINDS.filter((k) => !APP_CANNOT_WRITE.has(k));
  test.each(writable)('%s', async (kind) => {
    // An installation holding nothing beyond the list: a missing permission fails the run with a 403.
    s.gh.addRepo('kinds/web');
    s.gh.addEnvironment('kinds/web', 'production');
    s.gh.installApp(APP_ID, 'kinds', { repos: ['web'], permissions: permissionsFor(kind) });
    const r = await withApp({ targets: LINES[kind] });
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(s.gh.secretWrites).toHaveLength(1);
    const [created] = ops('apps/create-installation-access-token');
    const requestable = Object.keys(permissionsFor(kind)).every((p) => REQUESTABLE.has(p));
    expect(created.body ?? {}).toEqual({
      ...(LINES[kind].includes('visibility=all') ? {} : { repositories: ['web'] }),
      ...(requestable ? { permissions: permissionsFor(kind) } : {}),
    });
    expect(ops('apps/revoke-installation-access-token').map((q) => q.status)).toEqual([204]);
  });

  test.each([...APP_CANNOT_WRITE])('%s: refused before anything is minted', async (kind) => {
    s.gh.addRepo('kinds/web');
    s.gh.installApp(APP_ID, 'kinds', { repos: ['web'], permissions: permissionsFor(kind) });
    const r = await withApp({ targets: LINES[kind] });
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(
      /A GitHub App cannot write Codespaces .*Write Codespaces targets with github-token/,
    );
    expect(minted()).toBe(0);
    expect(s.gh.server.requests).toHaveLength(0);
  });
});

describe('nothing is minted when the app cannot write', () => {
  test('a private key that does not belong to the app', async () => {
    const other = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    const r = await withApp({ 'github-app-private-key': other });
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(
      /rejected the JWT of GitHub App 4242 .*github-app-private-key is not a key of app 4242/,
    );
    expect(minted()).toBe(0);
    expect(s.gh.secretWrites).toHaveLength(0);
  });

  test('an app not installed on a target owner', async () => {
    const r = await withApp({ targets: 'repo:acme/web\nrepo:octo/site' });
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/GitHub App 4242 is not installed on octo\/site/);
    expect(minted()).toBe(0);
    expect(s.gh.secretWrites).toHaveLength(0);
    // The token minted for acme during the plan is revoked all the same.
    expect(ops('apps/revoke-installation-access-token')).toHaveLength(
      ops('apps/create-installation-access-token').length,
    );
  });

  test('an installation without the permissions the targets need', async () => {
    const r = await withApp({ targets: 'repo:acme/web\ndependabot:acme/web' });
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(
      /GitHub App 4242 cannot get a token for acme .*needs the permissions metadata: read, secrets: write, dependabot_secrets: write on repositories web/,
    );
    expect(minted()).toBe(0);
    expect(s.gh.secretWrites).toHaveLength(0);
  });

  test('a target repository outside the installation', async () => {
    s.gh.addRepo('acme/secret-project');
    const r = await withApp({ targets: 'repo:acme/web\norg:acme visibility=selected repos=secret-project' });
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toMatch(/secret-project/);
    expect(minted()).toBe(0);
  });
});

test('GitHub Enterprise Server: the app flow follows GITHUB_API_URL', async () => {
  const r = await s.runInProcess(
    {
      'github-token': '',
      'github-app-id': String(APP_ID),
      'github-app-private-key': app.privateKeyPem,
      targets: TARGETS,
    },
    { env: { GITHUB_API_URL: `${s.gh.url}/api/v3` } },
  );
  expect(r.errors).toEqual([]);
  expect(s.gh.server.requests.every((q) => q.path.startsWith('/api/v3/'))).toBe(true);
  expect(ops('apps/revoke-installation-access-token')).toHaveLength(1);
});
