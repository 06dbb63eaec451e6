// Input held: the values the runner handed this job (proof by use, see ../core/held.ts). Two forms:
//   held: ${{ secrets.FLY_API_TOKEN }}                 the run has exactly one target
//   held: |                                            one line per target, named by its secret name
//     FLY_API_TOKEN=${{ secrets.FLY_API_TOKEN }}
//     FLY_DEPLOY=${{ secrets.FLY_DEPLOY }}
// Values are masked before anything reads them (maskHeld, called with the other credentials) and never appear in
// an error: messages name the line's target or its line number only.
import { InputError } from '../core/errors.js';
import { maskToken } from '../core/mask.js';
import type { HeldSpec, RotationSpec, TargetSpec } from '../core/spec.js';
import { storeOf } from '../stores.js';

const NAMED = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
const lines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Masks every form a held value could be printed in: each line whole, and its value after `NAME=`. */
export function maskHeld(raw: string, mask: (value: string) => void): void {
  const all = raw.trim();
  if (!all) return;
  maskToken(all, { mask });
  for (const line of lines(all)) {
    maskToken(line, { mask });
    const named = NAMED.exec(line);
    if (named?.[2].trim()) maskToken(named[2].trim(), { mask });
  }
}

/**
 * Input held → the value for each target it names, by the target's place in `rotations`. `repository`: the
 * workflow's own (GITHUB_REPOSITORY); a job is handed only secrets it can see, so when several targets share a
 * name, those of other repositories and organizations are left out.
 */
export function parseHeld(
  raw: string,
  rotations: readonly RotationSpec[],
  what = 'held',
  repository?: string,
): HeldSpec[] {
  const given = lines(raw);
  if (given.length === 0) return [];
  const all = rotations.flatMap((r, rotation) => r.targets.map((t, target) => ({ rotation, target, t })));
  const byName = (name: string) => {
    const named = all.filter((x) => x.t.secret === name);
    const seen = named.filter((x) => visible(x.t, repository));
    return named.length > 1 && seen.length ? seen : named;
  };
  const named = given.map((line) => NAMED.exec(line));
  // The single form: one line that names no target of the run (a token's value, e.g. `FlyV1 fm2_…`).
  if (given.length === 1 && !(named[0] && byName(named[0][1]).length)) {
    if (all.length !== 1)
      throw new InputError(
        `${what} holds one value, but the run has ${all.length} targets. Expected one line per target: ` +
          `SECRET_NAME=\${{ secrets.SECRET_NAME }}, with the secret names of: ${names(all)}.`,
      );
    return [{ rotation: all[0].rotation, target: all[0].target, value: given[0] }];
  }
  const out: HeldSpec[] = [];
  const seen = new Set<string>();
  named.forEach((m, i) => {
    if (!m)
      throw new InputError(
        `${what} line ${i + 1} is not NAME=value. Expected one line per target: SECRET_NAME=\${{ secrets.SECRET_NAME }}.`,
      );
    const [, name, value] = m;
    const matches = byName(name);
    if (matches.length === 0)
      throw new InputError(
        `${what} names ${name}, which no target of the run writes. Expected one of: ${names(all)}.`,
      );
    if (matches.length > 1)
      throw new InputError(
        `${what} names ${name}, which ${matches.length} targets of the run write; a job is handed only one of them. ` +
          'Expected a secret name that exactly one target has (rename one, or pass held only for the others).',
      );
    if (seen.has(name)) throw new InputError(`${what} names ${name} twice. Expected each target once.`);
    seen.add(name);
    if (!value.trim())
      throw new InputError(`${what} gives ${name} an empty value. Expected the secret's value.`);
    out.push({ rotation: matches[0].rotation, target: matches[0].target, value: value.trim() });
  });
  return out;
}

/** Whether a job of `repository` could be handed the target's secret (its store says; most cannot tell). */
function visible(t: TargetSpec, repository: string | undefined): boolean {
  if (!repository) return true;
  return storeOf(t).handedTo?.(t, repository) ?? true;
}

function names(all: { t: { secret: string } }[]): string {
  return [...new Set(all.map((x) => x.t.secret))].join(', ') || 'none';
}
