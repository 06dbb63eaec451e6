// Runs a validated RunSpec in its mode, each rotation at a time within the concurrency, and describes what
// happened as outputs and a summary. ./entry.ts calls it for every door (mode plan never gets here).
import { DEFAULT_CONCURRENCY } from '../core/budget.js';
import { errorMessage } from '../core/errors.js';
import type { Log } from '../core/interfaces.js';
import { mapPool } from '../core/pool.js';
import { RotationError } from '../core/rotation.js';
import type { RotationSpec, RunSpec } from '../core/spec.js';
import { describeCredential, inspectCredential } from '../fly/credential.js';
import { runMode } from './modes/index.js';
import type { RotationOutcome, RunReport } from './report.js';

export type { RotationOutcome, RunReport } from './report.js';

import type { Services } from './services.js';
import { credentialSummary, rotationSummary } from './summary.js';

export async function execute(
  spec: RunSpec,
  services: Services,
  log: Log,
  concurrency = spec.concurrency ?? DEFAULT_CONCURRENCY,
  /** Called as each rotation finishes (the CLI's progress lines). */
  onDone?: (outcome: RotationOutcome) => void,
): Promise<RunReport> {
  const outcomes = await mapPool(spec.rotations, concurrency, async (rotation) => {
    const outcome = await runOne(rotation);
    onDone?.(outcome);
    return outcome;
  });
  return report(spec, outcomes);

  async function runOne(rotation: RotationSpec): Promise<RotationOutcome> {
    const prefixed = spec.rotations.length > 1 ? prefixLog(log, rotation.label) : log;
    try {
      const done = await runMode(spec, rotation, services, prefixed);
      return { rotation, ...done };
    } catch (err) {
      return {
        rotation,
        error: errorMessage(err),
        ...(err instanceof RotationError ? { result: err.partial } : {}),
      };
    }
  }
}

function report(spec: RunSpec, outcomes: RotationOutcome[]): RunReport {
  const failed = outcomes.filter((o) => o.error);
  // One rotation: its mode's outputs as they are. Several: only the id lists, merged.
  const outputs: Record<string, string> =
    outcomes.length === 1
      ? { ...outcomes[0].outputs }
      : {
          'revoked-token-ids': JSON.stringify(
            outcomes.flatMap((o) => JSON.parse(o.outputs?.['revoked-token-ids'] ?? '[]') as string[]),
          ),
        };
  if (spec.dryRun) outputs['dry-run'] = 'true';
  const summary = outcomes
    .map((o) => o.summary ?? rotationSummary(o.rotation.label, o.result ?? {}, o.error))
    .join('\n')
    .concat(credentialSummary(describeCredential(inspectCredential(spec.credentials.fly))));
  const failure =
    failed.length === 0
      ? undefined
      : failed.length === 1 && outcomes.length === 1
        ? capitalise(failed[0].error!)
        : `${failed.length} of ${outcomes.length} rotations failed: ${failed.map((o) => `${o.rotation.label}: ${o.error}`).join('; ')}`;
  return { outcomes, outputs, summary, ...(failure ? { failure } : {}) };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function prefixLog(log: Log, label: string): Log {
  return {
    info: (m) => log.info(`[${label}] ${m}`),
    warning: (m) => log.warning(`[${label}] ${m}`),
    mask: log.mask,
    group: (_name, fn) => fn(),
  };
}
