// One runner per mode; execute() picks it and runs it for every rotation of the spec.
import type { Mode } from '../spec.js';
import { runRevokeIds } from './revoke.js';
import { runRevokeAll } from './revoke-all.js';
import { runRotate } from './rotate.js';
import { runStatus } from './status.js';
import type { ModeRunner } from './types.js';

export type { ModeOutcome, ModeRunner } from './types.js';

// 'plan' needs no Fly or GitHub call: execute() answers it before any runner starts.
export const MODE_RUNNERS: Record<Exclude<Mode, 'plan'>, ModeRunner> = {
  rotate: runRotate,
  revoke: runRevokeIds,
  'revoke-all': runRevokeAll,
  status: runStatus,
};
