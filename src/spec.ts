// What a run is asked to do, after every input has been validated. The action's inputs, the CLI's flags
// and the config file all become a RunSpec; the core never reads inputs itself.

export type Mode = 'rotate' | 'revoke';
export const MODES: Mode[] = ['rotate', 'revoke'];

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

/** One place the minted token is written to. */
export type TargetSpec = { type: 'repository'; owner: string; repo: string; secret: string };

export interface RotationSpec {
  /** Short label for logs and summaries: the kind and its scope. */
  label: string;
  kind: TokenKind;
  scope: FlyScope;
  expiryMs: number;
  /** Managed tokens are recognised by this name. */
  tokenName: string;
  keepPrevious: number;
  targets: TargetSpec[];
}

export interface RunSpec {
  mode: Mode;
  force: boolean;
  tokenIds: string[];
  rotations: RotationSpec[];
  credentials: { fly: string; github: string };
}
