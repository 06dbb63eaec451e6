// Go's time.ParseDuration, which is what Fly applies to createLimitedAccessToken's `expiry`
// ("72h0m0s", "1.5h", "90m"; units ns us µs ms s m h; no days). Errors use Go's wording.

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

export class DurationError extends Error {}

/** Returns milliseconds (may be negative or zero, as in Go). */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw new DurationError(`time: invalid duration ${quoted}`);
  let total = 0;
  while (s !== '') {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (num[1] === '' && (num[2] === undefined || num[2] === '')) {
      throw new DurationError(`time: invalid duration ${quoted}`);
    }
    s = s.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') throw new DurationError(`time: missing unit in duration ${quoted}`);
    const ms = UNIT_MS[unit];
    if (ms === undefined)
      throw new DurationError(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    total += Number(`${num[1] || '0'}.${num[2] || '0'}`) * ms;
    s = s.slice(unit.length);
  }
  if (total > 9_223_372_036_854) throw new DurationError(`time: invalid duration ${quoted}`);
  return sign * total;
}
