import type { RevokeReport } from '../revoke.js';
import type { Log, RotationResult } from '../rotate.js';
import type { Services } from '../services.js';
import type { RotationSpec, RunSpec } from '../spec.js';

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
