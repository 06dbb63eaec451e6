// Benchmarks against the local emulators with an injected round-trip delay: `npm run bench [-- --rtt 50
// --runs 5 --big 100 --no-big-paced]`. Prints a table and writes docs/BENCHMARKS.md. Not part of the tests.
// Child processes (the built action and CLI, bare node) run on Node 24, the runtime action.yml names, taken
// from scripts/node24.sh; the in-process rotation runs on whatever Node runs this script.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Octokit } from '@octokit/core';
import type { Log } from '../src/core/interfaces.js';
import { createGitHub } from '../src/github/octokit.js';
import { readInputs } from '../src/inputs/read.js';
import { apiFetch } from '../src/net/fetch.js';
import { execute } from '../src/run/execute.js';
import { createServices } from '../src/run/services.js';
import { GITHUB_TOKEN, type Scenario, startScenario } from '../test/harness/scenario.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const NODE24 = join(
  execFileSync('bash', [join(root, 'scripts/node24.sh')], { encoding: 'utf8' }).trim(),
  'node',
);
const node24Version = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
/** actions/create-github-app-token's start-up over bare Node 24, measured on this machine: the target. */
const REFERENCE_STARTUP_MS = 90;
/** `--reference path/to/create-github-app-token/dist/main.cjs`: measure that bundle's start-up in the same loop. */
const REFERENCE = process.argv.includes('--reference')
  ? process.argv[process.argv.indexOf('--reference') + 1]
  : undefined;
const ACTION = join(root, 'dist/index.js');
const CLI = join(root, 'bin/fly-token-rotator.js');

const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RTT = flag('rtt', 50);
const RUNS = flag('runs', 5);
const BIG = flag('big', 100);
const BIG_PACED = !process.argv.includes('--no-big-paced');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (n: number) => `${Math.round(n)} ms`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const quiet: Log = { info: () => {}, warning: () => {}, mask: () => {}, group: (_n, fn) => fn() };
/** Makes every existing token an hour old, so the next rotation revokes it (younger ones are left alone). */
const ageTokens = (s: Scenario) => {
  for (const t of s.fly.tokens) t.createdAt = new Date(t.createdAt.getTime() - 3_600_000);
};
const requests = (s: Scenario) => s.fly.server.requests.length + s.gh.server.requests.length;

interface Child {
  code: number | null;
  wallMs: number;
  /** The whole process's user + system CPU time (getrusage), what start-up costs on an idle machine. */
  cpuMs: number;
  maxRssKb: number;
  stdout: string;
  stderr: string;
}

/** Runs node on a script; the preload reports the child's peak RSS and CPU time on exit (`measure`). */
function runNode(args: string[], env: Record<string, string>, measure = false): Promise<Child> {
  const preload = measure
    ? [
        '--import',
        'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nmaxrss="+u.maxRSS+" cpu="+(u.userCPUTime+u.systemCPUTime)+"\\n")})',
      ]
    : [];
  const start = process.hrtime.bigint();
  const child = spawn(NODE24, [...preload, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const maxRssKb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0);
      const cpuMs = Number(/cpu=(\d+)/.exec(stderr)?.[1] ?? 0) / 1000;
      resolve({ code, wallMs, cpuMs, maxRssKb, stdout, stderr });
    }),
  );
}

