// One door for every front end (action, CLI, demo): run a validated RunSpec against the services.
import { goDuration } from '../core/duration.js';
import type { Log } from '../core/interfaces.js';
import { type RevokeReport, revokeTokens } from '../core/revoke.js';
import { type RotationInput, type RotationResult, rotate } from '../core/rotate.js';
import type { RotationSpec, RunSpec } from '../core/spec.js';
import { tokenIssuer } from '../fly/issuers.js';
import { secretTarget } from '../github/targets.js';
import { GitHubWriter } from '../github/writer.js';
import type { Services } from './services.js';

/** The writer for a rotation's targets, each written with the GitHub client for its owner. */
export function secretWriter(rotation: RotationSpec, services: Services): GitHubWriter {
  const targets = rotation.targets.map((spec) => ({ spec, target: secretTarget(spec) }));
  const byTarget = new Map(targets.map((t) => [t.target, t.spec]));
  return new GitHubWriter(
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
