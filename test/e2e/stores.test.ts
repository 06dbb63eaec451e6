// One Fly token into every kind of store at once, end to end: the action against the Fly, GitHub, GitLab and
// Forgejo emulators, with a command target that keeps what it reads on stdin in a file. The first case runs the
// built action (its real stdout carries the masks); the others the action's entry in this process.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { CLOCK_SKEW_MS } from '../../src/core/holdings.js';
import type { ForgejoEmulator } from '../emulators/forgejo/index.js';
import type { GitLabEmulator } from '../emulators/gitlab/index.js';
import { leaks, REPO, type Scenario, startScenario, storedValue } from '../harness/scenario.js';
import {
  FORGEJO_TOKEN,
  GITLAB_TOKEN,
  type Stores,
  startStores,
  writeStoreProgram,
} from '../harness/stores.js';

const dir = mkdtempSync(join(tmpdir(), 'fly-rotator-stores-'));
const STORE = writeStoreProgram(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let s: Scenario;
let stores: Stores;
let fj: ForgejoEmulator;
let gl: GitLabEmulator;
beforeEach(async () => {
  [s, stores] = await Promise.all([startScenario(), startStores('alice/web')]);
  ({ fj, gl } = stores);
});
afterEach(async () => {
  await Promise.all([s.close(), stores.close()]);
});

const stored = (name: string) => join(dir, name);
const targets = (file: string, extra = '') =>
  [
    `repo:${REPO}`,
    'gitlab:alice/web',
    'forgejo:alice/web',
    // `node` from PATH, not process.execPath: a label is cut at 80 characters, and a long path to Node (as
    // scripts/node24.sh installs it) would cut the program's name out of the messages checked below.
    `command:node ${STORE} ${stored(file)}${extra}`,
  ].join('\n');
// Runs follow each other within seconds here: with targets that cannot say when they were written, a previous
// token that young is left for a later run unless the grace period is off.
const args = (file: string, extra: string, inputs: Record<string, string>, grace: string) =>
  [
    {
      targets: targets(file, extra),
      ...stores.inputs,
      'token-name': 'fly-token-rotator stores',
      ...inputs,
    },
    { env: { FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: grace } },
  ] as const;
/**
 * Fly's createdAt and GitHub's updated_at have one-second resolution, and runs in this process follow each
 * other within milliseconds: each run moves the emulators' shared clock past the clock allowance first, so
 * that "minted before this write" means what it does in production (as the fault suite does).
 */
function tick(): void {
  s.fly.advance(CLOCK_SKEW_MS + 5000);
}
const run = (file: string, extra = '', inputs: Record<string, string> = {}, grace = '0') => {
  tick();
  return s.runInProcess(...args(file, extra, inputs, grace));
};
const built = (file: string) => {
  tick();
  return s.run(...args(file, '', {}, '0'));
};

describe('GitHub, GitLab, Forgejo and a command in one rotation', () => {
  test('every target holds the new token, the previous one is revoked only after all of them, nothing leaks', async () => {
    const first = await built('a');
    expect(first.errors).toEqual([]);
    const second = await built('b');
    expect(second.code).toBe(0);
    const id = second.outputs['token-id'];
    const live = s.fly.tokens.find((t) => t.id === id)!;
    expect(s.gh.secret(REPO, 'FLY_API_TOKEN')?.value).toBe(storedValue(live));
    expect(fj.secret({ repo: 'alice/web' }, 'FLY_API_TOKEN')?.value).toBe(storedValue(live));
    // GitLab holds it masked, so without the scheme; flyctl (and Fly) take that form.
    const variable = gl.variable('alice/web', 'FLY_API_TOKEN')!;
    expect(variable).toMatchObject({
      masked: true,
      protected: true,
      raw: true,
      description: `Fly token ${id} · fly-token-rotator`,
    });
    expect(`FlyV1 ${variable.value}`).toBe(storedValue(live));
    expect(s.fly.accepts(`FlyV1 ${variable.value}`, { app: 'acme-web' })).toBe(true);
    expect(second.summary).toMatch(
      /GitLab variable FLY_API_TOKEN of project alice\/web \(environment \\\*\) \| updated, read back and compared/,
    );
    expect(readFileSync(stored('b'), 'utf8')).toBe(storedValue(live));
    expect(JSON.parse(second.outputs['revoked-token-ids'])).toEqual([first.outputs['token-id']]);
    expect(second.summary).toMatch(
      /Forgejo secret FLY_API_TOKEN of repository alice\/web \| updated \(the store cannot be read back\)/,
    );
    expect(second.stdout).toMatch(/node stdout: stored \d+ characters/);
    expect(leaks(s, first.stdout, first.stderr, second.stdout, second.stderr, second.summary)).toEqual([]);
    expect(second.stdout).toContain(`::add-mask::${FORGEJO_TOKEN}`);
    expect(second.stdout).toContain(`::add-mask::${GITLAB_TOKEN}`);
    for (const credential of [FORGEJO_TOKEN, GITLAB_TOKEN])
      expect(second.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(credential);
  });

  test('a previous token minutes old is left for a later run: these targets cannot say when they were written', async () => {
    const first = await run('h', '', {}, String(15 * 60_000));
    const second = await run('i', '', {}, String(15 * 60_000));
    expect(second.code).toBe(0);
    expect(JSON.parse(second.outputs['revoked-token-ids'])).toEqual([]);
    expect(second.summary).toMatch(new RegExp(`Left for a later run \\| \`${first.outputs['token-id']}\``));
  });

  test('a command that fails keeps both tokens valid: it may have stored the new one', async () => {
    const first = await run('c');
    const failed = await run('d', ' fail');
    expect(failed.code).toBe(1);
    expect(failed.errors.join('\n')).toMatch(
      /exited with status 1: vault: permission denied; it may still have stored the token/,
    );
    expect(failed.errors.join('\n')).toMatch(
      /store\.mjs .* may hold the previous token \w+ or the new token \w+, so no token was revoked and both stay valid/,
    );
    const valid = s.fly.tokens.filter((t) => !t.revokedAt).map((t) => t.id);
    expect(valid).toEqual(expect.arrayContaining([first.outputs['token-id'], failed.outputs['token-id']]));
    // The next good run writes every target again and revokes both older tokens.
    const next = await run('e');
    expect(next.code).toBe(0);
    expect(s.fly.tokens.filter((t) => !t.revokedAt).map((t) => t.id)).toEqual([next.outputs['token-id']]);
  });

  test('a Forgejo token that cannot write stops the run before anything is minted', async () => {
    fj.addToken('forgejo0read0only0token000000000000000001', { user: 'alice', scopes: ['read:repository'] });
    const r = await run('f', '', { 'forgejo-token': 'forgejo0read0only0token000000000000000001' });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/write:repository/);
    expect(s.fly.tokens.filter((t) => t.name.startsWith('fly-token-rotator stores'))).toEqual([]);
  });

  test('a GitLab token with read_api only stops the run before anything is minted, naming the scope', async () => {
    gl.addToken('glpat-emulator0read0only0000', {
      scopes: ['read_api'],
      roles: { 'alice/web': 'maintainer' },
    });
    const r = await run('j', '', { 'gitlab-token': 'glpat-emulator0read0only0000' });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/scope api/);
    expect(s.fly.tokens.filter((t) => t.name.startsWith('fly-token-rotator stores'))).toEqual([]);
  });

  test('status tells which token GitLab holds; the stores that cannot tell are marked so', async () => {
    await run('k');
    const second = await run('l');
    const status = await run('l', '', { mode: 'status' });
    expect(status.errors).toEqual([]);
    expect(status.code).toBe(0);
    const holdings = JSON.parse(status.outputs.holdings);
    const id = second.outputs['token-id'];
    expect(
      holdings.map((h: { tokenId: string; unproven?: boolean }) => [h.tokenId, h.unproven ?? false]),
    ).toEqual([
      [id, false],
      [id, false],
      [id, true],
      [id, true],
    ]);
  });

  test('revoke refuses a valid previous token without force: a command or Forgejo secret may still hold it', async () => {
    const first = await run('m');
    await run('n', '', { 'keep-previous': '1' });
    const id = first.outputs['token-id'];
    const refused = await run('n', '', { mode: 'revoke', 'token-ids': id });
    expect(refused.code).toBe(1);
    expect(refused.summary).toMatch(/refused/);
    expect(refused.summary).toMatch(/\(which cannot say which token it holds\)/);
    expect(s.fly.tokens.find((t) => t.id === id)?.revokedAt).toBeFalsy();
    const forced = await run('n', '', { mode: 'revoke', 'token-ids': id, force: 'true' });
    expect(forced.code).toBe(0);
    expect(s.fly.tokens.find((t) => t.id === id)?.revokedAt).toBeTruthy();
  });

  test('Forgejo targets without forgejo-url are refused before any call', async () => {
    const r = await run('g', '', { 'forgejo-url': '' });
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(
      /forgejo-url is required for Forgejo targets\. Expected the instance's address/,
    );
    expect(s.fly.server.requests).toEqual([]);
  });
});

