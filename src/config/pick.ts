// `only`: a job of a fanned-out workflow rotates just its share of the config.
import { InputError } from '../core/errors.js';
import type { RotationSpec } from '../core/spec.js';

/** Keeps the rotations named in `only` (names separated by commas or new lines); all when it is empty. */
export function pickRotations(rotations: RotationSpec[], only: string, what = 'only'): RotationSpec[] {
  const names = only
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) return rotations;
  const known = new Set(rotations.map((r) => r.name));
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length)
    throw new InputError(
      `${what} names ${unknown.map((n) => `"${n}"`).join(', ')}, which the config file does not have. Expected one of: ${[...known].join(', ')}.`,
    );
  return rotations.filter((r) => names.includes(r.name!));
}
