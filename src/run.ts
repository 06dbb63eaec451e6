// One door for every front end (action, CLI, demo): run a validated RunSpec against the services.
import { goDuration } from './duration.js';
import { tokenIssuer } from './fly/issuers.js';
import { secretTarget } from './github/targets.js';
import { SecretWriter } from './github/writer.js';
import { type RevokeReport, revokeTokens } from './revoke.js';
import { type Log, type RotationResult, rotate } from './rotate.js';
import type { Services } from './services.js';
import type { RotationSpec, RunSpec } from './spec.js';

export function runRotation(rotation: RotationSpec, services: Services, log: Log): Promise<RotationResult> {
  const issuer = tokenIssuer(rotation, services.fly);
  const targets = rotation.targets.map((spec) => ({ spec, target: secretTarget(spec) }));
  const byTarget = new Map(targets.map((t) => [t.target, t.spec]));
  const writer = new SecretWriter(
    targets.map((t) => t.target),
    (target) => services.github(byTarget.get(target)!),
  );
  return rotate(
    {
      tokenName: rotation.tokenName,
      expiry: goDuration(rotation.expiryMs),
      keepPrevious: rotation.keepPrevious,
    },
    issuer,
    writer,
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