describe('a GitLab group variable of one environment (issue 20)', () => {
  const GROUP_TOKEN = 'glpat-emulator0group0owner0000';
  const production = 'gitlab-group:alice/platform secret=FLY_DEPLOY scope=production';
  const rotate = (extra: Record<string, string> = {}) => {
    tick();
    return s.runInProcess(
      {
        targets: production,
        ...stores.inputs,
        'gitlab-token': GROUP_TOKEN,
        'token-name': 'fly-token-rotator group',
        ...extra,
      },
      { env: { FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: '0' } },
    );
  };
  beforeEach(() => {
    gl.state.premium = true;
    gl.addGroup('alice/platform');
    gl.addToken(GROUP_TOKEN, { scopes: ['api'], roles: { 'alice/platform': 'owner' } });
    gl.seedVariable('alice/platform', {
      key: 'FLY_DEPLOY',
      value: 'the staging token',
      environment_scope: 'staging',
      description: 'Fly token staging · fly-token-rotator',
    });
  });

  test("rotating production never changes staging's variable; production is created, then updated", async () => {
    const first = await rotate();
    expect(first.errors).toEqual([]);
    const second = await rotate();
    expect(second.errors).toEqual([]);
    const live = s.fly.tokens.find((t) => t.id === second.outputs['token-id'])!;
    const variable = gl.variable('alice/platform', 'FLY_DEPLOY', 'production')!;
    expect(variable.description).toBe(`Fly token ${live.id} · fly-token-rotator`);
    // Masked, so without the scheme.
    expect(`FlyV1 ${variable.value}`).toBe(storedValue(live));
    expect(gl.variable('alice/platform', 'FLY_DEPLOY', 'staging')).toMatchObject({
      value: 'the staging token',
      description: 'Fly token staging · fly-token-rotator',
    });
    expect(gl.writes.map((w) => [w.environmentScope, w.action])).toEqual([
      ['production', 'create'],
      ['production', 'update'],
    ]);
    expect(JSON.parse(second.outputs['revoked-token-ids'])).toEqual([first.outputs['token-id']]);
  });

  test('without Premium, a key that exists only for * is warned of before minting; nothing else changes', async () => {
    gl.state.premium = false;
    // Only the * variable: a staging one would show the group keeps scopes.
    const list = gl.state.variablesOf(gl.state.owner('group', 'alice/platform')!);
    list.splice(0, list.length);
    gl.seedVariable('alice/platform', { key: 'FLY_DEPLOY', value: 'every environment' });
    const r = await rotate();
    expect(r.stdout).toMatch(
      /::warning::group alice\/platform has FLY_DEPLOY only for every environment \(\*\).*needs GitLab Premium or Ultimate/,
    );
    // GitLab Free collides with the * variable: refused, so nothing landed; the new token is revoked again.
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(/every target still holds its previous token/);
    expect(gl.variable('alice/platform', 'FLY_DEPLOY')?.value).toBe('every environment');
    expect(gl.writes).toEqual([]);
  });
});
