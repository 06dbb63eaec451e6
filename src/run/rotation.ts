// One door for every front end (action, CLI, demo): run a validated RunSpec against the services.
import { goDuration } from '../core/duration.js';
import { holdingFrom } from '../core/holdings.js';
import type { Log } from '../core/interfaces.js';
import { runIdentity, runTokenName } from '../core/names.js';
import type { RotationInput, RotationResult } from '../core/result.js';
import type { HoldingsReader } from '../core/revoke.js';
import { rotate } from '../core/rotate.js';
import type { RotationSpec, RunSpec } from '../core/spec.js';
import { tokenIssuer } from '../fly/issuers.js';
import type { Services } from './services.js';
import { secretWriter } from './writers.js';

export { secretWriter } from './writers.js';

type RunPart = Partial<Pick<RunSpec, 'sweepGraceMs' | 'runLabel'>>;

/** What the protocol needs for one rotation: names, expiry, and the run's deadlines when there are some. */
export function rotationInput(rotation: RotationSpec, spec?: RunPart, services?: Services): RotationInput {
  return {
    tokenName: rotation.tokenName,
    ...(rotation.managed ? { managed: rotation.managed } : {}),
    runName: runTokenName(rotation.tokenName, runIdentity(spec?.runLabel ?? 'cli')),
    ...(services?.signals ? { signals: services.signals } : {}),
    expiry: goDuration(rotation.expiryMs),
    keepPrevious: rotation.keepPrevious,
    ...(spec?.sweepGraceMs !== undefined ? { sweepGraceMs: spec.sweepGraceMs } : {}),
  };
}

export function runRotation(
  rotation: RotationSpec,
  services: Services,
  log: Log,
  spec?: RunPart,
): Promise<RotationResult> {
  return rotate(
    rotationInput(rotation, spec, services),
    tokenIssuer(rotation, services.fly),
    secretWriter(rotation, services),
    log,
  );
}

/**
 * Reads which token each target of the rotation holds, or undefined when the run lacks the credential of one of
 * the targets' stores (then modes say that the targets were not read).
 */
export function holdingsReader(rotation: RotationSpec, services: Services): HoldingsReader | undefined {
  if (services.canRead && !rotation.targets.every((t) => services.canRead!(t))) return undefined;
  return async (managed) => {
    const writer = secretWriter(rotation, services);
    const evidence = await writer.evidence();
    return writer.targets.map((t, i) => holdingFrom(t.label, evidence[i], managed));
  };
}
