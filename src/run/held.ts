// Proof by use in the modes (see ../core/held.ts): before a rotation, what the runner handed this job says which
// token is "previous" for each target, and with revoke-previous: after-use it is the only thing that lets the
// tokens before it go.
import { errorMessage } from '../core/errors.js';
import { describeUse, provenCurrent } from '../core/held.js';
import type { Holding } from '../core/holdings.js';
import type { Log, TokenIssuer } from '../core/interfaces.js';
import { endedAt, isLive } from '../core/live.js';
import type { RotationSpec, RunSpec } from '../core/spec.js';
import { allManaged, choosePrevious, managedTokens, SWEEP_GRACE_MS } from '../core/sweep.js';
import { heldFor, holdingsReader } from './rotation.js';
import type { Services } from './services.js';
import { cell, code } from './summary.js';

export interface UseReport {
  /** Each target's holding, input held joined in; absent when the targets could not be read. */
  holdings?: Holding[];
  /** A held value that is a revoked or expired token, or no managed token at all: the run must fail. */
  problem?: string;
  /** after-use: the token every target was proven to hold, and what was revoked because of it. */
  current?: string;
  revoked: string[];
  /** Previous tokens left valid, and why (after-use without proof, keep-previous, revocation failures). */
  left?: string;
  notes: string[];
}

/** Whether the run asks for proof by use at all (input held, or revoke-previous: after-use). */
export function usesProof(spec: RunSpec): boolean {
  return Boolean(spec.held?.length) || spec.revokePrevious === 'after-use';
}

/**
 * What input held proves for `rotation` and, with revoke-previous: after-use, the revocation of every managed
 * token minted before the one all targets are proven to hold. `dryRun` reports what it would revoke.
 */
export async function useBeforeRotation(
  spec: RunSpec,
  rotation: RotationSpec,
  services: Services,
  issuer: TokenIssuer,
  log: Log,
): Promise<UseReport> {
  const afterUse = spec.revokePrevious === 'after-use';
  const given = heldFor(spec, rotation, issuer);
  const report: UseReport = { revoked: [], notes: [] };
  if (!given && !afterUse) return report;
  const read = holdingsReader(rotation, services, given);
  if (!read) {
    report.left = 'the targets cannot be read (a credential is missing), so no proof by use is possible';
    return report;
  }
  await issuer.prepare();
  const listed = await issuer.list();
  const managed = allManaged(listed, rotation.tokenName);
  const holdings = await read(managed);
  report.holdings = holdings;
  const now = Date.now();
  for (const h of holdings) {
    const note = describeUse(h);
    if (note) {
      report.notes.push(`${h.target}: ${note}`);
      log.info(`${h.target}: ${note}.`);
    }
    // Set by hand: the rotation overwrites it; worth a warning, not a failure.
    if (h.byUse?.match === 'foreign') log.warning(`${h.target}: ${note}.`);
    if (h.proof === 'use' && h.token && !isLive(h.token, now)) {
      report.problem = `The runner handed this job ${h.token.id} for ${h.target} (proven by use), which was ${endedAt(h.token)}: every job that uses it fails.`;
      log.warning(report.problem);
    }
  }
  if (!afterUse) return report;
  const proven = provenCurrent(holdings, now);
  if ('why' in proven) {
    report.left = `revoke-previous is after-use and no token is proven in use by every target (${proven.why})`;
    return report;
  }
  const current = proven.token;
  report.current = current.id;
  const older = managedTokens(listed, rotation.tokenName, now).filter(
    (t) => t.id !== current.id && Date.parse(t.createdAt) <= Date.parse(current.createdAt),
  );
  // Every target was written with `current`, so after each older token was minted (as ../core/sweep.ts settles).
  const { doomed, kept, deferred } = choosePrevious(
    older,
    rotation.keepPrevious,
    spec.sweepGraceMs ?? SWEEP_GRACE_MS,
    Date.parse(current.createdAt),
    now,
  );
  const left = [...kept, ...deferred].map((t) => t.id);
  if (spec.dryRun) {
    report.notes.push(`Would revoke ${doomed.map((t) => t.id).join(', ') || 'nothing'} (after use).`);
    return report;
  }
  const failures: string[] = [];
  for (const t of doomed) {
    try {
      await issuer.revoke(t.id);
      report.revoked.push(t.id);
      log.info(`Revoked ${t.id}: every target is proven to hold ${current.id}, minted after it.`);
    } catch (err) {
      failures.push(`${t.id}: ${errorMessage(err)}`);
    }
  }
  if (left.length || failures.length)
    report.left = [
      ...(left.length ? [`${left.join(', ')} kept (keep-previous or too young)`] : []),
      ...(failures.length ? [`revoking failed, the next run retries: ${failures.join('; ')}`] : []),
    ].join('; ');
  if (failures.length) report.problem ??= `Revoking previous tokens failed: ${failures.join('; ')}`;
  return report;
}

/** The part of a rotation's summary that proof by use adds; "" when input held and after-use played no part. */
export function useSummary(r: UseReport): string {
  const lines: string[] = [];
  if (r.current) lines.push(`Every target is proven by use to hold ${code(r.current)}.`);
  if (r.revoked.length) lines.push(`Revoked after use: ${r.revoked.map(code).join(', ')}.`);
  if (r.left) lines.push(`Left valid: ${cell(r.left)}.`);
  for (const n of r.notes) lines.push(`- ${cell(n)}`);
  return lines.length ? `\n#### Proof by use (input held)\n\n${lines.join('\n')}\n` : '';
}
