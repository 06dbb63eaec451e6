// Random schedules of runs for the property test (./rotation.property.test.ts) and `npm run chaos`: consecutive
// runs of one rotation, minutes apart on the emulators' clock, into a random mix of targets, with random inputs
// and random faults at any call. After every run the promise is checked from the emulators' state, never from
// what the action says about itself.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startForgejoEmulator } from '../emulators/forgejo/index.js';
import { startGitLabEmulator } from '../emulators/gitlab/index.js';
import type { EmulatorServer, Fault } from '../emulators/http.js';
import { REPO, startScenario } from '../harness/scenario.js';
import { writeStoreProgram } from '../harness/stores.js';

/** Where a run writes: one target line each, read back from the emulators by value. */
export type TargetKind =
  | 'repo'
  | 'env'
  | 'org'
  | 'gitlab'
  | 'gitlab-hidden'
  | 'gitlab-group'
  | 'forgejo'
  | 'command';
export type Mode = 'rotate' | 'status' | 'revoke' | 'revoke-all';
export type FaultKind = '500' | '502-html' | '408' | '429' | '429-long' | 'reset' | 'hang';

export interface FaultSpec {
  /** The emulator's operation it hits (see POINTS). */
  at: string;
  kind: FaultKind;
  /** Applied by the server, answer lost (only for answers that do not claim nothing happened). */
  applied: boolean;
  /** How many matching calls it hits. */
  times: 1 | 2 | 'all';
}

export interface RunSpec {
  /** Minutes on the emulators' clock since the run before (0: seconds apart). */
  gapMinutes: number;
  mode: Mode;
  keepPrevious: number;
  notBefore: boolean;
  /** Input `expiry`; undefined keeps the default. Never shorter than a schedule spans, or expiry alone breaks it. */
  expiry: string | undefined;
  faults: FaultSpec[];
}

export interface Schedule {
  targets: TargetKind[];
  runs: RunSpec[];
}

type Side = 'fly' | 'github' | 'gitlab' | 'forgejo';
/** The calls a fault may hit, by the target kinds that make them; Fly's for every schedule. */
const POINTS: Record<TargetKind | 'fly', [Side, string][]> = {
  fly: [
    ['fly', 'createLimitedAccessToken'],
    ['fly', 'deleteLimitedAccessToken'],
  ],
  repo: [
    ['github', 'actions/create-or-update-repo-secret'],
    ['github', 'actions/get-repo-secret'],
  ],
  env: [
    ['github', 'actions/create-or-update-environment-secret'],
    ['github', 'actions/get-environment-secret'],
  ],
  org: [
    ['github', 'actions/create-or-update-org-secret'],
    ['github', 'actions/get-org-secret'],
  ],
  gitlab: [
    ['gitlab', 'project-variables/get'],
    ['gitlab', 'project-variables/create'],
    ['gitlab', 'project-variables/update'],
  ],
  'gitlab-hidden': [
    ['gitlab', 'project-variables/get'],
    ['gitlab', 'project-variables/update'],
  ],
  'gitlab-group': [
    ['gitlab', 'group-variables/get'],
    ['gitlab', 'group-variables/create'],
    ['gitlab', 'group-variables/update'],
  ],
  forgejo: [
    ['forgejo', 'updateRepoSecret'],
    ['forgejo', 'repoListActionsSecrets'],
  ],
  command: [],
};
const SIDE = new Map(Object.values(POINTS).flatMap((points) => points.map(([side, op]) => [op, side])));

