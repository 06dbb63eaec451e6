// One runner per mode; execute() picks it and runs it for every rotation of the spec.
import { errorMessage } from '../../core/errors.js';
import type { Log } from '../../core/interfaces.js';
import type { Mode, RotationSpec, RunSpec } from '../../core/spec.js';
import type { Services } from '../services.js';
import { cell } from '../summary.js';
import { runRevokeIds } from './revoke.js';
import { runRevokeAll } from './revoke-all.js';
import { runRotate } from './rotate.js';
import { runStatus } from './status.js';
import type { ModeOutcome, ModeRunner } from './types.js';

export type { ModeOutcome, ModeRunner } from './types.js';

// 'plan' needs no Fly or GitHub call: execute() answers it before any runner starts.
export const MODE_RUNNERS: Record<Exclude<Mode, 'plan'>, ModeRunner> = {
  rotate: runRotate,
  revoke: runRevokeIds,
  'revoke-all': runRevokeAll,
  status: runStatus,
};

const TITLES: Record<Exclude<Mode, 'plan'>, string> = {
  rotate: 'Fly token rotation',
  revoke: 'Fly token revocation',
  'revoke-all': 'Fly token revocation (revoke-all)',
  status: 'Fly token status',
};

/** Runs the spec's mode for one rotation; a failure before the mode could report becomes its own summary. */
export async function runMode(
  spec: RunSpec,
  rotation: RotationSpec,
  services: Services,
  log: Log,
): Promise<ModeOutcome> {
  const mode = spec.mode as Exclude<Mode, 'plan'>;
  try {
    return await MODE_RUNNERS[mode](spec, rotation, services, log);
  } catch (err) {
    const error = errorMessage(err);
    const note = spec.dryRun ? ' (dry run)' : '';
    return {
      outputs: {},
      summary: `### ${TITLES[mode]} failed${note}\n\n> ${cell(error)}\n\nScope: ${cell(rotation.label)}\n\nNothing was changed.\n`,
      error,
    };
  }
}
