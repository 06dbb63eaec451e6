// What the rotation protocol needs from the outside world. The protocol owns these interfaces; the Fly client
// (TokenIssuer, one class per token kind) and the GitHub client (SecretWriter) implement them, and tests
// implement them in memory.

export interface FlyToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  profile?: string;
}

export interface MintedToken extends FlyToken {
  /** The full `FlyV1 fm2_…` value. Mask it before anything can print it. */
  header: string;
}

/** The Fly side of one rotation: one token kind in one app or organization. */
export interface TokenIssuer {
  /** "app acme-web", "organization acme": for messages. */
  readonly scope: string;
  /** Resolves ids the mint needs (app and organization). */
  prepare(): Promise<void>;
  /** Every token of the scope, revoked ones included. */
  list(): Promise<FlyToken[]>;
  /** Mints a token (including any local attenuation). Not idempotent. */
  mint(name: string, expiry: string): Promise<MintedToken>;
  /** Proves Fly accepts the token; returns a note when this kind cannot be checked. */
  verify(header: string): Promise<string | undefined>;
  revoke(id: string): Promise<void>;
}

/** One place the token is written to, as the protocol sees it. */
export interface StoreTarget {
  /** "repository secret FLY_API_TOKEN in acme/web": used in logs, errors and the summary. */
  readonly label: string;
}

export interface StoreOutcome<T extends StoreTarget = StoreTarget> {
  target: T;
  result?: 'created' | 'updated';
  error?: string;
  /** The write failed in a way that does not prove it did not happen (timeout, reset, 5xx, odd answer). */
  ambiguous?: boolean;
}

/** The secret side of one rotation: writes one value into every target of the rotation. */
export interface SecretWriter<T extends StoreTarget = StoreTarget> {
  readonly targets: readonly T[];
  /** Everything a write relies on (public keys, the targets' own checks), before anything is minted. */
  prepare(): Promise<void>;
  /** Gets sealing ready ahead of store(): a run that will write calls this while it plans. */
  warmUp(): void;
  /**
   * Writes every target once; never throws, each target reports its own outcome. `signal` cuts the writes
   * still waiting (an ambiguous outcome), so the run keeps time to find out whether they landed.
   */
  store(value: string, signal?: AbortSignal): Promise<StoreOutcome<T>[]>;
  /** Each target's last write (GitHub's updated_at), in `targets` order; undefined where the secret does not exist. */
  updatedAt(): Promise<(string | undefined)[]>;
  /**
   * The moment by which every target had been written at least once (the oldest updated_at), or 0 when a
   * target has never been written.
   */
  lastWritten(): Promise<number>;
}

export interface Log {
  info(message: string): void;
  warning(message: string): void;
  /** Registers a value that must never be printed (core.setSecret). */
  mask(value: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}
