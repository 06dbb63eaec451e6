// What the rotation protocol needs from the outside world. The protocol owns these interfaces; the Fly client
// (TokenIssuer, one class per token kind) and each store's writer (SecretWriter, see ./store.ts) implement
// them, and tests implement them in memory.

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
  /** `not-before`: when the token starts to be valid (ISO 8601); absent when it is valid at once. */
  validFrom?: string;
}

/** The Fly side of one rotation: one token kind in one app or organization. */
export interface TokenIssuer {
  /** "app acme-web", "organization acme": for messages. */
  readonly scope: string;
  /** Resolves ids the mint needs (app and organization). */
  prepare(): Promise<void>;
  /** Every token of the scope, revoked ones included. */
  list(): Promise<FlyToken[]>;
  /**
   * Mints a token (including any local attenuation). Not idempotent. A name carrying a mark (see ./held.ts)
   * puts the same mark into the value. `deadline` ends the wait for Fly's answer (the run's work deadline):
   * the time left after it is the cleanup budget, in which a create whose answer was lost is found by its name
   * and revoked.
   */
  mint(name: string, expiry: string, deadline?: AbortSignal): Promise<MintedToken>;
  /** Proves Fly accepts the token; returns a note when this kind cannot be checked. */
  verify(header: string): Promise<string | undefined>;
  revoke(id: string): Promise<void>;
  /**
   * The mark a token value carries (see ./held.ts), undefined when it has none; throws when the value is no
   * token of this kind's format. Absent: this issuer cannot read marks, so proof by use is not available.
   */
  markOf?(header: string): string | undefined;
}

/**
 * What a kind of target can prove about its writes, which the protocol uses to settle a write whose answer was
 * lost and to tell which token a target holds:
 * - `timestamp`: the store says when the secret was last written (GitHub's updated_at);
 * - `read-back`: the store returns the value and a note written with it (GitLab), so both are exact;
 * - `none`: nothing beyond, at best, whether the secret exists (Forgejo, a command).
 */
export type WriteProof = 'timestamp' | 'read-back' | 'none';

/** What one target says, read now, about what it holds. Never carries a secret value. */
export type Evidence =
  /** `updatedAt` is absent when the secret does not exist. */
  | { proof: 'timestamp'; updatedAt?: string }
  /**
   * `tokenId`: the Fly token id recorded beside the value (absent when the note is missing or not ours).
   * `matches`: whether the stored value equals the value evidence() was asked about; absent when it was not
   * asked or the store will not return the value (a hidden GitLab variable).
   */
  | { proof: 'read-back'; exists: boolean; tokenId?: string; matches?: boolean }
  /** `exists` is absent when even that cannot be read (a command). */
  | { proof: 'none'; exists?: boolean };

/** Which managed token a value the runner handed this job is (see ./held.ts). */
export type UseMatch =
  | { kind: 'token'; token: FlyToken }
  /** Several managed tokens carry the value's mark (a create retried under one name): any of them. */
  | { kind: 'several'; tokens: FlyToken[] }
  /** The value carries a mark no managed token has: set by hand, or minted under another token-name. */
  | { kind: 'foreign'; mark: string }
  /** No mark: minted before marks or not by this action; `notFly` when it is not even a Fly token. */
  | { kind: 'unmarked'; notFly?: boolean };

/**
 * Proof by use: what the runner handed this job for a target (input `held`), matched against the managed
 * tokens. Not a store's evidence: the store is still read, and the two are joined in ./held.ts (withUse).
 * Carries the value's fingerprint, never the value.
 */
export interface UseEvidence {
  proof: 'use';
  fingerprint: string;
  match: UseMatch;
}

/** One place the token is written to, as the protocol sees it. */
export interface StoreTarget {
  /** "repository secret FLY_API_TOKEN in acme/web": used in logs, errors and the summary. */
  readonly label: string;
  /** What this target can prove about its writes (see WriteProof). */
  readonly proof: WriteProof;
}

/** One answer a write's attempt got: an HTTP status, or what came instead of one. */
export type WriteAnswer =
  | { status: number }
  /**
   * `reset`/`timeout`: no answer; `bad-reply`: an answer the API never sends (a 2xx that is not JSON, a proxy's
   * 200); `failed`: a program that started and did not exit 0 (it may have stored the value).
   */
  | { lost: 'reset' | 'timeout' | 'bad-reply' | 'failed' };

/** What a writer saw of one failed write: facts only; core/evidence.ts decides what they mean. */
export interface WriteFacts {
  /** Every answer the write's attempts got, in order, retries included (empty: nothing was sent). */
  answers: WriteAnswer[];
  /**
   * After a 2xx, what the store's own check found that keeps the write from counting as done, in words that
   * say where it landed ("GitLab stored it with environment scope *").
   */
  afterAccepted?: string;
  /**
   * After such a 2xx, the writer took back what it wrote (deleted the variable it created in the wrong place,
   * which did not exist before): the target holds what it held, so the write did not land.
   */
  undone?: true;
}

export interface StoreOutcome<T extends StoreTarget = StoreTarget> {
  target: T;
  result?: 'created' | 'updated';
  error?: string;
  /** What the writer saw of a failed write (writers set this, never a verdict). */
  facts?: WriteFacts;
  /**
   * Set by core (store.ts) only, from the rule of evidence: the failed write may have landed, so the target
   * may hold the new token or the previous one, and neither may be revoked.
   */
  ambiguous?: boolean;
  /** Set by core: the write landed (a 2xx), but not exactly as asked (`error` says where); keep both tokens. */
  landedElsewhere?: boolean;
}

/** The token a store() writes: its value and the id a read-back target records beside it. */
export type TokenToStore = Pick<MintedToken, 'id' | 'header'>;

/**
 * The secret side of one rotation: writes one value into every target of the rotation. One writer serves one
 * platform; ./writers.ts joins several into one.
 */
export interface SecretWriter<T extends StoreTarget = StoreTarget> {
  readonly targets: readonly T[];
  /** Everything a write relies on (public keys, credentials allowed to write, the targets' own checks), before anything is minted. */
  prepare(): Promise<void>;
  /** Gets sealing ready ahead of store(): a run that will write calls this while it plans. */
  warmUp(): void;
  /**
   * Writes every target once; never throws, each target reports its own outcome. `signal` cuts the writes
   * still waiting (an ambiguous outcome), so the run keeps time to find out whether they landed. A target that
   * can read its value back checks it before reporting success.
   */
  store(token: TokenToStore, signal?: AbortSignal): Promise<StoreOutcome<T>[]>;
  /**
   * What each target says now, in `targets` order (never cached: read again after an ambiguous write).
   * `value`: read-back targets report whether they hold exactly it.
   */
  evidence(value?: string): Promise<Evidence[]>;
}

export interface Log {
  info(message: string): void;
  warning(message: string): void;
  /** Registers a value that must never be printed (core.setSecret). */
  mask(value: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}
