// What a run is asked to do, after every input has been validated. The action's inputs, the CLI's flags
// and the config file all become a RunSpec; the core never reads inputs itself.
import type { NameFamily } from './names.js';

// plan: print the rotations as a JSON matrix for a workflow to fan out over; touches no API.
export type Mode = 'rotate' | 'revoke' | 'revoke-all' | 'status' | 'plan';
export const MODES: Mode[] = ['rotate', 'revoke', 'revoke-all', 'status', 'plan'];

export type TokenKind = 'deploy' | 'org' | 'readonly' | 'machine-exec' | 'ssh' | 'wireguard' | 'litefs-cloud';
export const TOKEN_KINDS: TokenKind[] = [
  'deploy',
  'org',
  'readonly',
  'machine-exec',
  'ssh',
  'wireguard',
  'litefs-cloud',
];

/** When a minted token starts to be valid: a fixed time (Unix ms) or a delay after minting. */
export type NotBefore = { atMs: number } | { delayMs: number };

/** Where on Fly the token lives and what it may do. Which fields apply depends on the kind. */
export interface FlyScope {
  app?: string;
  /** Organization slug. */
  org?: string;
  /** LiteFS Cloud cluster name. */
  cluster?: string;
  /** machine-exec: commands allowed exactly, each as argv. */
  commands?: string[][];
  /** machine-exec: commands allowed as argv prefixes. */
  commandPrefixes?: string[][];
  /** machine-exec: every command allowed (asked for explicitly with `commands: '*'`). */
  allCommands?: boolean;
  notBefore?: NotBefore;
}

/**
 * One place the minted token is written to; `secret` is its own secret name. Each store's folder declares its
 * own kinds of spec (gitlab/spec.ts…) with these fields, and only its descriptor (./store.ts) reads the rest.
 */
export interface TargetSpec {
  readonly type: string;
  readonly secret: string;
}

export interface RotationSpec {
  /** Unique name within a config file (`only`, plan matrix); absent for a rotation from plain inputs. */
  name?: string;
  /** Short label for logs and summaries: the kind and its scope. */
  label: string;
  kind: TokenKind;
  scope: FlyScope;
  expiryMs: number;
  /** Tokens are minted with this name (the prefix of each run's name, see ./names.ts). */
  tokenName: string;
  /**
   * Every name family the rotation manages: tokenName's, and with the default token-name each target's and the
   * earlier default names it adopts (../inputs/identity.ts). Absent: tokenName's family alone.
   */
  managed?: NameFamily[];
  /**
   * Names an earlier release gave this rotation's tokens that another rotation may have given its own (GitLab
   * without the scope, commands by their program): never managed; mode status points out valid tokens so named.
   */
  unclaimed?: NameFamily[];
  keepPrevious: number;
  targets: TargetSpec[];
}

/** A value the runner handed this job for one target (input `held`); see ./held.ts. */
export interface HeldSpec {
  /** Index of the rotation in RunSpec.rotations, and of the target in its targets. */
  rotation: number;
  target: number;
  /** The value: masked when read, never printed, sent only to Fly (mode status's health check). */
  value: string;
}

/** When a rotation revokes the previous tokens: at once, or once a later run is handed the new one. */
export type RevokePrevious = 'at-once' | 'after-use';
export const REVOKE_PREVIOUS: RevokePrevious[] = ['at-once', 'after-use'];

export interface RunSpec {
  mode: Mode;
  force: boolean;
  /** Plan and report, but create, write and revoke nothing. */
  dryRun: boolean;
  tokenIds: string[];
  /** Mode status fails when the current token expires within this (ms). */
  warnBeforeMs: number;
  /** Per-request timeout on both APIs (ms). */
  requestTimeoutMs: number;
  /** Bounds the whole run (ms); see ./budget.ts. Absent: defaultTimeoutMs for the run's rotations. */
  timeoutMs?: number;
  /** Who mints: "run 123456/1" in Actions, "cli" elsewhere; goes into every minted token's name. */
  runLabel: string;
  /** Managed tokens younger than this are not revoked (they may be a concurrent run's); default 15 min. */
  sweepGraceMs?: number;
  rotations: RotationSpec[];
  /** Input held: what the runner handed this job, per target (proof by use). */
  held?: HeldSpec[];
  /** Input revoke-previous; at-once when absent. */
  revokePrevious?: RevokePrevious;
  /** Rotations run at once (config `concurrency`); execute's default when absent. */
  concurrency?: number;
  /** Fly's credential, and each store's as its descriptor read them (by StoreDescriptor.id; ./store.ts). */
  credentials: { fly: string; stores: Readonly<Record<string, unknown>> };
  /** How the user spells an input (`--force` on the command line), for messages written while running. */
  describeInput?: (name: string) => string;
}