/** 1. One rotation, in process, so the time is the protocol's and not Node's start-up. */
async function oneRotation() {
  // Pages of 100, the size the client asks for: the emulator's default of 5 exists to test pagination, and
  // would add a round trip here as revoked tokens pile up.
  const s = await startScenario({ latencyMs: RTT, pageSize: 100 });
  const env = { ...s.env, FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off' };
  const rotateOnce = async () => {
    const spec = readInputs((n) => s.inputs[n] ?? '', env);
    const report = await execute(spec, createServices(spec, env, quiet), quiet);
    if (report.failure) throw new Error(report.failure);
  };
  await rotateOnce(); // The measured rotations each have a previous token to revoke.
  const walls: number[] = [];
  let reqs = 0;
  for (let i = 0; i < RUNS; i++) {
    ageTokens(s);
    const before = requests(s);
    const start = performance.now();
    await rotateOnce();
    walls.push(performance.now() - start);
    reqs = requests(s) - before;
  }
  const last = [...s.fly.server.requests.slice(-20), ...s.gh.server.requests.slice(-20)]
    .sort((a, b) => a.at - b.at)
    .slice(-reqs);
  const calls = last.map((r) => r.operation);
  const rss = await runNode(
    [CLI, '--app', 'acme-web', '--repository', 'acme/web'],
    {
      ...env,
      FLY_API_TOKEN: s.authToken,
      GITHUB_TOKEN,
    },
    true,
  );
  await s.close();
  const wall = median(walls);
  return { wall, reqs, ratio: wall / (4 * RTT), calls, sequential: criticalPath(last), rssKb: rss.maxRssKb };
}

/**
 * The longest chain of requests each sent after the previous one was answered. A request is recorded when
 * answered (`at`), RTT after it was sent; 5 ms absorb scheduling jitter.
 */
function criticalPath(reqs: { at: number }[]): number {
  const chain: number[] = [];
  reqs.forEach((r, j) => {
    const sent = r.at - RTT;
    chain[j] = 1 + Math.max(0, ...reqs.slice(0, j).map((q, i) => (q.at <= sent + 5 ? chain[i] : 0)));
  });
  return Math.max(0, ...chain);
}

/** The chunk that holds the CLI's own code (its --help text), whatever number the bundler gave it. */
async function cliChunk(): Promise<string> {
  const files = (await readdir(join(root, 'dist'))).filter((f) => /^\d+\.index\.js$/.test(f));
  for (const f of files)
    if ((await readFile(join(root, 'dist', f), 'utf8')).includes('fly-token-rotator --config')) return f;
  throw new Error('no chunk of dist/ holds the CLI');
}

/** 2. Cold start of the built action in dry-run, beside bare `node -e 0`, alternating in one loop. */
async function coldStart() {
  const s = await startScenario();
  const env = {
    ...s.env,
    GITHUB_OUTPUT: join(os.tmpdir(), `bench-out-${process.pid}`),
    FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off',
    ...Object.fromEntries(
      Object.entries({ ...s.inputs, 'dry-run': 'true' }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    ),
  };
  await writeFile(env.GITHUB_OUTPUT, '');
  const action: Child[] = [];
  const bare: Child[] = [];
  const loadOnly: Child[] = [];
  const reference: Child[] = [];
  for (let i = 0; i < Math.max(RUNS, 5) * 2; i++) {
    if (REFERENCE) reference.push(await runNode([REFERENCE], { GITHUB_OUTPUT: env.GITHUB_OUTPUT }, true));
    bare.push(await runNode(['-e', '0'], {}, true));
    const run = await runNode([ACTION], env, true);
    if (run.code !== 0) throw new Error(`dry-run failed:\n${run.stdout}\n${run.stderr}`);
    action.push(run);
    // No inputs at all: the bundle loads, refuses, exits — start-up without any request.
    loadOnly.push(await runNode([ACTION], { GITHUB_OUTPUT: env.GITHUB_OUTPUT }, true));
  }
  const wall = (xs: Child[]) => median(xs.map((x) => x.wallMs));
  const cpu = (xs: Child[]) => median(xs.map((x) => x.cpuMs));
  const rss = await runNode([ACTION], env, true);
  await s.close();
  await rm(env.GITHUB_OUTPUT, { force: true });
  const size = async (f: string) => (await stat(join(root, 'dist', f))).size;
  const files = await readdir(join(root, 'dist'));
  const sizes = await Promise.all(files.map(size));
  return {
    dist: sizes.reduce((a, b) => a + b, 0),
    chunks: files.length,
    action: wall(action),
    bare: wall(bare),
    loadOnly: wall(loadOnly),
    reference: REFERENCE ? { wall: wall(reference), cpu: cpu(reference) } : undefined,
    actionCpu: cpu(action),
    bareCpu: cpu(bare),
    loadOnlyCpu: cpu(loadOnly),
    bundle: await size('index.js'),
    cliBundle: await size(await cliChunk()),
    rssKb: rss.maxRssKb,
  };
}

/** 3. n rotations from one config through the built CLI: one app and one repository per rotation. */
async function manyRotations(n: number, pacing: boolean, runs: number) {
  const walls: number[] = [];
  let last = { reqs: 0, writes: 0, revoked: 0, secrets: 0, rssKb: 0, failed: '' };
  for (let r = 0; r < runs; r++) {
    const s = await startScenario({ latencyMs: RTT });
    const repos: string[] = [];
    const lines = ['rotations:'];
    for (let i = 0; i < n; i++) {
      const app = `svc-${i}`;
      s.fly.addApp(app, 'acme');
      s.gh.addRepo(`acme/${app}`);
      repos.push(`acme/${app}`);
      lines.push(`  - app: ${app}`, `    targets: [repo:acme/${app}]`);
    }
    s.gh.addToken(GITHUB_TOKEN, {
      kind: 'fine-grained',
      repos,
      permissions: { secrets: 'write', metadata: 'read' },
    });
    const dir = await mkdtemp(join(os.tmpdir(), 'fly-rotator-bench-'));
    const file = join(dir, 'fly-tokens.yml');
    await writeFile(file, `${lines.join('\n')}\n`);
    const cliEnv = { ...s.env, FLY_API_TOKEN: s.authToken, GITHUB_TOKEN };
    // A first, unmeasured pass, so that the measured one has a previous token to revoke everywhere.
    const warm = await runNode([CLI, '--config', file], {
      ...cliEnv,
      FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off',
    });
    if (warm.code !== 0) throw new Error(`warm-up failed:\n${warm.stderr}`);
    ageTokens(s);
    const reqsBefore = requests(s);
    const writesBefore = s.gh.secretWrites.length;
    const run = await runNode(
      [CLI, '--config', file, '--json'],
      { ...cliEnv, FLY_TOKEN_ROTATOR_GITHUB_PACING: pacing ? 'on' : 'off' },
      true,
    );
    walls.push(run.wallMs);
    const revoked = s.fly.tokens.filter((t) => t.revokedAt).length;
    last = {
      reqs: requests(s) - reqsBefore,
      writes: s.gh.secretWrites.length - writesBefore,
      revoked,
      secrets: repos.filter((repo) => s.gh.secret(repo, 'FLY_API_TOKEN')).length,
      rssKb: run.maxRssKb,
      failed: run.code === 0 ? '' : run.stderr.slice(-500),
    };
    await s.close();
    await rm(dir, { recursive: true, force: true });
  }
  const wall = median(walls);
  return { n, pacing, runs, wall, ...last, perRotation: last.reqs / n, ratio: wall / (last.writes * 1000) };
}

/** Where a GitHub call's time goes on the client: bare fetch, @octokit/core, and the project's client. */
async function clientOverhead() {
  const s = await startScenario();
  const url = `${s.gh.url}/repos/acme/web/actions/secrets/public-key`;
  const route = 'GET /repos/{owner}/{repo}/actions/secrets/public-key';
  const params = { owner: 'acme', repo: 'web' };
  const time = async (fn: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await fn();
      xs.push(performance.now() - start);
    }
    return median(xs.slice(5));
  };
  const fetchMs = await time(async () =>
    (await apiFetch(url, { headers: { authorization: `token ${GITHUB_TOKEN}` } })).json(),
  );
  const coreMs = await time(() =>
    new Octokit({ auth: GITHUB_TOKEN, baseUrl: s.gh.url }).request(route, params),
  );
  const projectMs = await time(() =>
    createGitHub({ token: GITHUB_TOKEN, baseUrl: s.gh.url, pacing: false }).request(route, params),
  );
  await s.close();
  return { fetchMs, coreMs, projectMs };
}

const overhead = await clientOverhead();
const one = await oneRotation();
const cold = await coldStart();
const many = [
  await manyRotations(10, false, RUNS),
  await manyRotations(10, true, Math.min(RUNS, 3)),
  await manyRotations(BIG, false, Math.min(RUNS, 3)),
  ...(BIG_PACED ? [await manyRotations(BIG, true, 1)] : []),
];

const check = (ok: boolean) => (ok ? 'met' : '**missed**');
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const report = `# Benchmarks

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu} (${os.cpus().length} cores, ${mb(os.totalmem() / 1024)} RAM), ${os.platform()} ${os.release()}, load average ${os.loadavg()[0].toFixed(1)} at the end.
The built action and CLI run on Node ${node24Version} (\`scripts/node24.sh\`, the runtime action.yml names); the in-process
rotation on Node ${process.version}.
Emulators on loopback with ${RTT} ms added to every request (one emulated round trip). Medians of ${RUNS} runs
unless a row says otherwise. Regenerate with \`npm run build && npm run bench\` (\`-- --rtt 80 --runs 7\`).

## 1. One rotation

In process (no Node start-up), the second and later rotations of one deploy token into one repository
secret, so each has a previous token to revoke. Lower bound: 4 round trips (app lookup → create → store →
revoke previous); the token list, the public key and the verification read overlap those steps. *Critical
path* is the longest chain of requests each sent only after the previous one was answered, read from the
emulators' timestamps.

${table(
  [
    'Wall time',
    'Requests',
    'Critical path (sequential requests)',
    'Target 4',
    '4 × RTT',
    'Ratio',
    'Target ≤ 1.15',
    'Peak RSS (CLI process)',
  ],
  [
    [
      ms(one.wall),
      one.reqs,
      one.sequential,
      check(one.sequential <= 4),
      ms(4 * RTT),
      one.ratio.toFixed(2),
      check(one.ratio <= 1.15),
      mb(one.rssKb),
    ],
  ],
)}

Requests of the last measured rotation, in order: ${one.calls.map((c) => `\`${c}\``).join(', ')}.

