// How a run spends its time. The whole run is bounded by `timeout`; its last part is kept for cleanup (revoking
// what this run minted and no target holds, re-reading a secret after an ambiguous write), so a run that hits the
// deadline still leaves every target holding a valid token.
import { RotationError } from './rotation.js';
import type { RunSignals } from './signals.js';

export type { RunSignals } from './signals.js';

/** How many rotations run at once; Fly calls overlap freely and GitHub writes are paced by octokit. */
export const DEFAULT_CONCURRENCY = 8;
/** Default for input `timeout`: with process start and exit, a run with every API hanging ends within 60 s. */
export const DEFAULT_TIMEOUT_MS = 55_000;
/** Default for input `request-timeout`: a hung request is retried within the budget at least once. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** The most kept for cleanup; a short timeout keeps a quarter of itself. */
export const MAX_CLEANUP_MS = 10_000;

export interface RunBudget {
  /** After this (ms from the start) the protocol starts no new step and stops waiting for the current one. */
  workMs: number;
  /** After this every request is cut: the run's hard end. */
  totalMs: number;
}

/**
 * The default `timeout`: DEFAULT_TIMEOUT_MS for each batch of rotations run at once, so a config with many
 * rotations is not cut short while one rotation still ends within 60 s.
 */
export function defaultTimeoutMs(rotations: number, concurrency: number): number {
  return DEFAULT_TIMEOUT_MS * Math.max(1, Math.ceil(rotations / Math.max(1, concurrency)));
}

export function runBudget(timeoutMs: number): RunBudget {
  const cleanup = Math.min(MAX_CLEANUP_MS, Math.round(timeoutMs / 4));
  return { workMs: timeoutMs - cleanup, totalMs: timeoutMs };
}

/** The signals of one run: `work` ends the protocol's steps, `run` cuts every request (the clients get it). */

export function runSignals(timeoutMs: number): RunSignals {
  const b = runBudget(timeoutMs);
  return { work: timeoutSignal(b.workMs), run: timeoutSignal(b.totalMs), timeoutMs };
}

/**
 * Like AbortSignal.timeout, but the timer holds the signal. Node 20 and early 22 drop an AbortSignal.timeout
 * that only AbortSignal.any refers to once garbage is collected, and the combined signal then never fires
 * (nodejs/node#57736). The timer is unref'd: it never keeps a finished run's process alive.
 */
export function timeoutSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  endsAt.set(controller.signal, Date.now() + ms);
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ms,
  );
  timer.unref?.();
  return controller.signal;
}

/** When each timeoutSignal fires (ms since the epoch), so a wait can tell whether it fits before then. */
const endsAt = new WeakMap<AbortSignal, number>();

/**
 * How long until the first of `signals` fires (ms; 0 once one has), Infinity when none is a deadline. A wait
 * longer than this cannot fit in the run: the caller gives up at once and settles what is known.
 */
export function remainingMs(...signals: (AbortSignal | null | undefined)[]): number {
  let left = Number.POSITIVE_INFINITY;
  for (const s of signals) {
    if (!s) continue;
    if (s.aborted) return 0;
    const end = endsAt.get(s);
    if (end !== undefined) left = Math.min(left, Math.max(0, end - Date.now()));
  }
  return left;
}

/** Sleeps `ms`, ended early (resolving) when any of `signals` fires. */
export function sleepWithin(ms: number, ...signals: (AbortSignal | null | undefined)[]): Promise<void> {
  return new Promise<void>((resolve) => {
    const live = signals.filter((s): s is AbortSignal => !!s);
    const done = () => {
      clearTimeout(timer);
      for (const s of live) s.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const s of live) {
      if (s.aborted) return done();
      s.addEventListener('abort', done, { once: true });
    }
  });
}

/** A request's signal: its own timeout, and the run's deadline when there is one. */
export function withRunSignal(run: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const own = timeoutSignal(timeoutMs);
  return run ? AbortSignal.any([run, own]) : own;
}

/** Waits for a step, but no longer than the run's work deadline. */
export function beforeDeadline<T>(
  signals: RunSignals | undefined,
  step: string,
  work: Promise<T>,
): Promise<T> {
  const deadline = signals?.work;
  if (!deadline) return work;
  return new Promise<T>((resolve, reject) => {
    const stop = () =>
      reject(new RotationError(`${lateMessage(signals, step)}Nothing was minted, written or revoked.`));
    if (deadline.aborted) return stop();
    deadline.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => deadline.removeEventListener('abort', stop));
  });
}

/** "The run's timeout … ran out while <step> was waiting. " when a deadline fired, else "". */
export function lateMessage(signals: RunSignals | undefined, step: string): string {
  if (!signals || !(signals.work.aborted || signals.run.aborted)) return '';
  return `The run's timeout (${Math.round(signals.timeoutMs / 1000)} s) ran out while step ${step} was waiting. `;
}