const FAULT: Record<FaultKind, Fault> = {
  '500': { kind: 'status', status: 500, body: '{"message":"injected"}' },
  '502-html': { kind: 'status', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' },
  '408': { kind: 'status', status: 408, body: '{"message":"timeout"}' },
  '429': { kind: 'status', status: 429, body: '{"message":"slow down"}', headers: { 'retry-after': '1' } },
  // Longer than the run may last: the wait must be cut by the run's deadline, not slept in full.
  '429-long': {
    kind: 'status',
    status: 429,
    body: '{"message":"slow down"}',
    headers: { 'retry-after': '60' },
  },
  reset: { kind: 'reset' },
  hang: { kind: 'hang' },
};

const faultArb = (points: string[]): fc.Arbitrary<FaultSpec> =>
  fc
    .record({
      at: fc.constantFrom(...points),
      kind: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom<FaultKind>('500', '502-html', '408', '429', 'reset') },
        // Each costs a request timeout or more: rarer, so that a long run covers many schedules.
        { weight: 1, arbitrary: fc.constantFrom<FaultKind>('429-long', 'hang') },
      ),
      applied: fc.boolean(),
      times: fc.constantFrom<1 | 2 | 'all'>(1, 2, 'all'),
    })
    // A 429 or 408 says the request was not carried out: a server that applied it and said so would lie.
    .map((f) => (['429', '429-long', '408'].includes(f.kind) ? { ...f, applied: false } : f));

const runArb = (points: string[]): fc.Arbitrary<RunSpec> =>
  fc.record({
    gapMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
    mode: fc.oneof(
      { weight: 6, arbitrary: fc.constant<Mode>('rotate') },
      { weight: 1, arbitrary: fc.constantFrom<Mode>('status', 'revoke', 'revoke-all') },
    ),
    keepPrevious: fc.integer({ min: 0, max: 2 }),
    notBefore: fc.boolean(),
    expiry: fc.constantFrom(undefined, '2h', '720h'),
    faults: fc.array(faultArb(points), { maxLength: 2 }),
  });

const KINDS: TargetKind[] = [
  'repo',
  'env',
  'org',
  'gitlab',
  'gitlab-hidden',
  'gitlab-group',
  'forgejo',
  'command',
];
export const scheduleArb: fc.Arbitrary<Schedule> = fc
  .uniqueArray(fc.constantFrom(...KINDS), { minLength: 1, maxLength: 4 })
  .chain((targets) => {
    const points = [...new Set(['fly' as const, ...targets].flatMap((t) => POINTS[t].map(([, op]) => op)))];
    return fc.record({
      targets: fc.constant(targets),
      runs: fc.array(runArb(points), { minLength: 1, maxLength: 4 }),
    });
  });

/** A schedule as a person reads it, for a failing case. */
export function describeSchedule(s: Schedule): string {
  return [
    `targets: ${s.targets.join(', ')}`,
    ...s.runs.map(
      (r, i) =>
        `run ${i + 1}: +${r.gapMinutes} min, ${r.mode}, keep-previous ${r.keepPrevious}` +
        `${r.notBefore ? ', not-before 5m' : ''}${r.expiry ? `, expiry ${r.expiry}` : ''}` +
        (r.faults.length
          ? `; faults: ${r.faults.map((f) => `${f.at} ${f.kind}${f.applied ? ' (applied, answer lost)' : ''} ×${f.times}`).join(', ')}`
          : ''),
    ),
  ].join('\n');
}

const TOKEN_NAME = 'property';
/** The whole run's bound (input `timeout`) and the slack a busy machine may add to it. */
const TIMEOUT_S = 8;
const SLACK_MS = 15_000;

const GITHUB_TOKEN = 'github_pat_11EMULATOR0property0every0secret';
const GITLAB_TOKEN = 'glpat-property0owner0token000000';
const FORGEJO_TOKEN = 'forgejo0property0token0with0repo0scope001';
/** A group variable of another environment scope, which no write of this rotation may ever touch. */
const STAGING = 'staging0value0set0by0hand0must0stay';
/** What a hidden variable held before the first run: set by hand, no token of this rotation. */
const BY_HAND = 'hidden0value0set0by0hand0placeholder';

