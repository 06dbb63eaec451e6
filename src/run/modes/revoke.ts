// Mode revoke: revoke the ids from token-ids, each reported as revoked / already revoked / unknown / refused.

import { managedNames } from '../../core/names.js';
import { revokeTokens } from '../../core/revoke.js';
import { tokenIssuer } from '../../fly/issuers.js';
import { heldFor, holdingsReader } from '../rotation.js';
import { revokeSummary } from '../summary.js';
import { dryRunNote, type ModeRunner } from './types.js';

export const runRevokeIds: ModeRunner = async (spec, rotation, services, log) => {
  const issuer = tokenIssuer(rotation, services.fly);
  const report = await revokeTokens(
    spec.tokenIds,
    issuer,
    {
      managedName: managedNames(rotation),
      force: spec.force,
      dryRun: spec.dryRun,
      // Input held (proof by use) makes the protected set exact where the store agrees with it.
      holdings: holdingsReader(rotation, services, heldFor(spec, rotation, issuer)),
      ...(spec.describeInput ? { forceHint: `${spec.describeInput('force')} revokes it anyway` } : {}),
    },
    log,
  );
  // With several rotations an id is naturally unknown to all scopes but one; alone, unknown is an error.
  const bad = report.filter(
    (r) =>
      r.outcome === 'refused' ||
      r.outcome === 'failed' ||
      (r.outcome === 'unknown' && spec.rotations.length === 1),
  );
  const summary = revokeSummary(rotation.label, report) + (spec.dryRun ? `\n${dryRunNote}\n` : '');
  return {
    outputs: {
      'revoked-token-ids': JSON.stringify(report.filter((r) => r.outcome === 'revoked').map((r) => r.id)),
    },
    summary,
    revoke: report,
    ...(bad.length
      ? { error: `could not revoke ${bad.map((r) => `${r.id} (${r.outcome})`).join(', ')}` }
      : {}),
  };
};
