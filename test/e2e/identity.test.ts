// A rotation's managed identity, end to end (issue 17, cases 4, 5 and 10): rotations of one Fly scope never
// take each other's tokens for their own, editing a rotation's targets leaves no token it minted unmanaged, and
// a config in which two rotations would write one target is refused before anything is minted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { CLOCK_SKEW_MS } from '../../src/core/holdings.js';
import { GITHUB_TOKEN, REPO, type Scenario, startScenario, storedValue } from '../harness/scenario.js';
import { type Stores, startStores, writeStoreProgram } from '../harness/stores.js';

const dir = mkdtempSync(join(tmpdir(), 'fly-rotator-identity-'));
const STORE = writeStoreProgram(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let s: Scenario;
let stores: Stores;
beforeEach(async () => {
  [s, stores] = await Promise.all([startScenario(), startStores('alice/web')]);
});
afterEach(async () => {
  await Promise.all([s.close(), stores.close()]);
});

/** Moves the emulators' shared clock past the clock allowance, as time passes between scheduled runs. */
const tick = () => s.fly.advance(CLOCK_SKEW_MS + 5000);
const valid = () => s.fly.tokens.filter((t) => !t.revokedAt);
const accepted = (header: string | undefined) => !!header && s.fly.accepts(header, { app: 'acme-web' });

describe('case 4: rotations of one Fly scope whose targets differ only in their address keep apart', () => {
  // Targets a command or GitLab store cannot say when they were written: without a grace period every previous
  // token goes at once, which is when a rotation that took another's tokens for its own revokes them.
  const inProcess = (targets: string) => {
    tick();
    return s.runInProcess({ targets, ...stores.inputs }, { env: { FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: '0' } });
  };
  const file = (name: string) => join(dir, name);
  const held = {
    command: (which: string) => readFileSync(file(which), 'utf8'),
    gitlab: (which: string) => `FlyV1 ${stores.gl.variable('alice/web', 'FLY_API_TOKEN', which)?.value}`,
  };
  test.each([
    ['a command whose arguments differ', 'command', `command:node ${STORE} ${file('deploy')}`, 'deploy'],
    [
      'a GitLab variable of another environment scope',
      'gitlab',
      'gitlab:alice/web scope=production',
      'production',
    ],
  ] as const)(
    '%s is another rotation: neither revokes the token the other holds',
    async (_, store, first, which) => {
      const [other, otherWhich] =
        store === 'command'
          ? [`command:node ${STORE} ${file('migrate')}`, 'migrate']
          : ['gitlab:alice/web scope=staging', 'staging'];
      const written: string[] = [];
      for (let round = 0; round < 2; round++) {
        for (const [targets, where] of [
          [first, which],
          [other, otherWhich],
        ]) {
          const r = await inProcess(targets);
          expect(r.errors).toEqual([]);
          expect(r.code).toBe(0);
          if (!written.includes(where)) written.push(where);
          // After every run each store holds a token Fly accepts: each run revoked only its own previous token.
          for (const w of written) expect(accepted(held[store](w))).toBe(true);
        }
      }
      const names = new Set(valid().map((t) => t.name.split(' · ')[0]));
      expect(names.size).toBe(2);
      expect(valid()).toHaveLength(2);
    },
  );
});

test("an earlier release's GitLab and command names are never claimed: status points their tokens out", async () => {
  const run = (inputs: Record<string, string>) => {
    tick();
    return s.runInProcess(
      { targets: 'gitlab:alice/web scope=production', ...stores.inputs, ...inputs },
      { env: { FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: '0' } },
    );
  };
  // What an earlier release named it, and also a rotation of the variable in any other scope.
  const earlier = await run({ 'token-name': 'fly-token-rotator gitlab alice/web FLY_API_TOKEN' });
  const id = earlier.outputs['token-id'];
  const now = await run({});
  expect(now.code).toBe(0);
  expect(s.fly.tokens.find((t) => t.id === id)?.revokedAt).toBeFalsy();
  const status = await run({ mode: 'status' });
  expect(status.code).toBe(0);
  expect(JSON.parse(status.outputs.tokens).map((t: { id: string }) => t.id)).toEqual([
    now.outputs['token-id'],
  ]);
  expect(status.summary).toContain(
    `Not managed: \`${id}\` (\`fly-token-rotator gitlab alice/web FLY_API_TOKEN · cli`,
  );
  expect(status.summary).toMatch(/revoke them by id \(mode revoke\)/);
});

describe('case 5: editing targets leaves no token of the rotation unmanaged', () => {
  beforeEach(() => {
    s.gh.addEnvironment(REPO, 'production');
    s.gh.addToken(GITHUB_TOKEN, {
      kind: 'fine-grained',
      repos: [REPO],
      permissions: { secrets: 'write', metadata: 'read', actions: 'read', environments: 'write' },
    });
  });
  const A = `repo:${REPO}`;
  const B = `repo:${REPO} secret=FLY_TWO`;
  const C = `env:${REPO}/production`;
  // As scheduled runs hours apart: no grace period (a target just added cannot say it was written after the
  // previous token was minted, so a young previous token would be left for a later run).
  const rotate = (targets: string[], inputs: Record<string, string> = {}) => {
    tick();
    return s.runInProcess(
      { targets: targets.join('\n'), ...inputs },
      { env: { FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: '0' } },
    );
  };
  /** What the earlier releases named a rotation of [A, B]: the first target and how many follow. */
  const EARLIER = 'fly-token-rotator acme/web FLY_API_TOKEN +1';

  test('adding, reordering and removing targets: every earlier token is revoked in time, every target holds the new one', async () => {
    const earlier = await rotate([A, B], { 'token-name': EARLIER });
    expect(earlier.code).toBe(0);
    const steps = [
      [A, B],
      [A, B, C],
      [B, C, A],
      [C, A, B],
      [A, C],
    ];
    for (const targets of steps) {
      const r = await rotate(targets);
      expect(r.errors).toEqual([]);
      expect(r.code).toBe(0);
      // One valid token: the run's own; every earlier one (the release before's included) was revoked.
      expect(valid().map((t) => t.id)).toEqual([r.outputs['token-id']]);
      const header = storedValue(valid()[0]);
      expect(s.gh.secret(REPO, 'FLY_API_TOKEN')?.value).toBe(header);
    }
    // Adding targets after the first changed nothing; the first target names the rotation.
    const names = s.fly.tokens.slice(1).map((t) => t.name.split(' · ')[0]);
    expect(names).toEqual([
      'fly-token-rotator acme/web FLY_API_TOKEN',
      'fly-token-rotator acme/web FLY_API_TOKEN',
      'fly-token-rotator acme/web FLY_TWO',
      'fly-token-rotator acme/web/production FLY_API_TOKEN',
      'fly-token-rotator acme/web FLY_API_TOKEN',
    ]);
  });

  test('status and revoke-all count a token minted under the default name of an earlier release', async () => {
    const earlier = await rotate([A, B], { 'token-name': EARLIER });
    const id = earlier.outputs['token-id'];
    // The same targets, reordered and without token-name, as after upgrading.
    const status = await rotate([B, A], { mode: 'status' });
    expect(status.errors).toEqual([]);
    expect(status.code).toBe(0);
    const tokens = JSON.parse(status.outputs.tokens) as { id: string; current: boolean }[];
    expect(tokens).toEqual([expect.objectContaining({ id, current: true })]);
    expect(JSON.parse(status.outputs.holdings).map((h: { tokenId: string }) => h.tokenId)).toEqual([id, id]);
    const kill = await rotate([B, A], { mode: 'revoke-all' });
    expect(kill.code).toBe(0);
    expect(JSON.parse(kill.outputs['revoked-token-ids'])).toEqual([id]);
    expect(valid()).toEqual([]);
  });
});

describe('case 10: a config in which two rotations write one target is refused before anything is minted', () => {
  beforeEach(() => {
    s.gh.addRepo('acme/api');
    s.gh.addToken(GITHUB_TOKEN, {
      kind: 'fine-grained',
      repos: [REPO, 'acme/api'],
      permissions: { secrets: 'write', metadata: 'read' },
    });
  });
  const withConfig = (text: string) => {
    const file = join(dir, 'fly-tokens.yml');
    writeFileSync(file, text);
    return s.runInProcess({ config: file, app: '' });
  };

  test('one secret in two rotations (spelt differently): refused, naming both rotations and the secret', async () => {
    const r = await withConfig(`rotations:
  - name: web
    app: acme-web
    targets: [repo:acme/web, repo:acme/api]
  - name: api
    app: acme-api
    targets: ["repo:Acme/Web secret=fly_api_token"]
`);
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(
      /fly-tokens\.yml:5: rotations\.1 \(api\) and rotations\.0 \(web\) both write "Acme\/Web FLY_API_TOKEN"/,
    );
    expect(s.fly.server.requests).toEqual([]);
    expect(s.gh.server.requests).toEqual([]);
  });

  test('one GitLab variable in two rotations; another environment scope is another variable', async () => {
    const config = (scope: string) => `rotations:
  - name: production
    app: acme-web
    targets: ["gitlab:alice/web scope=production"]
  - name: other
    app: acme-api
    targets: ["gitlab:alice/web scope=${scope}"]
`;
    const same = await withConfig(config('production'));
    expect(same.code).toBe(1);
    expect(same.errors.join('\n')).toMatch(
      /rotations\.1 \(other\) and rotations\.0 \(production\) both write "gitlab alice\/web FLY_API_TOKEN scope=production"/,
    );
    expect(s.fly.server.requests).toEqual([]);
  });

  test('two rotations of one app with the same token-name: refused, their sweeps would revoke each other', async () => {
    const r = await withConfig(`defaults:
  token-name: ci
rotations:
  - name: web
    app: acme-web
    targets: [repo:acme/web]
  - name: web-exec
    app: acme-web
    kind: machine-exec
    commands: [/bin/true]
    targets: [repo:acme/api]
`);
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(
      /rotations\.1 \(web-exec\) and rotations\.0 \(web\) manage the same token names in app acme-web \("ci" and "ci"\)/,
    );
    expect(s.fly.server.requests).toEqual([]);
  });
});
