// Runs a validated RunSpec in its mode and describes what happened as outputs and a summary. The action
// and the CLI both call this; they differ only in how they print the report.
import { errorMessage } from './errors.js';
import { mapPool } from './pool.js';
import type { RevokeReport } from './revoke.js';
import { type Log, RotationError, type RotationResult } from './rotate.js';
import { runRevoke, runRotation } from './run.js';
import type { Services } from './services.js';
import type { RotationSpec, RunSpec } from './spec.js';
import { revokeSummary, rotationSummary } from './summary.js';

export interface RotationOutcome {
  rotation: RotationSpec;
  result?: Partial<RotationResult>;
  revoke?: RevokeReport;
  error?: string;
}

export interface RunReport {
  outcomes: RotationOutcome[];
  outputs: Record<string, string>;
  summary: string;
  /** Set when the run must fail; lists what failed. */
  failure?: string;
}

/** How many rotations run at once; Fly calls overlap freely and GitHub writes are paced by octokit. */
export const DEFAULT_CONCURRENCY = 8;

export async function execute(
  spec: RunSpec,
  services: Services,
  log: Log,
  concurrency = DEFAULT_CONCURRENCY,
): Promise<RunReport> {
  const outcomes = await mapPool(spec.rotations, concurrency, async (rotation): Promise<RotationOutcome> => {
    const prefixed = spec.rotations.length > 1 ? prefixLog(log, rotation.label) : log;
    try {
      if (spec.mode === 'revoke') {
        const revoke = await runRevoke(spec, rotation, services, prefixed);
        const bad = revoke.filter(
          (r) =>
            r.outcome === 'refused' ||
            r.outcome === 'failed' ||
            (r.outcome === 'unknown' && spec.rotations.length === 1),
        );
        return {
          rotation,
          revoke,
          ...(bad.length
            ? { error: `could not revoke ${bad.map((r) => `${r.id} (${r.outcome})`).join(', ')}` }
            : {}),
        };
      }
      return { rotation, result: await runRotation(rotation, services, prefixed) };
    } catch (err) {
      return {
        rotation,
        error: errorMessage(err),
        ...(err instanceof RotationError ? { result: err.partial } : {}),
      };
    }
  });
  return report(spec, outcomes);
}

function report(spec: RunSpec, outcomes: RotationOutcome[]): RunReport {
  const outputs: Record<string, string> = {};
  const failed = outcomes.filter((o) => o.error);
  if (spec.mode === 'revoke') {
    const revoked = outcomes.flatMap((o) =>
      (o.revoke ?? []).filter((r) => r.outcome === 'revoked').map((r) => r.id),
    );
    outputs['revoked-token-ids'] = JSON.stringify(revoked);
  } else {
    const first = outcomes[0]?.result;
    if (outcomes.length === 1 && first?.token) {
      outputs['token-id'] = first.token.id;
      outputs['expires-at'] = first.token.expiresAt;
    }
    outputs['revoked-token-ids'] = JSON.stringify(outcomes.flatMap((o) => o.result?.revoked ?? []));
  }
  const summary = outcomes
    .map((o) =>
      o.revoke
        ? revokeSummary(o.rotation.label, o.revoke)
        : rotationSummary(o.rotation.label, o.result ?? {}, o.error),
    )
    .join('\n');
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
