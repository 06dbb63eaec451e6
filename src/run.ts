// One door for every front end (action, CLI, demo): run a validated RunSpec against the services.
import { goDuration } from './duration.js';
import { tokenIssuer } from './fly/issuers.js';
import { secretTarget } from './github/targets.js';
import { SecretWriter } from './github/writer.js';
import { type RevokeReport, revokeTokens } from './revoke.js';
import { type Log, type RotationInput, type RotationResult, rotate } from './rotate.js';
import type { Services } from './services.js';
import type { RotationSpec, RunSpec } from './spec.js';

/** The writer for a rotation's targets, each written with the GitHub client for its owner. */
export function secretWriter(rotation: RotationSpec, services: Services): SecretWriter {
  const targets = rotation.targets.map((spec) => ({ spec, target: secretTarget(spec) }));
  const byTarget = new Map(targets.map((t) => [t.target, t.spec]));
  return new SecretWriter(
    targets.map((t) => t.target),
    (target) => services.github(byTarget.get(target)!),
  );
}

export function rotationInput(rotation: RotationSpec, spec?: Pick<RunSpec, 'sweepGraceMs'>): RotationInput {
  return {
    tokenName: rotation.tokenName,
    expiry: goDuration(rotation.expiryMs),
    keepPrevious: rotation.keepPrevious,
    ...(spec?.sweepGraceMs !== undefined ? { sweepGraceMs: spec.sweepGraceMs } : {}),
  };
}

export function runRotation(
  rotation: RotationSpec,
  services: Services,
  log: Log,
  spec?: Pick<RunSpec, 'sweepGraceMs'>,
): Promise<RotationResult> {
  return rotate(
    rotationInput(rotation, spec),
    tokenIssuer(rotation, services.fly),
    secretWriter(rotation, services),
    log,
  );
}

export function runRevoke(
  spec: RunSpec,
  rotation: RotationSpec,
  services: Services,
  log: Log,
): Promise<RevokeReport> {
  return revokeTokens(
    spec.tokenIds,
    tokenIssuer(rotation, services.fly),
    { managedName: rotation.tokenName, force: spec.force },
    log,
  );
}
