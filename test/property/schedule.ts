// Random schedules of runs for the property test (./rotation.property.test.ts) and `npm run chaos`: consecutive
// runs of one rotation, minutes apart on the emulators' clock, into a random mix of targets, with random inputs
// and random faults at any call. After every run the promise is checked from the emulators' state, never from
// what the action says about itself.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startGitLabEmulator } from '../emulators/gitlab/index.js';
import type { Fault } from '../emulators/http.js';
import { REPO, startScenario } from '../harness/scenario.js';
import { writeStoreProgram } from '../harness/stores.js';

export type TargetKind = 'repo' | 'gitlab' | 'command';
export type Mode = 'rotate' | 'status' | 'revoke' | 'revoke-all';
export type FaultKind = '500' | '502-html' | '408' | '429' | 'reset';
export type Point =
  | 'github write'
  | 'github read'
  | 'gitlab update'
  | 'gitlab read'
  | 'fly create'
  | 'fly revoke';

export interface FaultSpec {
  at: Point;
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
  faults: FaultSpec[];
}

export interface Schedule {
  targets: TargetKind[];
  runs: RunSpec[];
}

const OPERATION: Record<Point, string> = {
  'github write': 'actions/create-or-update-repo-secret',
  'github read': 'actions/get-repo-secret',
  'gitlab update': 'project-variables/update',
  'gitlab read': 'project-variables/get',
  'fly create': 'createLimitedAccessToken',
  'fly revoke': 'deleteLimitedAccessToken',
};

const FAULT: Record<FaultKind, Fault> = {
  '500': { kind: 'status', status: 500, body: '{"message":"injected"}' },
  '502-html': { kind: 'status', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' },
  '408': { kind: 'status', status: 408, body: '{"message":"timeout"}' },
  '429': { kind: 'status', status: 429, body: '{"message":"slow down"}', headers: { 'retry-after': '1' } },
  reset: { kind: 'reset' },
};

const faultArb: fc.Arbitrary<FaultSpec> = fc
  .record({
    at: fc.constantFrom<Point>(
      'github write',
      'github read',
      'gitlab update',
      'gitlab read',
      'fly create',
      'fly revoke',
    ),
    kind: fc.constantFrom<FaultKind>('500', '502-html', '408', '429', 'reset'),
    applied: fc.boolean(),
    times: fc.constantFrom<1 | 2 | 'all'>(1, 2, 'all'),
  })
  // A 429 or 408 says the request was not carried out: a server that applied it and said so would lie.
  .map((f) => (f.kind === '429' || f.kind === '408' ? { ...f, applied: false } : f));

const runArb: fc.Arbitrary<RunSpec> = fc.record({
  gapMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })),
  mode: fc.oneof(
    { weight: 6, arbitrary: fc.constant<Mode>('rotate') },
    { weight: 1, arbitrary: fc.constantFrom<Mode>('status', 'revoke', 'revoke-all') },
  ),
  keepPrevious: fc.integer({ min: 0, max: 2 }),
  notBefore: fc.boolean(),
  faults: fc.array(faultArb, { maxLength: 2 }),
});

export const scheduleArb: fc.Arbitrary<Schedule> = fc.record({
  targets: fc.uniqueArray(fc.constantFrom<TargetKind>('repo', 'gitlab', 'command'), {
    minLength: 1,
    maxLength: 3,
  }),
  runs: fc.array(runArb, { minLength: 1, maxLength: 4 }),
});

/** A schedule as a person reads it, for a failing case. */
export function describeSchedule(s: Schedule): string {
  return [
    `targets: ${s.targets.join(', ')}`,
    ...s.runs.map(
      (r, i) =>
        `run ${i + 1}: +${r.gapMinutes} min, ${r.mode}, keep-previous ${r.keepPrevious}` +
        `${r.notBefore ? ', not-before 5m' : ''}` +
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

/** Runs the schedule; returns every broken invariant, each naming the run and what the emulators showed. */
export async function runSchedule(schedule: Schedule): Promise<string[]> {
  const s = await startScenario();
  const gl = schedule.targets.includes('gitlab') ? await startGitLabEmulator() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'fly-rotator-property-'));
  const store = writeStoreProgram(dir);
  const file = join(dir, 'stored');
  const GITLAB_TOKEN = 'glpat-property0maintainer0token00';
  if (gl) {
    gl.addProject(REPO);
    gl.addToken(GITLAB_TOKEN, { scopes: ['api'], roles: { [REPO]: 'maintainer' } });
  }
  const lines = schedule.targets.map((t) =>
    t === 'repo' ? `repo:${REPO}` : t === 'gitlab' ? `gitlab:${REPO}` : `command:node ${store} ${file}`,
  );
  /** Which token each target holds now (by the value it holds), or undefined when it holds none. */
  const holdings = (): Map<TargetKind, string | undefined> => {
    const value = (t: TargetKind): string | undefined => {
      if (t === 'repo') return s.gh.secret(REPO, 'FLY_API_TOKEN')?.value;
      if (t === 'gitlab') return gl?.variable(REPO, 'FLY_API_TOKEN')?.value ?? undefined;
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    };
    return new Map(
      schedule.targets.map((t) => {
        const v = value(t);
        return [t, v === undefined ? undefined : s.fly.tokenOf(v)];
      }),
    );
  };
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
        const server = f.at.startsWith('github')
          ? s.gh.server
          : f.at.startsWith('gitlab')
            ? gl?.server
            : s.fly.server;
        server?.fault(OPERATION[f.at], FAULT[f.kind], {
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
          ...(gl ? { 'gitlab-url': gl.url, 'gitlab-token': GITLAB_TOKEN } : {}),
        },
        { env: { FLY_TOKEN_ROTATOR_RETRY_BASE_MS: '20' } },
      );
      const took = Date.now() - started;
      // Faults left over (not all hit) must not spill into the next run.
      s.gh.server.clearFaults();
      s.fly.server.clearFaults();
      gl?.server.clearFaults();
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
      if (took > TIMEOUT_S * 1000 + SLACK_MS)
        violations.push(`${label}: took ${took} ms, timeout ${TIMEOUT_S} s`);
      if (violations.length) {
        violations.push(`  what run ${i + 1} said: ${failure.slice(0, 600) || '(exit 0)'}`);
        break;
      }
    }
  } finally {
    await Promise.all([s.close(), gl?.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
  return violations;
}
