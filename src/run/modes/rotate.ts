// Mode rotate: the protocol in ../rotate.ts, or with dry-run only its plan step (reads only) and what the
// other steps would do.
import { errorMessage } from '../../core/errors.js';
import { managedNames } from '../../core/names.js';
import { choosePrevious, managedTokens, SWEEP_GRACE_MS, settledAt } from '../../core/previous.js';
import { RotationError, type RotationResult } from '../../core/result.js';
import { tokenIssuer } from '../../fly/issuers.js';
import { rotationInput, runRotation, secretWriter } from '../rotation.js';
import { cell, code, rotationSummary, table } from '../summary.js';
import { dryRunNote, type ModeRunner } from './types.js';

export const runRotate: ModeRunner = async (spec, rotation, services, log) => {
  if (spec.dryRun) return planRotation(spec, rotation, services, log);
  try {
    const result = await runRotation(rotation, services, log, spec);
    return { outputs: rotationOutputs(result), summary: rotationSummary(rotation.label, result), result };
  } catch (err) {
    const result = err instanceof RotationError ? err.partial : undefined;
    return {
      outputs: rotationOutputs(result ?? {}),
      summary: rotationSummary(rotation.label, result ?? {}, errorMessage(err)),
      error: errorMessage(err),
      ...(result ? { result } : {}),
    };
  }
};

function rotationOutputs(r: Partial<RotationResult>) {
  return {
    ...(r.token ? { 'token-id': r.token.id, 'expires-at': r.token.expiresAt } : {}),
    'revoked-token-ids': JSON.stringify([...(r.ownRevoked ?? []), ...(r.revoked ?? [])]),
  };
}

const planRotation: ModeRunner = async (spec, rotation, services, log) => {
  const issuer = tokenIssuer(rotation, services.fly);
  const writer = secretWriter(rotation, services);
  const input = rotationInput(rotation, spec);
  const [, tokens] = await Promise.all([issuer.prepare(), issuer.list(), writer.prepare()]);
  const managed = managedTokens(tokens, managedNames(input));
  const { doomed, kept, deferred } = choosePrevious(
    managed,
    input.keepPrevious,
    input.sweepGraceMs ?? SWEEP_GRACE_MS,
    await settledAt(managed, input, writer),
  );
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
    summary: `### Fly token rotation plan\n\n${dryRunNote}\n\n${table(['', ''], facts)}\n`,
  };
};
