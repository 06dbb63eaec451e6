// What one rotation is asked to do and what it did: the protocol's input and result types.

import type { FlyToken, StoreOutcome } from './interfaces.js';
import type { NameFamily } from './names.js';
import type { RunSignals } from './signals.js';

export interface RotationInput {
  /** The managed prefix (input token-name): every token named so, or `tokenName · …`, is managed. */
  tokenName: string;
  /** The rotation's managed name families when it has more than tokenName's (see ./names.ts managedNames). */
  managed?: readonly NameFamily[];
  /** The name this run mints with (see ./names.ts); tokens named so are this run's own. */
  runName?: string;
  /** The run's deadlines; without them a rotation takes as long as its requests. */
  signals?: RunSignals;
  /** Go duration string sent to Fly, e.g. "168h0m0s". */
  expiry: string;
  /** How many of the newest previous managed tokens to leave valid for in-flight jobs. */
  keepPrevious: number;
  /**
   * Managed tokens younger than this are never revoked by this run: they may belong to a concurrent run whose
   * write has not landed yet. A later run revokes them. Default SWEEP_GRACE_MS.
   */
  sweepGraceMs?: number;
  /**
   * after-use: leave every previous token valid; a later run that is handed the new token revokes them (see
   * ./held.ts). at-once (default): revoke them in this run.
   */
  revokePrevious?: 'at-once' | 'after-use';
}

export interface RotationResult {
  token: FlyToken;
  stored: StoreOutcome[];
  verification: string;
  revoked: string[];
  kept: string[];
  /** Previous tokens too young to revoke safely (see sweepGraceMs); a later run revokes them. */
  deferred?: string[];
  /** Why revocation was skipped, when it was. */
  revocationSkipped?: string;
  /** This run's own tokens that no target holds, revoked before the run ended (lost creates, a failed store). */
  ownRevoked?: string[];
}

export class RotationError extends Error {
  override name = 'RotationError';
  constructor(
    message: string,
    readonly partial?: Partial<RotationResult>,
  ) {
    super(message);
  }
}