Client-side time of one GitHub GET against the emulator with no added delay (median of 15):
Node's fetch with the project's transport rules (\`src/net/fetch.ts\`: no redirects, capped body)
${overhead.fetchMs.toFixed(1)} ms, bare \`@octokit/core\` ${overhead.coreMs.toFixed(1)} ms, the project's GitHub client
(@actions/github's getOctokit + throttling + retry plugins, fresh client per call) ${overhead.projectMs.toFixed(1)} ms.

## 2. Cold start

Node ${node24Version}: \`node dist/index.js\` beside bare \`node -e 0\`, alternating in one loop of
${Math.max(RUNS, 5) * 2} each. *Start-up* is the bundle loading alone (no inputs: the action refuses and exits);
the reference is actions/create-github-app-token, measured on this machine at +${REFERENCE_STARTUP_MS} ms over bare
Node 24. The dry run adds its own work: the app lookup and token list (Fly) and the public key (GitHub).
Wall time and, less, the process's own CPU time (user + system) stretch with the machine's load (other jobs
share its ${os.cpus().length} cores): compare with the reference bundle measured in the same loop (\`--reference\`).

${table(
  [
    'Measure',
    'node -e 0',
    'Start-up (load and exit)',
    'Overhead',
    cold.reference ? 'Target ≤ reference, same loop' : `Target ≤ +${REFERENCE_STARTUP_MS} ms`,
    'Dry run',
  ],
  [
    [
      'wall',
      ms(cold.bare),
      ms(cold.loadOnly),
      `+${ms(cold.loadOnly - cold.bare)}`,
      check(
        cold.loadOnly - cold.bare <=
          (cold.reference ? cold.reference.wall - cold.bare : REFERENCE_STARTUP_MS),
      ),
      `${ms(cold.action)} (+${ms(cold.action - cold.bare)})`,
    ],
    [
      'CPU',
      ms(cold.bareCpu),
      ms(cold.loadOnlyCpu),
      `+${ms(cold.loadOnlyCpu - cold.bareCpu)}`,
      check(
        cold.loadOnlyCpu - cold.bareCpu <=
          (cold.reference ? cold.reference.cpu - cold.bareCpu : REFERENCE_STARTUP_MS),
      ),
      `${ms(cold.actionCpu)} (+${ms(cold.actionCpu - cold.bareCpu)})`,
    ],
  ],
)}
${
  cold.reference
    ? `
actions/create-github-app-token's bundle (\`--reference\`), loading and exiting in the same loop: wall
${ms(cold.reference.wall)} (+${ms(cold.reference.wall - cold.bare)}), CPU ${ms(cold.reference.cpu)} (+${ms(cold.reference.cpu - cold.bareCpu)}).
`
    : ''
}

${table(
  ['dist/index.js (every run)', 'Whole dist', 'Target ≤ 2 MB', 'CLI chunk', 'Peak RSS (dry run)'],
  [
    [
      `${(cold.bundle / 1e6).toFixed(2)} MB`,
      `${(cold.dist / 1e6).toFixed(2)} MB in ${cold.chunks} files`,
      check(cold.dist <= 2e6),
      `${(cold.cliBundle / 1e6).toFixed(2)} MB`,
      mb(cold.rssKb),
    ],
  ],
)}

\`dist/index.js\` is what every run loads: @actions/core (with the undici package its HTTP client imports)
and the project's own code. @actions/github with octokit and its plugins, @octokit/auth-app, libsodium, the config
validator (compiled from the schema at build time, no ajv), yaml and the CLI's own code are separate chunks, loaded only when a GitHub client is made, a GitHub App signs
in, a secret is sealed, a config file is read or the command runs. Requests go through Node's global \`fetch\`.

## 3. Many rotations from one config

The built CLI (\`bin/fly-token-rotator.js --config\`), one Fly app and one repository per rotation, eight rotations
at a time. With pacing on, octokit spaces GitHub writes 1 s apart as GitHub asks of API clients; the limit
is GitHub writes × 1 s. Process start-up is included.

${table(
  [
    'Rotations',
    'Pacing',
    'Runs',
    'Wall time',
    'Requests / rotation',
    'GitHub writes',
    'Secrets',
    'Previous revoked',
    'Ratio to writes × 1 s',
    'Target',
    'Peak RSS',
  ],
  many.map((m) => [
    m.n,
    m.pacing ? 'on' : 'off',
    m.runs,
    ms(m.wall),
    m.perRotation.toFixed(1),
    m.writes,
    m.secrets,
    m.revoked,
    m.ratio.toFixed(2),
    m.failed
      ? `**failed**: ${m.failed.replace(/\s+/g, ' ').slice(0, 120)}`
      : m.pacing
        ? `${check(m.ratio <= 1.1)} (≤ 1.1), ${check(m.writes === m.secrets)} (one write per secret)`
        : check(m.writes === m.secrets),
    mb(m.rssKb),
  ]),
)}
`;
console.log(report);
await writeFile(join(root, 'docs/BENCHMARKS.md'), report);
console.log('Wrote docs/BENCHMARKS.md');
