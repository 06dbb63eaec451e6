// Inputs that shape how a run behaves rather than what it rotates: dry-run, warn-before, request-timeout, timeout.
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../core/budget.js';
import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { type GetInput, nameOf, parseBoolean } from '../core/input.js';
import { runLabel } from '../core/names.js';
import { type Mode, REVOKE_PREVIOUS, type RevokePrevious } from '../core/spec.js';

export const DEFAULT_WARN_BEFORE = '48h';
export const DEFAULT_REQUEST_TIMEOUT_S = DEFAULT_REQUEST_TIMEOUT_MS / 1000;

export interface RunOptions {
  dryRun: boolean;
  warnBeforeMs: number;
  requestTimeoutMs: number;
  timeoutMs?: number;
  runLabel: string;
  sweepGraceMs?: number;
}

export function readRunOptions(get: GetInput, env: Record<string, string | undefined> = {}): RunOptions {
  // Only tests shorten the grace period: they rerun at once after a crash and expect the orphan revoked.
  const grace = env.FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS;
  return {
    ...(grace && /^\d+$/.test(grace) ? { sweepGraceMs: Number(grace) } : {}),
    dryRun: parseBoolean(get('dry-run') || 'false', nameOf(get, 'dry-run')),
    warnBeforeMs: parseDuration(get('warn-before') || DEFAULT_WARN_BEFORE, nameOf(get, 'warn-before')),
    requestTimeoutMs: parseRequestTimeout(get('request-timeout'), nameOf(get, 'request-timeout')),
    ...(get('timeout').trim() ? { timeoutMs: parseTimeout(get('timeout'), nameOf(get, 'timeout')) } : {}),
    runLabel: runLabel(env),
  };
}

/**
 * Seconds (`30`, fractions allowed) or a duration like every other one (`30s`, `1m`, `500ms`): short enough
 * to notice a hung API, long enough for a slow one.
 */
export function parseRequestTimeout(value: string, what = 'request-timeout'): number {
  const v = value.trim() || String(DEFAULT_REQUEST_TIMEOUT_S);
  const expected = 'Expected seconds between 0.1 and 600, e.g. 10, or a duration such as 30s, 2m or 500ms.';
  if (!/^\d+(\.\d+)?$/.test(v)) {
    try {
      return parseDuration(v, what, { minMs: 100, maxMs: 600_000 });
    } catch {
      throw new InputError(`${what} "${value}" is not valid. ${expected}`);
    }
  }
  const s = Number(v);
  if (!(s >= 0.1 && s <= 600)) throw new InputError(`${what} "${value}" is not valid. ${expected}`);
  return Math.round(s * 1000);
}

/** The whole run's bound: seconds (`55`, `55s`) or minutes (`5m`), from 1 s to 6 h (a job's own limit). */
export function parseTimeout(value: string, what = 'timeout'): number {
  const v = value.trim();
  const m = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(v);
  const ms = m ? Number(m[1]) * (m[2] === 'm' ? 60_000 : 1000) : Number.NaN;
  if (!(ms >= 1000 && ms <= 6 * 3_600_000)) {
    throw new InputError(
      `${what} "${value}" is not valid. Expected seconds or minutes between 1s and 6h, e.g. 55 or 5m.`,
    );
  }
  return Math.round(ms);
}

/** revoke-previous: at-once (default) or after-use, which only modes rotate and status act on. */
export function readRevokePrevious(get: GetInput, mode: Mode): { revokePrevious?: RevokePrevious } {
  const what = nameOf(get, 'revoke-previous');
  const v = get('revoke-previous').trim().toLowerCase();
  if (!v || v === 'at-once') return {};
  if (!(REVOKE_PREVIOUS as string[]).includes(v))
    throw new InputError(`${what} "${v}" is not supported. Expected one of: ${REVOKE_PREVIOUS.join(', ')}.`);
  if (mode !== 'rotate' && mode !== 'status')
    throw new InputError(
      `${what} is after-use, but mode ${mode} revokes no previous token. Expected it with mode rotate (which then leaves the previous tokens valid) or status (which then revokes them once every target is proven by use to hold the newest).`,
    );
  return { revokePrevious: v as RevokePrevious };
}
