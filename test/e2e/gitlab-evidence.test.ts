// Issue 17's GitLab cases end to end (the action's entry in this process, against the Fly and GitLab emulators):
// whatever GitLab does after it accepted a write, the token the variable now holds is never revoked.
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { startGitLabEmulator } from '../emulators/gitlab/index.js';
import { FAST_ENV } from '../faults/world.js';
import { type Scenario, startScenario, storedValue } from '../harness/scenario.js';

const TOKEN = 'glpat-emulator0owner0token000000';
let s: Scenario;
let gl: Awaited<ReturnType<typeof startGitLabEmulator>>;
beforeEach(async () => {
  [s, gl] = await Promise.all([startScenario(), startGitLabEmulator({ premium: false })]);
  gl.addProject('acme/web');
  gl.addGroup('acme/platform');
  gl.addToken(TOKEN, { scopes: ['api'], roles: { 'acme/web': 'maintainer', 'acme/platform': 'owner' } });
});
afterEach(async () => {
  await Promise.all([s.close(), gl.close()]);
});

const rotate = (targets: string) => {
  s.fly.advance(10_000);
  return s.runInProcess(
    { targets, 'gitlab-url': gl.url, 'gitlab-token': TOKEN, 'token-name': 'gitlab-cases' },
    { env: FAST_ENV },
  );
};
const token = (id: string) => s.fly.tokens.find((t) => t.id === id)!;
const valid = (id: string) => !token(id).revokedAt;
const bare = (v: string) => v.replace(/^FlyV1 /, '');

test('case 2: a hidden variable takes the write, cannot be read back, and its new token is kept, not revoked', async () => {
  const first = await rotate('gitlab:acme/web');
  expect(first.errors).toEqual([]);
  // The variable made masked and hidden by hand, as GitLab recommends: its value no longer comes back.
  const v = gl.state
    .variablesOf(gl.state.owner('project', 'acme/web')!)
    .find((x) => x.key === 'FLY_API_TOKEN')!;
  v.hidden = true;
  v.masked = true;
  const second = await rotate('gitlab:acme/web');
  const id = second.outputs['token-id'] ?? s.fly.tokens.at(-1)!.id;
  expect(gl.variable('acme/web', 'FLY_API_TOKEN')?.value).toBe(bare(storedValue(token(id))));
  // The description names the new token: the write counts as done, and only the previous token is revoked.
  expect(valid(id)).toBe(true);
  expect(second.errors).toEqual([]);
  expect(second.code).toBe(0);
  expect(JSON.parse(second.outputs['revoked-token-ids'])).toEqual([first.outputs['token-id']]);
  expect(second.errors.join('\n')).not.toMatch(/still holds? the previous token/);
});

test('case 3: a group scope= on GitLab Free lands at scope *; the run deletes that new variable again and revokes the token nobody holds', async () => {
  const r = await rotate('gitlab-group:acme/platform secret=FLY_DEPLOY scope=production');
  const id = s.fly.tokens.at(-1)!.id;
  // GitLab Free dropped the scope and created the variable for every environment: the run took it back, so no
  // variable of a scope it was not asked to write is left, and the token it held for a moment is revoked.
  expect(gl.variable('acme/platform', 'FLY_DEPLOY', '*')).toBeUndefined();
  expect(gl.state.variablesOf(gl.state.owner('group', 'acme/platform')!)).toEqual([]);
  expect(valid(id)).toBe(false);
  expect(r.code).toBe(1);
  expect(r.errors.join('\n')).toMatch(/environment scope "\*" instead of "production"/);
  expect(r.errors.join('\n')).toMatch(/deleted that variable again/);
});

test('case 3, another variable of that key exists: the * variable is left (a delete could hit the other), and its token stays valid', async () => {
  gl.seedVariable('acme/platform', {
    key: 'FLY_DEPLOY',
    value: 'staging0value0by0hand',
    environment_scope: 'staging',
  });
  const r = await rotate('gitlab-group:acme/platform secret=FLY_DEPLOY scope=production');
  const id = s.fly.tokens.at(-1)!.id;
  const star = gl.variable('acme/platform', 'FLY_DEPLOY', '*');
  expect(star?.value).toBe(bare(storedValue(token(id))));
  expect(gl.variable('acme/platform', 'FLY_DEPLOY', 'staging')?.value).toBe('staging0value0by0hand');
  expect(valid(id)).toBe(true);
  expect(r.code).toBe(1);
  expect(r.errors.join('\n')).toMatch(/left as it is/);
});
