// Runs one fault case: its own emulator pair, a first clean rotation (so there is a previous token), the
// faulty run, then a clean follow-up run; the invariants are checked after each.

import { CLOCK_SKEW_MS } from '../../src/core/holdings.js';
import type { Log } from '../../src/core/interfaces.js';
import { readInputs } from '../../src/inputs/read.js';
import { execute } from '../../src/run/execute.js';
import { createServices } from '../../src/run/services.js';
import type { ActionRun } from '../harness/run-action.js';
import { type Scenario, startScenario } from '../harness/scenario.js';
import {
  managed,
  noLeaks,
  nothingUnaccounted,
  ownTokensHeldOrRevoked,
  SECRET,
  targetHoldsValid,
  tokenState,
} from './invariants.js';
import type { FaultCase } from './points.js';

export const TOKEN_NAME = 'fault-suite';

/** Short backoff so a case takes about a second; the grace period off so reruns sweep at once. */
export const FAST_ENV = {
  FLY_TOKEN_ROTATOR_RETRY_BASE_MS: '20',
  FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: '0',
};
export const FAST_INPUTS = { 'token-name': TOKEN_NAME, 'secret-name': SECRET };
/**
 * For a run whose call hangs: it waits this long for the answer. Only there: on a machine busy with other
 * work an ordinary call can take longer than a second, and a short timeout would fail it.
 */
export const HANG_TIMEOUT = { 'request-timeout': '2' };

export interface CaseResult {
  id: string;
  violations: string[];
  faultRun?: ActionRun;
}

/**
 * Fly's createdAt and GitHub's updated_at have one-second resolution and runs here follow each other within
 * milliseconds: moving the emulators' shared clock on before each run, by more than the clock skew the protocol
 * allows between them (CLOCK_SKEW_MS), keeps "newest" and "written after" meaning what they mean in production.
 */
function tick(s: Scenario): void {
  s.fly.advance(CLOCK_SKEW_MS + 5000);
}

