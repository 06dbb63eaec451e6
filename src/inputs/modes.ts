// Inputs that shape how a run behaves rather than what it rotates: dry-run, warn-before, request-timeout.
import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { type GetInput, parseBoolean } from './common.js';

export const DEFAULT_WARN_BEFORE = '48h';
export const DEFAULT_REQUEST_TIMEOUT_S = 30;

export interface RunOptions {
  dryRun: boolean;
  warnBeforeMs: number;
  requestTimeoutMs: number;
  sweepGraceMs?: number;
}

export function readRunOptions(get: GetInput, env: Record<string, string | undefined> = {}): RunOptions {
  // Only tests shorten the grace period: they rerun at once after a crash and expect the orphan revoked.
  const grace = env.FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS;
  return {
    ...(grace && /^\d+$/.test(grace) ? { sweepGraceMs: Number(grace) } : {}),
    dryRun: parseBoolean(get('dry-run') || 'false', 'dry-run'),
    warnBeforeMs: parseDuration(get('warn-before') || DEFAULT_WARN_BEFORE, 'warn-before'),
    requestTimeoutMs: parseRequestTimeout(get('request-timeout')),
  };
}

/** Seconds, fractions allowed: short enough to notice a hung API, long enough for a slow one. */
export function parseRequestTimeout(value: string): number {
  const v = value.trim() || String(DEFAULT_REQUEST_TIMEOUT_S);
  const s = /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  if (!(s >= 0.1 && s <= 600)) {
    throw new InputError(
      `request-timeout "${value}" is not valid. Expected seconds between 0.1 and 600, e.g. 30.`,
    );
  }
  return Math.round(s * 1000);
}
