// The issue's invariants, checked from the emulators' state rather than from what the action says.
import { isManagedName } from '../../src/core/names.js';
import type { ActionRun } from '../harness/run-action.js';
import { leaks, REPO, type Scenario, storedValue } from '../harness/scenario.js';

export const SECRET = 'FLY_API_TOKEN';

const bare = (h: string) => h.replace(/^FlyV1\s+/, '');

/** Tokens under the managed prefix: `name` itself or `name · <run>`. */
export function managed(s: Scenario, name: string) {
  return s.fly.tokens.filter((t) => isManagedName(t.name, name));
}

export function isValid(s: Scenario, t: { revokedAt: Date | null; expiresAt: Date }): boolean {
  return !t.revokedAt && t.expiresAt.getTime() > s.fly.now();
}

/** The Fly token record the repository secret holds now, if any. */
export function heldToken(s: Scenario, name: string) {
  const value = s.gh.secret(REPO, SECRET)?.value;
  return value === undefined ? undefined : managed(s, name).find((t) => bare(storedValue(t)) === bare(value));
}

/** (a): the target holds a valid, unrevoked token (the new one when the run succeeded). */
export function targetHoldsValid(s: Scenario, name: string, run?: ActionRun): string[] {
  const held = heldToken(s, name);
  if (!held) return ['(a) the secret holds no token that Fly minted under the managed name'];
  if (!isValid(s, held)) return [`(a) the secret holds ${held.id}, which is revoked or expired`];
  const newId = run?.outputs['token-id'];
  if (run?.code === 0 && newId && held.id !== newId)
    return [`(a) the run succeeded with ${newId} but the secret holds ${held.id}`];
  return [];
}

/** (b): after a clean follow-up run, the held token is the only valid managed token: nothing leaked. */
export function nothingUnaccounted(s: Scenario, name: string): string[] {
  const held = heldToken(s, name);
  const stray = managed(s, name).filter((t) => isValid(s, t) && t !== held);
  return stray.length ? [`(b) valid managed tokens nobody holds: ${stray.map((t) => t.id).join(', ')}`] : [];
}

/**
 * (e): right after a run, failed or not, every token it minted (those not in `before`) is revoked unless the
 * target holds it: the run itself cleans up, not a later one.
 */
export function ownTokensHeldOrRevoked(s: Scenario, name: string, before: Set<string>): string[] {
  const held = heldToken(s, name);
  const stray = s.fly.tokens.filter((t) => !before.has(t.id) && isValid(s, t) && t !== held);
  return stray.length
    ? [`(e) the run left tokens it minted valid, held by no target: ${stray.map((t) => t.id).join(', ')}`]
    : [];
}

/** (c): no token value or credential in stdout, stderr, outputs or the summary. */
export function noLeaks(s: Scenario, run: ActionRun): string[] {
  // `::add-mask::` lines are how a value gets masked: the runner consumes them and never shows them.
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const found = leaks(s, stdout, run.stderr, JSON.stringify(run.outputs), run.summary);
  return found.length ? [`(c) ${found.length} secret value(s) printed`] : [];
}

/** Fly's tokens as (id, revoked) pairs: equal before and after means nothing was minted or revoked. */
export function tokenState(s: Scenario): string {
  return s.fly.tokens
    .map((t) => `${t.id}:${t.revokedAt ? 'r' : 'v'}`)
    .sort()
    .join(',');
}
