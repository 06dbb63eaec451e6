import { InputError } from './errors.js';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

const MIN_MS = 60_000;
/**
 * 20 years: flyctl's default expiry (175200h). Fly documents no maximum of its own, so this is the longest this
 * tool mints; anything longer is surely a typo. (Past 90 days a rotation warns: see inputs/read.ts.)
 */
const MAX_MS = 175_200 * 3_600_000;

const EXPECTED_DURATION = 'Expected a duration such as 90m, 72h, 1h30m, 7d or 2w';
// not-before takes a time as well as a duration; its messages say so.
const EXPECTED_TIME =
  'Expected an ISO 8601 time with a zone (2030-01-31T12:00:00Z) or a delay such as 30m or 1h';

/**
 * Parses Go-style durations (`1h30m`, `90m`) plus days and weeks (`7d`, `2w`) into milliseconds.
 * Zero, negative and fractional-less junk are rejected with a message that names what was expected.
 * The bounds suit token lifetimes; a timeout passes its own.
 */
export function parseDuration(
  text: string,
  what = 'duration',
  {
    minMs = MIN_MS,
    maxMs = MAX_MS,
    orTime = false,
  }: { minMs?: number; maxMs?: number; orTime?: boolean } = {},
): number {
  const EXPECTED = orTime ? EXPECTED_TIME : EXPECTED_DURATION;
  const s = text.trim();
  if (s === '') throw new InputError(`${what} is empty. ${EXPECTED}.`);
  if (s.startsWith('-')) throw new InputError(`${what} "${text}" is negative. ${EXPECTED}.`);
  const part = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/y;
  let total = 0;
  let pos = 0;
  while (pos < s.length) {
    part.lastIndex = pos;
    const m = part.exec(s);
    if (!m)
      throw new InputError(
        `${what} "${text}" is not ${orTime ? 'a time or a duration' : 'a duration'}. ${EXPECTED}.`,
      );
    total += Number(m[1]) * UNIT_MS[m[2]];
    pos = part.lastIndex;
  }
  if (total === 0) throw new InputError(`${what} "${text}" is zero. ${EXPECTED}.`);
  if (total < minMs)
    throw new InputError(
      `${what} "${text}" is shorter than ${minMs === MIN_MS ? 'one minute' : humanDuration(minMs)}.`,
    );
  if (total > maxMs) {
    const max =
      maxMs === MAX_MS
        ? "20 years (175200h), the longest this tool mints (flyctl's default; Fly documents no maximum)"
        : humanDuration(maxMs);
    throw new InputError(`${what} "${text}" is longer than ${max}.`);
  }
  return Math.round(total);
}

/** Formats milliseconds the way Go prints a time.Duration (whole seconds), which is what Fly parses. */
export function goDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const sec = totalSeconds % 60;
  return `${h}h${m}m${sec}s`;
}

/** A short human form for summaries: 7d, 36h, 90m. */
export function humanDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
