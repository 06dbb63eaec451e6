// Mode revoke-all, the kill switch for a suspected leak: revoke every valid managed token of the scope.
// Targets then hold a revoked token until the next rotation, and the summary names them.
import { managedNames } from '../../core/names.js';
import { type RevokeReport, revokeListed } from '../../core/revoke.js';
import { allManaged, managedTokens } from '../../core/sweep.js';
import { tokenIssuer } from '../../fly/issuers.js';
import { heldFor, holdingsReader } from '../rotation.js';
import { cell, code, table } from '../summary.js';
import { dryRunNote, type ModeRunner } from './types.js';

export const runRevokeAll: ModeRunner = async (spec, rotation, services, log) => {
  const issuer = tokenIssuer(rotation, services.fly);
  const listed = await issuer.list();
  const managed = managedTokens(listed, managedNames(rotation));
  // The kill switch revokes held tokens too: no holdings check, only the loop mode revoke ends in.
  const report: RevokeReport = await Promise.all(
    managed.map((t): Promise<RevokeReport[number]> | RevokeReport[number] =>
      spec.dryRun ? { id: t.id, name: t.name, outcome: 'would revoke' } : revokeListed(t, issuer, log),
    ),
  );
  const failed = report.filter((r) => r.outcome === 'failed');
  const revoked = report.filter((r) => r.outcome === 'revoked').map((r) => r.id);
  // Revoked by someone else meanwhile is revoked all the same: the targets holding it are left as well.
  const gone = report
    .filter((r) => r.outcome === 'revoked' || r.outcome === 'already revoked')
    .map((r) => r.id);
  const error = failed.length
    ? `Revoking ${failed.length} of ${report.length} managed token(s) failed; run revoke-all again: ${failed.map((f) => `${f.id}: ${f.detail}`).join('; ')}`
    : undefined;
  const left = spec.dryRun ? '' : await targetsLeft(gone);
  const warning = spec.dryRun
    ? dryRunNote
    : left
      ? `**These targets now hold a revoked token** until the next rotation (mode rotate) writes a new one: ${cell(left)}.`
      : `**Every target of this rotation now holds a revoked token** until the next rotation (mode rotate) writes a new one.`;
  if (!spec.dryRun && gone.length)
    log.warning(`Targets now hold revoked tokens until the next rotation${left ? `: ${left}` : ''}.`);
  const rows = report.map((r) => [
    code(r.id),
    code(r.name ?? ''),
    r.outcome + (r.detail ? `: ${cell(r.detail)}` : ''),
  ]);
  const summary = [
    '### Fly tokens revoked (revoke-all)',
    '',
    ...(error ? [`> ${cell(error)}`, ''] : []),
    `Scope: ${cell(rotation.label)}`,
    '',
    warning,
    '',
    rows.length
      ? table(['Token', 'Name', 'Outcome'], rows)
      : `No valid managed tokens named ${code(rotation.tokenName)}.`,
    '',
  ].join('\n');
  return {
    outputs: { 'revoked-token-ids': JSON.stringify(revoked) },
    summary,
    revoke: report,
    ...(error ? { error } : {}),
  };

  /** The targets that hold one of the tokens just revoked, as one phrase; "" when they cannot be read. */
  async function targetsLeft(ids: string[]): Promise<string> {
    const read = holdingsReader(rotation, services, heldFor(spec, rotation, issuer));
    if (!read || ids.length === 0) return '';
    try {
      const holdings = await read(allManaged(listed, managedNames(rotation)));
      const hit = holdings.filter((h) => h.possible.some((t) => ids.includes(t.id))).map((h) => h.target);
      return hit.join('; ');
    } catch {
      return '';
    }
  }
};
