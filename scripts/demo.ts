// `npm run demo`: a full rotation on a fresh machine. Starts both emulators on loopback, runs the built
// action twice as GitHub's runner would, and says in plain words what happened — without printing a token.
import { existsSync } from 'node:fs';
import { ACTION_ENTRY } from '../test/harness/run-action.js';
import { APP, leaks, REPO, type Scenario, startScenario } from '../test/harness/scenario.js';

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
    const matches = stored.value === live.header;
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
  } finally {
    await s.close();
  }
}

demo().catch((err) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
