// What a run reports: per rotation, and for the whole run (outputs, summary, failure). Shared by execute.ts, the
// plan mode and the two doors, which print it.

import type { RevokeReport } from '../core/revoke.js';
import type { RotationResult } from '../core/rotation.js';
import type { RotationSpec } from '../core/spec.js';

export interface RotationOutcome {
  rotation: RotationSpec;
  result?: Partial<RotationResult>;
  revoke?: RevokeReport;
  error?: string;
  /** The mode's outputs and summary section for this rotation. */
  outputs?: Record<string, string>;
  summary?: string;
}

export interface RunReport {
  outcomes: RotationOutcome[];
  outputs: Record<string, string>;
  summary: string;
  /** Set when the run must fail; lists what failed. */
  failure?: string;
}
