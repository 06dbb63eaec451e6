// Mode revoke-all, the kill switch for a suspected leak: revoke every valid managed token of the scope.
// Targets then hold a revoked token until the next rotation, and the summary says so.
import { errorMessage } from '../../core/errors.js';
import type { RevokeReport } from '../../core/revoke.js';
import { managedTokens } from '../../core/rotate.js';
import { tokenIssuer } from '../../fly/issuers.js';
import { cell, code, table } from '../summary.js';
import { dryRunNote, type ModeRunner } from './types.js';

export const runRevokeAll: ModeRunner = async (spec, rotation, services, log) => {
  const issuer = tokenIssuer(rotation, services.fly);
  const managed = managedTokens(await issuer.list(), rotation.tokenName);
  const report: RevokeReport = await Promise.all(
    managed.map(async (t): Promise<RevokeReport[number]> => {
      if (spec.dryRun) return { id: t.id, name: t.name, outcome: 'would revoke' };
      try {
        await issuer.revoke(t.id);
        log.info(`Revoked ${t.id} (${t.name}).`);
        return { id: t.id, name: t.name, outcome: 'revoked' };
      } catch (err) {
        return { id: t.id, name: t.name, outcome: 'failed', detail: errorMessage(err) };
      }
    }),
  );
  const failed = report.filter((r) => r.outcome === 'failed');
  const revoked = report.filter((r) => r.outcome === 'revoked').map((r) => r.id);
  const error = failed.length
    ? `Revoking ${failed.length} of ${report.length} managed token(s) failed; run revoke-all again: ${failed.map((f) => `${f.id}: ${f.detail}`).join('; ')}`
    : undefined;
  const warning = spec.dryRun
    ? dryRunNote
    : `**Every target of this rotation now holds a revoked token** until the next rotation (mode rotate) writes a new one.`;
  if (!spec.dryRun && revoked.length) log.warning('Targets now hold revoked tokens until the next rotation.');
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
};
