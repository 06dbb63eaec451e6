// One rotation of a RunSpec against the services: the RotationInput it becomes (names with the run's mark,
// deadlines), the protocol of ../core/rotate.ts with its issuer and writer, and the reader of what its targets
// hold. The door every front end goes through is ./execute.ts.
import { goDuration } from '../core/duration.js';
import { markedIdentity, matchHeld, withUse } from '../core/held.js';
import { type Holding, holdingFrom } from '../core/holdings.js';
import type { Log, TokenIssuer } from '../core/interfaces.js';
import { isLive } from '../core/live.js';
import { runIdentity, runTokenName } from '../core/names.js';
import type { HoldingsReader } from '../core/revoke.js';
import { rotate } from '../core/rotate.js';
import type { RotationInput, RotationResult } from '../core/rotation.js';
import type { RotationSpec, RunSpec } from '../core/spec.js';
import { tokenIssuer } from '../fly/issuers.js';
import type { Services } from './services.js';
import { secretWriter } from './writers.js';

export { secretWriter } from './writers.js';

type RunPart = Partial<Pick<RunSpec, 'sweepGraceMs' | 'runLabel' | 'revokePrevious'>>;

/** What the protocol needs for one rotation: names, expiry, and the run's deadlines when there are some. */
export function rotationInput(rotation: RotationSpec, spec?: RunPart, services?: Services): RotationInput {
  return {
    tokenName: rotation.tokenName,
    ...(rotation.managed ? { managed: rotation.managed } : {}),
    // The mark ties the name to the value (see ../core/held.ts): proof by use reads it back out of the value.
    runName: runTokenName(rotation.tokenName, markedIdentity(runIdentity(spec?.runLabel ?? 'cli'))),
    ...(services?.signals ? { signals: services.signals } : {}),
    expiry: goDuration(rotation.expiryMs),
    keepPrevious: rotation.keepPrevious,
    ...(spec?.sweepGraceMs !== undefined ? { sweepGraceMs: spec.sweepGraceMs } : {}),
    ...(spec?.revokePrevious ? { revokePrevious: spec.revokePrevious } : {}),
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
export function holdingsReader(
  rotation: RotationSpec,
  services: Services,
  held?: HeldFor,
): HoldingsReader | undefined {
  if (services.canRead && !rotation.targets.every((t) => services.canRead!(t))) return undefined;
  return async (managed) => {
    const writer = secretWriter(rotation, services);
    const evidence = await writer.evidence();
    return writer.targets.map((t, i) => {
      const store = holdingFrom(t.label, evidence[i], managed);
      const value = held?.values.get(i);
      if (value === undefined) return store;
      return withUse(
        store,
        matchHeld(value, managed, (v) => held!.issuer.markOf?.(v)),
      );
    });
  };
}

/**
 * When the targets cannot be read (no credential for a store, as in a deploy workflow) but input held names every
 * one of them, the runner's word alone says which token each holds: exact for what it hands out now. Status uses
 * this; nothing that revokes does, since the store's own word is what tells a secret written since the job began.
 */
export function useOnlyReader(
  rotation: RotationSpec,
  services: Services,
  held?: HeldFor,
): HoldingsReader | undefined {
  if (!held || rotation.targets.some((_, i) => !held.values.has(i))) return undefined;
  let labels: string[];
  try {
    labels = secretWriter(rotation, services).targets.map((t) => t.label);
  } catch {
    return undefined;
  }
  return async (managed) => {
    const now = Date.now();
    const valid = managed.filter((t) => isLive(t, now));
    return labels.map((target, i) => {
      const store: Holding = {
        target,
        unproven: true,
        possible: valid,
        ...(valid.length ? { token: valid.at(-1) } : {}),
      };
      return withUse(
        store,
        matchHeld(held.values.get(i)!, managed, (v) => held.issuer.markOf?.(v)),
      );
    });
  };
}

/** The values input held gives for one rotation's targets (by target index), and the issuer that reads marks. */
export interface HeldFor {
  values: Map<number, string>;
  issuer: TokenIssuer;
}

/** Input held's values for `rotation`, or undefined when it names none of its targets. */
export function heldFor(spec: RunSpec, rotation: RotationSpec, issuer: TokenIssuer): HeldFor | undefined {
  const index = spec.rotations.indexOf(rotation);
  const values = new Map(
    (spec.held ?? []).filter((h) => h.rotation === index).map((h) => [h.target, h.value] as const),
  );
  return values.size ? { values, issuer } : undefined;
}