const LINES: Record<Exclude<TargetKind, 'command'>, string> = {
  repo: `repo:${REPO}`,
  env: `env:${REPO}/production`,
  org: 'org:acme visibility=all',
  gitlab: `gitlab:${REPO}`,
  'gitlab-hidden': `gitlab:${REPO} secret=FLY_HIDDEN`,
  'gitlab-group': 'gitlab-group:acme scope=production',
  forgejo: `forgejo:${REPO}`,
};

/** Runs the schedule; returns every broken invariant, each naming the run and what the emulators showed. */
export async function runSchedule(schedule: Schedule): Promise<string[]> {
  const has = (...kinds: TargetKind[]) => kinds.some((k) => schedule.targets.includes(k));
  const [s, gl, fj] = await Promise.all([
    startScenario(),
    has('gitlab', 'gitlab-hidden', 'gitlab-group') ? startGitLabEmulator({ premium: true }) : undefined,
    has('forgejo') ? startForgejoEmulator() : undefined,
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'fly-rotator-property-'));
  const store = writeStoreProgram(dir);
  const file = join(dir, 'stored');
  s.gh.addEnvironment(REPO, 'production');
  s.gh.addToken(GITHUB_TOKEN, {
    kind: 'fine-grained',
    repos: [REPO],
    orgs: ['acme'],
    permissions: {
      metadata: 'read',
      secrets: 'write',
      actions: 'read',
      environments: 'write',
      organization_secrets: 'write',
    },
  });
  if (gl) {
    gl.addProject(REPO);
    gl.addToken(GITLAB_TOKEN, { scopes: ['api'], roles: { acme: 'owner' } });
    gl.seedVariable('acme', { key: 'FLY_API_TOKEN', value: STAGING, environment_scope: 'staging' });
    gl.seedVariable(REPO, { key: 'FLY_HIDDEN', value: BY_HAND, masked: true, hidden: true });
  }
  if (fj) {
    fj.addUser('acme');
    fj.addRepo(REPO);
    fj.addToken(FORGEJO_TOKEN, { user: 'acme', scopes: ['write:repository'] });
  }
  const lines = schedule.targets.map((t) => (t === 'command' ? `command:node ${store} ${file}` : LINES[t]));
  const servers: Record<Side, EmulatorServer | undefined> = {
    fly: s.fly.server,
    github: s.gh.server,
    gitlab: gl?.server,
    forgejo: fj?.server,
  };
  /** The value a target holds now, or undefined when it holds none. */
  const value = (t: TargetKind): string | undefined => {
    switch (t) {
      case 'repo':
        return s.gh.secret(REPO, 'FLY_API_TOKEN')?.value;
      case 'env':
        return s.gh.secretAt({ scope: 'environment', repo: REPO, environment: 'production' }, 'FLY_API_TOKEN')
          ?.value;
      case 'org':
        return s.gh.secretAt({ scope: 'org', org: 'acme' }, 'FLY_API_TOKEN')?.value;
      case 'gitlab':
        return gl?.variable(REPO, 'FLY_API_TOKEN')?.value ?? undefined;
      case 'gitlab-hidden': {
        const v = gl?.variable(REPO, 'FLY_HIDDEN')?.value;
        return v === BY_HAND ? undefined : (v ?? undefined);
      }
      case 'gitlab-group':
        return gl?.variable('acme', 'FLY_API_TOKEN', 'production')?.value ?? undefined;
      case 'forgejo':
        return fj?.secret({ repo: REPO }, 'FLY_API_TOKEN')?.value;
      case 'command':
        try {
          return readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
    }
  };
  /** Which token each target holds now (by the value it holds), or undefined when it holds none. */
  const holdings = (): Map<TargetKind, string | undefined> =>
    new Map(
      schedule.targets.map((t) => {
        const v = value(t);
        return [t, v === undefined ? undefined : (s.fly.tokenOf(v) ?? `a value that is no token of Fly's`)];
      }),
    );
  const token = (id: string) => s.fly.tokens.find((t) => t.id === id);
  const valid = (id: string) => {
    const t = token(id);
    return Boolean(t && !t.revokedAt && t.expiresAt.getTime() > s.fly.now());
  };
  // Tokens revoke-all took back on purpose: a target holding one is the kill switch working, not a broken promise.
  const killed = new Set<string>();
  const violations: string[] = [];
  try {
    for (const [i, run] of schedule.runs.entries()) {
      const label = `run ${i + 1} (${run.mode})`;
      s.fly.advance(run.gapMinutes * 60_000 + 2_000);
      const before = holdings();
      const existing = new Set(s.fly.tokens.map((t) => t.id));
      for (const f of run.faults) {
        servers[SIDE.get(f.at) ?? 'fly']?.fault(f.at, FAULT[f.kind], {
          times: f.times === 'all' ? Number.POSITIVE_INFINITY : f.times,
          after: f.applied,
        });
      }
      const oldest = s.fly.tokens.find((t) => t.name.startsWith(TOKEN_NAME) && valid(t.id));
      if (run.mode === 'revoke' && !oldest) continue;
      const started = Date.now();
      const r = await s.runInProcess(
        {
          mode: run.mode,
          targets: lines.join('\n'),
          'token-name': TOKEN_NAME,
          'keep-previous': String(run.keepPrevious),
          timeout: String(TIMEOUT_S),
          ...(run.notBefore && run.mode === 'rotate' ? { 'not-before': '5m' } : {}),
          ...(run.mode === 'revoke' && oldest ? { 'token-ids': oldest.id } : {}),
          'github-token': GITHUB_TOKEN,
          ...(run.expiry && run.mode === 'rotate' ? { expiry: run.expiry } : {}),
          ...(gl ? { 'gitlab-url': gl.url, 'gitlab-token': GITLAB_TOKEN } : {}),
          ...(fj ? { 'forgejo-url': fj.url, 'forgejo-token': FORGEJO_TOKEN } : {}),
        },
        { env: { FLY_TOKEN_ROTATOR_RETRY_BASE_MS: '20' } },
      );
      const took = Date.now() - started;
      // Faults left over (not all hit) must not spill into the next run.
      for (const server of Object.values(servers)) server?.clearFaults();
      if (run.mode === 'revoke-all')
        for (const t of s.fly.tokens) if (!existing.has(t.id) || t.revokedAt) killed.add(t.id);
      const after = holdings();
      const failure = r.errors.join('\n');
      for (const [target, held] of after) {
        if (held === undefined) {
          // A target never written holds nothing; once written it must never be emptied.
          if (before.get(target) !== undefined)
            violations.push(`${label}: ${target} holds no token any more`);
          continue;
        }
        if (!valid(held) && !killed.has(held))
          violations.push(
            `${label}: ${target} holds ${held}, which Fly no longer accepts (revoked or expired)`,
          );
      }
      if (run.mode === 'rotate' && r.code === 0) {
        const id = r.outputs['token-id'];
        for (const [target, held] of after)
          if (held !== id)
            violations.push(`${label}: exited 0, but ${target} holds ${held ?? 'nothing'}, not ${id}`);
      }
      const held = new Set([...after.values()].filter((v) => v !== undefined));
      for (const t of s.fly.tokens) {
        if (existing.has(t.id) || !valid(t.id) || held.has(t.id)) continue;
        if (r.code === 0 || !failure.includes(t.id))
          violations.push(
            `${label}: minted ${t.id}, which no target holds, and left it valid without naming it`,
          );
      }
      if (gl && gl.variable('acme', 'FLY_API_TOKEN', 'staging')?.value !== STAGING)
        violations.push(`${label}: the group variable of scope staging, which no target names, was changed`);
      if (took > TIMEOUT_S * 1000 + SLACK_MS)
        violations.push(`${label}: took ${took} ms, timeout ${TIMEOUT_S} s`);
      if (violations.length) {
        violations.push(`  what run ${i + 1} said: ${failure.slice(0, 600) || '(exit 0)'}`);
        break;
      }
    }
  } finally {
    await Promise.all([s.close(), gl?.close(), fj?.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
  return violations;
}
