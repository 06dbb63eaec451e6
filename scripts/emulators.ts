// `npm run emulators`: the Fly and GitHub emulators on loopback, seeded like the demo, for trying the CLI
// and the action by hand. Prints the environment to paste into another shell and commands to run there,
// then serves until Ctrl-C (SIGINT) or SIGTERM.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP, GITHUB_TOKEN, REPO, startScenario } from '../test/harness/scenario.js';
import { FORGEJO_TOKEN, GITLAB_TOKEN, startStores } from '../test/harness/stores.js';

const say = (text = '') => process.stdout.write(`${text}\n`);
/** Single quotes keep a value intact in any POSIX shell. */
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

const CONFIG = `rotations:
  - app: acme-web
    targets: [repo:acme/web, "repo:acme/web secret=FLY_WEB_TOKEN"]
  - app: acme-api
    targets: [repo:acme/api, gitlab:acme/api, forgejo:acme/api]
`;

async function main(): Promise<void> {
  // Pages as large as Fly's, so that listings by hand look like the real API's.
  const [s, stores] = await Promise.all([startScenario({ pageSize: 100 }), startStores('acme/api')]);
  const { gl, fj } = stores;
  s.gh.addRepo('acme/api');
  s.gh.addToken(GITHUB_TOKEN, {
    kind: 'fine-grained',
    repos: [REPO, 'acme/api'],
    permissions: { secrets: 'write', metadata: 'read' },
  });
  const dir = await mkdtemp(join(tmpdir(), 'fly-rotator-emulators-'));
  const config = join(dir, 'fly-tokens.yml');
  await writeFile(config, CONFIG);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([s.close(), stores.close(), rm(dir, { recursive: true, force: true })]);
    say(`\n${signal}: emulators stopped.`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const env: Record<string, string> = {
    FLY_API_BASE_URL: s.fly.url,
    GITHUB_API_URL: s.gh.url,
    FLY_API_TOKEN: s.authToken,
    GITHUB_TOKEN,
    GITHUB_REPOSITORY: REPO,
    FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off',
    GITLAB_URL: gl.url,
    GITLAB_TOKEN,
    FORGEJO_URL: fj.url,
    FORGEJO_TOKEN,
  };
  say('Emulators of Fly.io and GitHub on loopback:');
  say(`  Fly:    ${s.fly.url}  (user ci@example.com, org acme, apps ${APP} and acme-api)`);
  say(`  GitHub: ${s.gh.url}  (repositories ${REPO} and acme/api; GITHUB_TOKEN may write their secrets)`);
  say(`  GitLab: ${gl.url}  (project acme/api; GITLAB_TOKEN is a Maintainer with scope api)`);
  say(`  Forgejo: ${fj.url}  (repository acme/api; FORGEJO_TOKEN has write:repository)`);
  say();
  say('Paste into another shell (in this checkout):');
  for (const [name, value] of Object.entries(env)) say(`export ${name}=${quote(value)}`);
  say();
  say('Then try the CLI (after npm run build):');
  say(`  node bin/fly-token-rotator.js --app ${APP} --repository ${REPO} --dry-run`);
  say(`  node bin/fly-token-rotator.js --app ${APP} --repository ${REPO}`);
  say(`  node bin/fly-token-rotator.js --app ${APP} --repository ${REPO} --mode status`);
  say(`  node bin/fly-token-rotator.js --config ${quote(config)} --mode plan`);
  say(`  node bin/fly-token-rotator.js --config ${quote(config)} --json`);
  say('And the action as the runner starts it (inputs as INPUT_* variables, outputs appended to a file):');
  say(
    `  env -u GITHUB_TOKEN INPUT_APP=${APP} "INPUT_FLY-API-TOKEN=$FLY_API_TOKEN" "INPUT_GITHUB-TOKEN=$GITHUB_TOKEN" ` +
      'GITHUB_OUTPUT=/dev/stdout GITHUB_STEP_SUMMARY=/dev/null node dist/index.js',
  );
  say();
  say('Ctrl-C stops the emulators.');
}

main().catch((err) => {
  process.stderr.write(`emulators failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