/** The built action in a child process: for what only a real process shows (a kill, the runner's files). */
export function run(
  s: Scenario,
  inputs: Record<string, string> = {},
  opts: { killWhen?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ActionRun> {
  tick(s);
  return s.run({ ...FAST_INPUTS, ...inputs }, { ...opts, env: { ...FAST_ENV, ...opts.env } });
}

/**
 * The action's own code (src/action/main.ts, as the bundle runs it) in this process, with a core that records
 * what @actions/core would send the runner: most runs, which save a process start each (see
 * ../harness/run-main.ts).
 */
export function runInProcess(
  s: Scenario,
  inputs: Record<string, string> = {},
  opts: { env?: Record<string, string> } = {},
): Promise<ActionRun> {
  tick(s);
  return s.runInProcess({ ...FAST_INPUTS, ...inputs }, { env: { ...FAST_ENV, ...opts.env } });
}

export type Runner = typeof runInProcess;

const quiet: Log = { info() {}, warning() {}, mask() {}, group: (_n, fn) => fn() };

/** A clean rotation in this process, through the core alone: setup, which no case asserts anything about. */
export async function setupRotation(s: Scenario, inputs: Record<string, string> = {}): Promise<string[]> {
  tick(s);
  const all: Record<string, string> = { ...s.inputs, ...FAST_INPUTS, ...inputs };
  const env = { ...s.env, ...FAST_ENV, FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off' };
  const spec = readInputs((name) => all[name] ?? '', env);
  const report = await execute(spec, await createServices(spec, env, quiet), quiet);
  return report.failure ? [`setup rotation failed: ${report.failure}`] : [];
}

function expectOk(r: ActionRun, what: string): string[] {
  return r.code === 0 ? [] : [`${what} failed: ${r.errors.join(' / ') || r.stderr.slice(0, 200)}`];
}

/** `faulty`: how the run under fault is started (in this process, or the built action for a sample). */
export async function runFaultCase(c: FaultCase, faulty: Runner = runInProcess): Promise<CaseResult> {
  const s = await startScenario();
  try {
    const v: string[] = [];
    // Setup: a previous token in the secret; for the revoke modes one more kept valid beside it. In this
    // process (no action start): only the faulty run and the follow-up are under test.
    v.push(...(await setupRotation(s)));
    if (c.mode === 'revoke' || c.mode === 'revoke-all')
      v.push(...(await setupRotation(s, { 'keep-previous': '1' })));
    if (v.length) return { id: c.id, violations: v };
    const [oldest] = managed(s, TOKEN_NAME).filter((t) => !t.revokedAt);
    const emulator = c.point.side === 'fly' ? s.fly.server : s.gh.server;
    emulator.fault(c.point.operation, c.kind.fault, {
      after: c.after,
      ...(c.point.when ? { when: c.point.when(s.authToken) } : {}),
    });
    const before = tokenState(s);
    const existing = new Set(s.fly.tokens.map((t) => t.id));
    const inputs: Record<string, string> = {
      mode: c.mode,
      ...(c.kind.fault.kind === 'hang' ? HANG_TIMEOUT : {}),
    };
    if (c.mode === 'revoke') inputs['token-ids'] = oldest.id;
    const r = await faulty(s, inputs);
    emulator.clearFaults();
    v.push(...noLeaks(s, r), ...ownTokensHeldOrRevoked(s, TOKEN_NAME, existing));
    // One transient fault (everything but a GraphQL error) is retried or worked around: the run succeeds.
    if (!c.kind.flyOnly && r.code !== 0)
      v.push(`(r) one ${c.kind.name} was not recovered from: ${r.errors.join(' / ')}`);
    if (c.mode === 'rotate' || c.mode === 'revoke') v.push(...targetHoldsValid(s, TOKEN_NAME, r));
    if (c.mode === 'status' && tokenState(s) !== before) v.push('status changed Fly tokens');
    if (c.mode === 'revoke' && r.code === 0 && !s.fly.tokens.find((t) => t.id === oldest.id)?.revokedAt)
      v.push(`revoke succeeded but ${oldest.id} is still valid`);
    if (c.mode === 'revoke-all' && r.code === 0 && managed(s, TOKEN_NAME).some((t) => !t.revokedAt))
      v.push('revoke-all succeeded but a managed token is still valid');
    // The next run (no fault) must finish the job: target valid, nothing left unaccounted.
    const next = await runInProcess(s);
    v.push(...expectOk(next, 'follow-up rotation'), ...noLeaks(s, next));
    v.push(...targetHoldsValid(s, TOKEN_NAME, next), ...nothingUnaccounted(s, TOKEN_NAME));
    return { id: c.id, violations: v, faultRun: r };
  } finally {
    await s.close();
  }
}

/** Runs `fn` over items with at most `limit` at once. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

/** One line per group of cases (the part of the id before the fault kind): tried, held, and what failed. */
export function closingTable(title: string, results: CaseResult[]): string {
  const held = (rs: CaseResult[]) => rs.filter((r) => r.violations.length === 0).length;
  const groups = new Map<string, CaseResult[]>();
  for (const r of results) {
    const key = r.id.split(' | ').slice(0, 2).join(' | ');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const width = Math.max(...[...groups.keys()].map((k) => k.length), 10);
  const lines = [
    `${title}: ${results.length} cases tried, invariants held in ${held(results)}.`,
    `${'case'.padEnd(width)}  tried  held`,
    ...[...groups].map(
      ([k, rs]) => `${k.padEnd(width)}  ${String(rs.length).padStart(5)}  ${String(held(rs)).padStart(4)}`,
    ),
  ];
  for (const r of results)
    if (r.violations.length) lines.push(`  FAILED ${r.id}: ${r.violations.join('; ')}`);
  return lines.join('\n');
}
