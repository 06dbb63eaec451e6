// Benchmarks against the local emulators with an injected round-trip delay: `npm run bench [-- --rtt 50
// --runs 5 --big 100 --no-big-paced]`. Prints a table and writes docs/BENCHMARKS.md. Not part of the tests.
// Child processes (the built action and CLI, bare node) run on Node 24, the runtime action.yml names, taken
// from scripts/node24.sh; the in-process rotation runs on whatever Node runs this script.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
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
/** Rounds of the cold-start loop (`--rounds N`). */
const ROUNDS = flag('rounds', 40);

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
  /** User + system CPU time of the whole process, all threads, as the kernel counted it at exit (`cpu`). */
  cpuMs: number;
  /** Peak RSS (`rss`). */
  maxRssKb: number;
  stdout: string;
  stderr: string;
}

/**
 * What the child's exit reports. `cpu`: bash's `times` after the child exits (wait4's accounting), so the
 * child runs nothing extra: a preload would itself cost CPU time, and an `--import` preload makes Node load a
 * CommonJS main through its ES module loader, which alone added about 10 % to the reference's start-up.
 * `rss`: a CommonJS preload prints the peak RSS at exit.
 */
type Measure = 'cpu' | 'rss';
const PEAK_RSS = join(os.tmpdir(), `bench-peak-rss-${process.pid}.cjs`);
await writeFile(
  PEAK_RSS,
  'process.on("exit", () => process.stderr.write("\\nmaxrss=" + process.resourceUsage().maxRSS + "\\n"));\n',
);
const TIMED = '"$@"; code=$?; times >&3; exit $code';

/** Runs node on a script, measured as asked. */
function runNode(args: string[], env: Record<string, string>, measure?: Measure): Promise<Child> {
  const start = process.hrtime.bigint();
  const child =
    measure === 'cpu'
      ? spawn('bash', ['-c', TIMED, 'bash', NODE24, ...args], {
          env: { PATH: process.env.PATH ?? '', ...env },
          stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        })
      : spawn(NODE24, [...(measure === 'rss' ? ['-r', PEAK_RSS] : []), ...args], {
          env: { PATH: process.env.PATH ?? '', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  let stdout = '';
  let stderr = '';
  let times = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d;
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d;
  });
  child.stdio[3]?.on('data', (d: Buffer) => {
    times += d;
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      const maxRssKb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? 0);
      // `times` prints the shell's user and system time, then its children's: 0m0.123s 0m0.045s.
      const children = [...times.matchAll(/(\d+)m([\d.]+)s/g)].slice(2, 4);
      const cpuMs = children.reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0);
      resolve({ code, wallMs, cpuMs, maxRssKb, stdout, stderr });
    }),
  );
}

/**
 * Instructions the whole process executes (all threads), counted by valgrind's callgrind: unlike time, the
 * same from run to run whatever else the machine runs. Undefined without valgrind or with --no-instructions.
 */
const COUNT_INSTRUCTIONS =
  !process.argv.includes('--no-instructions') &&
  spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
async function instructions(args: string[], env: Record<string, string>): Promise<number | undefined> {
  if (!COUNT_INSTRUCTIONS) return undefined;
  const dir = await mkdtemp(join(os.tmpdir(), 'bench-callgrind-'));
  const child = spawn(
    'valgrind',
    ['--tool=callgrind', `--callgrind-out-file=${join(dir, 'out.%p')}`, NODE24, ...args],
    { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
  });
  await new Promise((resolve) => child.on('close', resolve));
  await rm(dir, { recursive: true, force: true });
  const collected = /Collected : (\d+)/.exec(stderr)?.[1];
  if (!collected) throw new Error(`callgrind counted nothing:\n${stderr.slice(-500)}`);
  return Number(collected);
}

