// A secret store as the rest of the run sees it. Each store's folder (github/, gitlab/, forgejo/, command/)
// exports one StoreDescriptor from its store.ts and ../stores.ts lists them: reading target lines and
// credentials, building clients and writers, masking credentials, keeping them from command targets and the
// CLI's flags all go through the descriptors, so nothing outside a store's folder knows its name.

import type { GetInput } from './input.js';
import type { SecretWriter } from './interfaces.js';
import type { RunSignals } from './signals.js';
import type { Mode, RunSpec, TargetSpec } from './spec.js';

/** One input a store reads. */
export interface StoreInput {
  /** The action's input name, which is also the CLI's flag (`--gitlab-token`). */
  name: string;
  /** The environment variable the CLI reads when the flag is not given. */
  env?: string;
  /** A credential: masked as soon as it is read, and kept from command targets (as `env` and INPUT_*). */
  secret?: boolean;
  /**
   * A key kept in a file: the CLI reads it from `--NAME-file PATH` and warns when it is given as a value (which
   * shows in `ps`). `what` names it in that warning, `example` the file a user has.
   */
  file?: { what: string; example: string };
  /** `--help`'s line for it: the value's form and what it is (continuation lines indented by 28 spaces). */
  help?: { value: string; text: string };
  /** The modes it changes anything in (the CLI refuses the flag in others); every mode when absent. */
  modes?: readonly Mode[];
}

/** One kind of target line, `KIND:WHERE [NAME=VALUE…]`. */
export interface TargetKind<S extends TargetSpec = TargetSpec> {
  /** The line's form for help and errors: `gitlab:GROUP/PROJECT [scope=ENVIRONMENT]`; none for an alias. */
  format?: string;
  /**
   * `rest`: the line after `KIND:`. `where` names the line in errors; `defaultSecret` is input secret-name's.
   * Throws an InputError that says what was expected.
   */
  parse(rest: string, where: string, defaultSecret: string): S;
  /** The rest of the line is one piece (a command's arguments may hold `#`): only a whole-line comment is one. */
  raw?: boolean;
}

/** What a store's client is built from: the run's settings, deadlines and log. */
export interface ConnectContext {
  spec: RunSpec;
  env: Record<string, string | undefined>;
  signals: RunSignals;
  /** Per-request timeout (ms). */
  timeoutMs: number;
  /** Backoff base for retries (tests shorten it); undefined: the client's own. */
  retryBaseMs?: number;
  log: { warning(message: string): void; info?(message: string): void; mask?(value: string): void };
  /** Environment variables that carry a credential of this run (every store's), kept from programs it starts. */
  credentialVariables: readonly string[];
}

/** A store, connected for one run. */
export interface ConnectedStore<S extends TargetSpec = TargetSpec> {
  /** Its credential was given: modes other than rotate can read what its targets hold. */
  readonly canRead: boolean;
  /** The writer of one rotation's targets of this store (in the order given). */
  writer(targets: S[]): SecretWriter;
  /** Ends what the run opened (GitHub App installation tokens); never throws. */
  close?(): Promise<void>;
}

export interface StoreDescriptor<S extends TargetSpec = TargetSpec> {
  /** Key of its credentials in RunSpec.credentials.stores. */
  readonly id: string;
  /** Line kinds, lower case: `gitlab`, `gitlab-group`. */
  readonly kinds: Readonly<Record<string, TargetKind<S>>>;
  readonly inputs: readonly StoreInput[];
  /** Environment variables beyond its inputs' that hold its credentials, kept from command targets too. */
  readonly secretVariables?: readonly string[];
  owns(target: TargetSpec): target is S;
  /** "acme/web", "gitlab acme/web", "command vault": where a target writes, short, for labels and names. */
  describe(target: S): string;
  /** Where it writes, case-folded as the store compares: two targets with one key overwrite each other. */
  key(target: S): string;
  /** Where it writes, in full and one-to-one (a GitLab scope, a command's whole argv): the default token-name. */
  address(target: S): string;
  /**
   * The default token-name of releases before the current one (`fly-token-rotator <describe> <secret>`):
   * `adopt` when it named this address only, so its tokens are this rotation's; otherwise another rotation may
   * have minted under it and status only points such tokens out.
   */
  earlierName?(target: S): { prefix: string; adopt: boolean };
  /**
   * Whether a workflow job of `repository` (OWNER/REPO) can be handed this target's value by the runner
   * (input held); absent: it cannot tell, and any value is taken.
   */
  handedTo?(target: S, repository: string): boolean;
  /**
   * Reads and checks its credentials (every run reads them, with or without its targets: a bad one is a bad
   * input either way). `targets`: the run's targets of this store. Undefined: none given.
   */
  credentials(get: GetInput, env: Record<string, string | undefined>, mode: Mode, targets: S[]): unknown;
  /** Builds its client from what `credentials` returned; loads the client's code on first use. */
  connect(credentials: unknown, ctx: ConnectContext): Promise<ConnectedStore<S>>;
}
