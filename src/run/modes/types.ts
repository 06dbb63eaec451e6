import type { Log } from '../../core/interfaces.js';
import type { RevokeReport } from '../../core/revoke.js';
import type { RotationResult } from '../../core/rotation.js';
import type { RotationSpec, RunSpec } from '../../core/spec.js';
import type { Services } from '../services.js';

/** What one mode did for one rotation: its outputs, its summary section, and why it failed, if it did. */
export interface ModeOutcome {
  outputs: Record<string, string>;
  summary: string;
  error?: string;
  result?: Partial<RotationResult>;
  revoke?: RevokeReport;
}

export type ModeRunner = (
  spec: RunSpec,
  rotation: RotationSpec,
  services: Services,
  log: Log,
) => Promise<ModeOutcome>;

export const dryRunNote = '**Dry run**: nothing was created, written or revoked.';