/** 1. One rotation, in process, so the time is the protocol's and not Node's start-up. */
async function oneRotation() {
  // Pages of 100, the size the client asks for: the emulator's default of 5 exists to test pagination, and
  // would add a round trip here as revoked tokens pile up.
  const s = await startScenario({ latencyMs: RTT, pageSize: 100 });
  const env = { ...s.env, FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off' };
  const rotateOnce = async () => {
    const spec = readInputs((n) => s.inputs[n] ?? '', env);
    const report = await execute(spec, await createServices(spec, env, quiet), quiet);
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
    'rss',
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

/**
 * 2. Cold start: bare `node -e 0`, the bundle loading and refusing (no inputs), its dry run and the reference,
 * interleaved round by round (each round in another order), so that the machine's load falls on all alike.
 */
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
  const bareArgs = ['-e', '0'];
  // No inputs at all: the bundle loads, refuses, exits — start-up without any request.
  const loadEnv = { GITHUB_OUTPUT: env.GITHUB_OUTPUT };
  const kinds = {
    bare: () => runNode(bareArgs, {}, 'cpu'),
    loadOnly: () => runNode([ACTION], loadEnv, 'cpu'),
    action: async () => {
      const run = await runNode([ACTION], env, 'cpu');
      if (run.code !== 0) throw new Error(`dry-run failed:\n${run.stdout}\n${run.stderr}`);
      return run;
    },
    ...(REFERENCE ? { reference: () => runNode([REFERENCE], loadEnv, 'cpu') } : {}),
  };
  const names = Object.keys(kinds) as (keyof typeof kinds)[];
  const runs = new Map<string, Child[]>(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      runs.get(name)!.push(await kinds[name]!());
    }
  const stats = (name: string) => {
    const xs = runs.get(name) ?? [];
    const cpu = xs.map((x) => x.cpuMs);
    return { wall: median(xs.map((x) => x.wallMs)), cpu: median(cpu), cpuMin: Math.min(...cpu) };
  };
  const counted = {
    bare: await instructions(bareArgs, {}),
    loadOnly: await instructions([ACTION], loadEnv),
    reference: REFERENCE ? await instructions([REFERENCE], loadEnv) : undefined,
  };
  const rss = await runNode([ACTION], env, 'rss');
  await s.close();
  await rm(env.GITHUB_OUTPUT, { force: true });
  const size = async (f: string) => (await stat(join(root, 'dist', f))).size;
  const files = await readdir(join(root, 'dist'));
  const sizes = await Promise.all(files.map(size));
  return {
    dist: sizes.reduce((a, b) => a + b, 0),
    chunks: files.length,
    bare: { ...stats('bare'), instructions: counted.bare },
    loadOnly: { ...stats('loadOnly'), instructions: counted.loadOnly },
    action: stats('action'),
    reference: REFERENCE ? { ...stats('reference'), instructions: counted.reference } : undefined,
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
      'rss',
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

function check(ok: boolean) {
  return ok ? 'met' : '**missed**';
}
function table(head: string[], rows: (string | number)[][]) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function coldSection(cold: Awaited<ReturnType<typeof coldStart>>): string {
  const ref = cold.reference;
  const plus = (n: number) => `${n < 0 ? '−' : '+'}${ms(Math.abs(n))}`;
  const millions = (n: number) => `${(n / 1e6).toFixed(0)} M`;
  const row = (measure: string, pick: (x: { wall: number; cpu: number; cpuMin: number }) => number) => {
    const over = pick(cold.loadOnly) - pick(cold.bare);
    const refOver = ref ? pick(ref) - pick(cold.bare) : REFERENCE_STARTUP_MS;
    return [
      measure,
      ms(pick(cold.bare)),
      ms(pick(cold.loadOnly)),
      plus(over),
      ref ? plus(refOver) : `+${REFERENCE_STARTUP_MS} ms (issue 9)`,
      check(over <= refOver),
      `${ms(pick(cold.action))} (${plus(pick(cold.action) - pick(cold.bare))})`,
    ];
  };
  const counted = (b?: number, ours?: number, theirs?: number) =>
    b && ours
      ? [
          'instructions',
          millions(b),
          millions(ours),
          `+${millions(ours - b)}`,
          theirs ? `+${millions(theirs - b)}` : 'n/a',
          theirs ? check(ours - b <= theirs - b) : 'n/a',
          'not counted',
        ]
      : undefined;
  const instructionsRow = counted(cold.bare.instructions, cold.loadOnly.instructions, ref?.instructions);
  return `## 2. Cold start

Node ${node24Version}, in one loop of ${ROUNDS} rounds, each round in another order: bare \`node -e 0\`, \`node dist/index.js\`
with no inputs (*start-up*: the bundle loads, refuses and exits), its dry run (adds the app lookup and token list
on Fly and the public key on GitHub)${ref ? ", and actions/create-github-app-token's bundle (`--reference`), which loads all of itself and stops for want of `GITHUB_REPOSITORY`" : ''}.
CPU is user + system time of the whole process, all threads, as the kernel counts it once the process has exited:
nothing is preloaded into the measured processes. Wall and CPU time stretch with whatever else runs on the
machine's ${os.cpus().length} cores, and other jobs shared them (load average above); compare within the same loop.
*Instructions* are valgrind's callgrind count of one run each, all threads: they do not depend on the machine's
load and repeat within about 2 %. Target: an overhead over bare Node no larger than the reference's in the same
loop (issue 9 measured it at +${REFERENCE_STARTUP_MS} ms on an idle machine).

${table(
  [
    'Measure',
    'node -e 0',
    'Start-up (load and exit)',
    'Overhead',
    'Reference overhead',
    'Target ≤ reference',
    'Dry run',
  ],
  [
    row('wall, median', (x) => x.wall),
    row('CPU, median', (x) => x.cpu),
    row('CPU, min', (x) => x.cpuMin),
    ...(instructionsRow ? [instructionsRow] : []),
  ],
)}

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

\`dist/index.js\` is what every run loads: @actions/core and the project's own code. @actions/github with octokit
and its plugins, @octokit/auth-app, libsodium, the config validator (compiled from the schema at build time, no
ajv), yaml and the CLI's own code are separate chunks, loaded only when a GitHub client is made, a GitHub App signs
in, a secret is sealed, a config file is read or the command runs. Requests go through Node's global \`fetch\`.

Where the start-up goes. Most of it is @actions/core's own import of @actions/http-client, which loads undici and
\`node:https\`; the reference loads the same. Loading \`node:tls\` makes Node 24 read its bundled root certificates
on a second thread (about 87 M instructions): CPU time, which runs beside the main thread when a core is free.
ncc's minifier drops the parentheses webpack puts around each module's function, and V8 then pre-parses each
module and parses it again when it runs; \`scripts/finish-bundle.ts\` puts them back after the build and escapes
the few non-ASCII characters, so that the source stays one byte per character. Together that took about 75 M
instructions and 600 page faults off each start (callgrind and \`ru_minflt\`, measured 2026-12-02 on Node 24.22).`;
}

if (process.argv.includes('--cold-only')) {
  console.log(coldSection(await coldStart()));
  await rm(PEAK_RSS, { force: true });
  process.exit(0);
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

${coldSection(cold)}

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
await rm(PEAK_RSS, { force: true });
console.log('Wrote docs/BENCHMARKS.md');
