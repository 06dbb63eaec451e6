// Mode rotate: the protocol in ../../core/rotate.ts, or with dry-run only its plan step (reads only) and what the
// other steps would do.
import { errorMessage } from '../../core/errors.js';
import { managedNames } from '../../core/names.js';
import { RotationError, type RotationResult } from '../../core/rotation.js';
import { choosePrevious, managedTokens, SWEEP_GRACE_MS, settledAt } from '../../core/sweep.js';
import { tokenIssuer } from '../../fly/issuers.js';
import { type UseReport, useBeforeRotation, useSummary, usesProof } from '../held.js';
import { rotationInput, runRotation, secretWriter } from '../rotation.js';
import { cell, code, rotationSummary, table } from '../summary.js';
import { dryRunNote, type ModeRunner } from './types.js';

export const runRotate: ModeRunner = async (spec, rotation, services, log) => {
  // Input held and revoke-previous: after-use act before the rotation (see ../held.ts).
  const use = usesProof(spec)
    ? await log.group('Proof by use', () =>
        useBeforeRotation(spec, rotation, services, tokenIssuer(rotation, services.fly), log),
      )
    : { revoked: [], notes: [] };
  if (spec.dryRun) return planRotation(spec, rotation, services, log, use);
  try {
    const result = await runRotation(rotation, services, log, spec);
    const error = use.problem ? `${use.problem} This run wrote the new token ${result.token.id}.` : undefined;
    return {
      outputs: rotationOutputs(result, use.revoked),
      summary: rotationSummary(rotation.label, result, error) + useSummary(use),
      result,
      ...(error ? { error } : {}),
    };
  } catch (err) {
    const result = err instanceof RotationError ? err.partial : undefined;
    const error = [use.problem, errorMessage(err)].filter(Boolean).join(' ');
    return {
      outputs: rotationOutputs(result ?? {}, use.revoked),
      summary: rotationSummary(rotation.label, result ?? {}, error) + useSummary(use),
      error,
      ...(result ? { result } : {}),
    };
  }
};

function rotationOutputs(r: Partial<RotationResult>, revokedAfterUse: string[] = []) {
  return {
    ...(r.token ? { 'token-id': r.token.id, 'expires-at': r.token.expiresAt } : {}),
    'revoked-token-ids': JSON.stringify([...revokedAfterUse, ...(r.ownRevoked ?? []), ...(r.revoked ?? [])]),
  };
}

async function planRotation(
  spec: Parameters<ModeRunner>[0],
  rotation: Parameters<ModeRunner>[1],
  services: Parameters<ModeRunner>[2],
  log: Parameters<ModeRunner>[3],
  use: UseReport,
): ReturnType<ModeRunner> {
  const issuer = tokenIssuer(rotation, services.fly);
  const writer = secretWriter(rotation, services);
  const input = rotationInput(rotation, spec);
  const [, tokens] = await Promise.all([issuer.prepare(), issuer.list(), writer.prepare()]);
  const managed = managedTokens(tokens, managedNames(input));
  const planned = choosePrevious(
    managed,
    input.keepPrevious,
    input.sweepGraceMs ?? SWEEP_GRACE_MS,
    await settledAt(managed, input, writer),
  );
  // after-use: the rotation itself revokes nothing (what proof by use would revoke is in its own section).
  const afterUse = input.revokePrevious === 'after-use';
  const doomed = afterUse ? [] : planned.doomed;
  const kept = afterUse ? managed : planned.kept;
  const deferred = afterUse ? [] : planned.deferred;
  const facts = [
    ['Scope', cell(rotation.label)],
    ['Would create', `${code(input.runName ?? input.tokenName)}, valid for ${input.expiry}`],
    ['Would write', writer.targets.map((t) => cell(t.label)).join(', ')],
    ['Would revoke', doomed.length ? doomed.map((t) => code(t.id)).join(', ') : 'none'],
    ...(kept.length ? [['Would keep valid', kept.map((t) => code(t.id)).join(', ')]] : []),
    ...(deferred.length ? [['Left for a later run', deferred.map((t) => code(t.id)).join(', ')]] : []),
  ];
  log.info(
    `Dry run: would mint "${input.runName ?? input.tokenName}", write ${writer.targets.length} target(s), revoke ${doomed.length}.`,
  );
  return {
    outputs: { 'revoked-token-ids': '[]', 'planned-revocations': JSON.stringify(doomed.map((t) => t.id)) },
    summary: `### Fly token rotation plan\n\n${dryRunNote}\n\n${table(['', ''], facts)}\n${useSummary(use)}`,
  };
}
