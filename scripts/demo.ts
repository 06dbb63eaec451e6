// `npm run demo`: a full rotation on a fresh machine. Starts both emulators on loopback, runs the built
// action twice as GitHub's runner would, and says in plain words what happened — without printing a token.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION_ENTRY } from '../test/harness/run-action.js';
import { APP, leaks, REPO, type Scenario, startScenario, storedValue } from '../test/harness/scenario.js';
import { startStores, writeStoreProgram } from '../test/harness/stores.js';

const say = (text = '') => process.stdout.write(`${text}\n`);

async function rotateOnce(s: Scenario, n: number): Promise<string> {
  const run = await s.run();
  if (run.code !== 0) throw new Error(`rotation ${n} failed: ${run.errors.join('; ') || run.stderr}`);
  const leaked = leaks(s, run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs));
  if (leaked.length) throw new Error(`rotation ${n} printed a token value`);
  const id = run.outputs['token-id'];
  const revoked: string[] = JSON.parse(run.outputs['revoked-token-ids']);
  say(`Rotation ${n}: minted token ${id} (expires ${run.outputs['expires-at']}).`);
  say(
    `  Wrote it to the repository secret FLY_API_TOKEN of ${REPO}, sealed with the repository's public key.`,
  );
  say(
    revoked.length
      ? `  Revoked the previous token ${revoked.join(', ')}.`
      : '  There was no previous token to revoke.',
  );
  return id;
}

async function demo(): Promise<void> {
  if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run npm run build first.`);
  const s = await startScenario();
  try {
    say(
      'fly-token-rotator demo: the built action (dist/index.js) against local emulators of Fly.io and GitHub.',
    );
    say(`  Fly emulator:    ${s.fly.url}  (user ci@example.com, org acme, app ${APP})`);
    say(`  GitHub emulator: ${s.gh.url}  (repository ${REPO}, a token allowed to write its secrets)`);
    say();
    const first = await rotateOnce(s, 1);
    say();
    const second = await rotateOnce(s, 2);
    say();
    const stored = s.gh.secret(REPO, 'FLY_API_TOKEN');
    const live = s.fly.tokens.find((t) => t.id === second);
    const old = s.fly.tokens.find((t) => t.id === first);
    if (!stored || !live || !old) throw new Error('the emulators lost track of the tokens');
    // What the action stores: Fly's token with its mark added as a caveat (proof by use, src/core/held.ts).
    const liveValue = storedValue(live);
    const matches = stored.value === liveValue;
    say(`The secret decrypts to the live token ${second}: ${matches ? 'yes' : 'NO'}.`);
    say(
      `Fly accepts the stored token for app ${APP}: ${s.fly.accepts(stored.value, { app: APP }) ? 'yes' : 'NO'}.`,
    );
    say(
      `Fly refuses the stored token for another app (acme-api): ${s.fly.accepts(stored.value, { app: 'acme-api' }) ? 'NO' : 'yes'}.`,
    );
    say(`The first token ${first} is revoked: ${old.revokedAt ? 'yes' : 'NO'}.`);
    say(
      `Requests made: ${s.fly.server.requests.length} to Fly, ${s.gh.server.requests.length} to GitHub. No token value was printed.`,
    );
    if (!matches || !old.revokedAt || !s.fly.accepts(stored.value, { app: APP })) process.exitCode = 1;
    say();
    await beyondGitHub(s);
  } finally {
    await s.close();
  }
}

/** A third rotation from a config file: one token into GitHub, GitLab, Forgejo and a command at once. */
async function beyondGitHub(s: Scenario): Promise<void> {
  const stores = await startStores(REPO);
  const { gl, fj } = stores;
  const dir = await mkdtemp(join(tmpdir(), 'fly-rotator-demo-'));
  try {
    // The command target: a tiny secret store that keeps what it reads on standard input in a file.
    const store = join(dir, 'vault.txt');
    const program = writeStoreProgram(dir);
    const config = join(dir, 'fly-tokens.yml');
    await writeFile(
      config,
      [
        'version: 1',
        'rotations:',
        `  - app: ${APP}`,
        '    token-name: fly-token-rotator demo, four stores',
        '    targets:',
        `      - repo:${REPO} secret=FLY_DEPLOY_TOKEN`,
        '      - gitlab:acme/web',
        '      - forgejo:acme/web',
        `      - command:${process.execPath} ${program} ${store}`,
        '',
      ].join('\n'),
    );
    say(
      'Rotation 3, from a config file: one token into a GitHub secret, a GitLab variable, a Forgejo secret and a',
    );
    say('command (a stand-in for vault kv put … token=-, reading the token on standard input).');
    say(`  GitLab emulator:  ${gl.url}  (project acme/web)`);
    say(`  Forgejo emulator: ${fj.url}  (repository acme/web)`);
    const run = await s.run({ config, app: '', ...stores.inputs });
    if (run.code !== 0) throw new Error(`rotation 3 failed: ${run.errors.join('; ') || run.stderr}`);
    if (leaks(s, run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)).length)
      throw new Error('rotation 3 printed a token value');
    const live = s.fly.tokens.find((t) => t.id === run.outputs['token-id']);
    if (!live) throw new Error('the Fly emulator lost track of the token');
    const liveValue = storedValue(live);
    const held = {
      'GitHub secret FLY_DEPLOY_TOKEN': s.gh.secret(REPO, 'FLY_DEPLOY_TOKEN')?.value === liveValue,
      'GitLab variable (masked, without "FlyV1 ")':
        `FlyV1 ${gl.variable('acme/web', 'FLY_API_TOKEN')?.value}` === liveValue,
      'Forgejo secret FLY_API_TOKEN': fj.secret({ repo: 'acme/web' }, 'FLY_API_TOKEN')?.value === liveValue,
      "the command's store": (await readFile(store, 'utf8')) === liveValue,
    };
    say(`  Minted token ${live.id}; each store holds it:`);
    for (const [where, ok] of Object.entries(held)) say(`    ${where}: ${ok ? 'yes' : 'NO'}`);
    say('  GitLab was read back and compared after the write; Forgejo and the command cannot be read back.');
    if (Object.values(held).some((ok) => !ok)) process.exitCode = 1;
  } finally {
    await Promise.all([stores.close(), rm(dir, { recursive: true, force: true })]);
  }
}

demo().catch((err) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
