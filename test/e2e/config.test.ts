// Many rotations from one config file: the action's entry (in this process) against both emulators; plan mode,
// whose matrix output a workflow reads, through the built action.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { GITHUB_TOKEN, leaks, type Scenario, startScenario } from '../harness/scenario.js';

let s: Scenario;
let dir: string;
beforeEach(async () => {
  s = await startScenario();
  s.fly.addApp('acme-db', 'acme');
  for (const repo of ['acme/api', 'acme/db']) s.gh.addRepo(repo);
  s.gh.addToken(GITHUB_TOKEN, {
    kind: 'fine-grained',
    repos: ['acme/web', 'acme/api', 'acme/db'],
    permissions: { secrets: 'write', metadata: 'read' },
  });
  dir = await mkdtemp(join(tmpdir(), 'fly-rotator-config-'));
});
afterEach(async () => {
  await s.close();
  await rm(dir, { recursive: true, force: true });
});

/** What the runner shows: it consumes ::add-mask:: commands instead of printing them. */
const shown = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

async function config(text: string): Promise<string> {
  const file = join(dir, 'fly-tokens.yml');
  await writeFile(file, text);
  return file;
}

const THREE = `defaults:
  expiry: 2d
rotations:
  - app: acme-web
    targets: [repo:acme/web, "repo:acme/web secret=FLY_WEB_TOKEN"]
  - app: acme-api
    targets: [repo:acme/api]
  - app: acme-db
    targets: [repo:acme/db]
`;

test('rotates every entry of the config: one public key per target, one write per secret', async () => {
  const run = await s.runInProcess({ config: await config(THREE), app: '' });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(s.fly.tokens.filter((t) => !t.revokedAt)).toHaveLength(3);
  for (const [repo, app, secret] of [
    ['acme/web', 'acme-web', 'FLY_API_TOKEN'],
    ['acme/web', 'acme-web', 'FLY_WEB_TOKEN'],
    ['acme/api', 'acme-api', 'FLY_API_TOKEN'],
    ['acme/db', 'acme-db', 'FLY_API_TOKEN'],
  ]) {
    const value = s.gh.secret(repo, secret)!.value;
    expect(s.fly.accepts(value, { app })).toBe(true);
  }
  const token = s.fly.tokens.find((t) => t.name.includes('acme/db'))!;
  expect(token.expiresAt.getTime() - token.createdAt.getTime()).toBe(2 * 86_400_000);
  expect(s.gh.secretWrites).toHaveLength(4);
  const keyReads = s.gh.server.requests.filter((r) => r.operation === 'actions/get-repo-public-key');
  expect(keyReads.map((r) => r.path).sort()).toEqual([
    '/repos/acme/api/actions/secrets/public-key',
    '/repos/acme/db/actions/secrets/public-key',
    '/repos/acme/web/actions/secrets/public-key',
  ]);
  expect(run.summary).toContain('acme-db: ');
  expect(leaks(s, shown(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs))).toEqual([]);
});

test('one failing rotation does not stop the others; the failure names exactly that one', async () => {
  // acme-api's repository is out of the token's reach: its write fails, the others go through.
  s.gh.addToken(GITHUB_TOKEN, {
    kind: 'fine-grained',
    repos: ['acme/web', 'acme/db'],
    permissions: { secrets: 'write', metadata: 'read' },
  });
  const run = await s.runInProcess({ config: await config(THREE), app: '' });
  expect(run.code).toBe(1);
  expect(run.errors).toHaveLength(1);
  expect(run.errors[0]).toMatch(/^1 of 3 rotations failed: acme-api: /);
  expect(run.errors[0]).not.toMatch(/acme-web:|acme-db:/);
  expect(s.gh.secret('acme/db', 'FLY_API_TOKEN')).toBeDefined();
  expect(s.gh.secret('acme/web', 'FLY_API_TOKEN')).toBeDefined();
  expect(s.gh.secret('acme/api', 'FLY_API_TOKEN')).toBeUndefined();
  // The token minted for the failed rotation was not left valid.
  const api = s.fly.tokens.filter((t) => t.name.includes('acme/api'));
  expect(api.every((t) => t.revokedAt)).toBe(true);
  expect(leaks(s, shown(run.stdout), run.stderr, run.summary)).toEqual([]);
});

test('a bad config reports every problem with its line and calls no API', async () => {
  const run = await s.runInProcess({
    config: await config(`rotations:
  - app: acme-web
    expiry: soon
    colour: blue
  - app: acme-api
    targets: [nowhere:acme/api]
`),
    app: '',
  });
  expect(run.code).toBe(1);
  const [error] = run.errors;
  expect(error).toMatch(/fly-tokens\.yml has 3 problems:/);
  expect(error).toMatch(/fly-tokens\.yml:3: rotations\.0\.expiry/);
  expect(error).toMatch(/fly-tokens\.yml:4: rotations\.0 has unknown key "colour"/);
  expect(error).toMatch(/fly-tokens\.yml:6: rotations\.1 \(acme-api\): targets line 1/);
  expect(s.fly.server.requests).toEqual([]);
  expect(s.gh.server.requests).toEqual([]);
});

test('mode plan prints the matrix without credentials or API calls; only rotates one entry', async () => {
  const file = await config(THREE);
  const plan = await s.run({ config: file, mode: 'plan', app: '', 'fly-api-token': '', 'github-token': '' });
  expect(plan.code).toBe(0);
  const matrix = JSON.parse(plan.outputs.matrix);
  expect(matrix.include.map((e: { name: string }) => e.name)).toEqual(['acme-web', 'acme-api', 'acme-db']);
  expect(plan.summary).toContain('3 rotation(s)');
  expect(s.fly.server.requests).toEqual([]);
  expect(s.gh.server.requests).toEqual([]);

  const one = await s.run({ config: file, only: 'acme-api', app: '' });
  expect(one.code).toBe(0);
  expect(s.fly.tokens.map((t) => t.name.split(' · ')[0])).toEqual([
    'fly-token-rotator acme/api FLY_API_TOKEN',
  ]);
  expect(one.outputs['token-id']).toBe(s.fly.tokens[0].id);

  const unknown = await s.run({ config: file, only: 'acme-cache', app: '' });
  expect(unknown.code).toBe(1);
  expect(unknown.errors[0]).toMatch(/only names "acme-cache".*Expected one of: acme-web, acme-api, acme-db/);
});
