// Writes one value into many Forgejo Actions secrets. Nothing needs sealing (Forgejo takes values in clear over
// TLS); what a run checks before minting is that the token may write every target, once per scope.

import { errorMessage } from '../core/errors.js';
import type { Evidence, SecretWriter, StoreOutcome, TokenToStore, WriteAnswer } from '../core/interfaces.js';
import { scrubError, tokenForms } from '../core/mask.js';
import { SharedCalls } from '../core/shared.js';
import type { RestClient } from '../net/rest.js';
import type { ForgejoTargetSpec } from './spec.js';
import { type ForgejoSecret, forgejoTarget } from './targets.js';

export class ForgejoWriter implements SecretWriter<ForgejoSecret> {
  readonly targets: ForgejoSecret[];
  /** One write check per scope; a failed one may be run again by a later call. */
  private readonly checks = new SharedCalls<string | undefined>();
  /** The credential as sent and bare: never part of a message. */
  private readonly credential: string[];

  constructor(
    specs: readonly ForgejoTargetSpec[],
    private readonly client: RestClient,
    /** Where what a run should know before it mints goes (the run's log.warning). */
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.targets = specs.map(forgejoTarget);
    const header = client.options.auth[1];
    this.credential = [header, header.split(/\s+/).at(-1) ?? header];
  }

  /** Checks every scope once; fails with the first that fails, and warns of each check the server cannot run. */
  async prepare(): Promise<void> {
    // The first target of each scope stands for it (one check, one warning).
    const scopes = this.targets.filter((t, i) => this.targets.findIndex((o) => o.scope === t.scope) === i);
    const notes = await Promise.all(scopes.map((t) => this.check(t)));
    for (const note of notes) if (note) this.warn(note);
  }

  /** Nothing to load ahead: values are not sealed. */
  warmUp(): void {}

  async store(token: TokenToStore, signal?: AbortSignal): Promise<StoreOutcome<ForgejoSecret>[]> {
    return Promise.all(
      this.targets.map(async (target): Promise<StoreOutcome<ForgejoSecret>> => {
        const answers: WriteAnswer[] = [];
        try {
          return { target, result: await target.write(this.client, token.header, signal, answers) };
        } catch (err) {
          const error = errorMessage(
            scrubError(err, [...this.credential, ...tokenForms(token.header)], 'forgejo'),
          );
          return { target, error, facts: { answers } };
        }
      }),
    );
  }

  /**
   * Whether each secret exists, from one listing per scope; Forgejo never returns a value or a write time, and
   * has no list of a user's own secrets (`exists` absent).
   */
  async evidence(): Promise<Evidence[]> {
    const byScope = new Map<string, ForgejoSecret[]>();
    for (const t of this.targets) byScope.set(t.scope, [...(byScope.get(t.scope) ?? []), t]);
    const listed = new Map<string, Promise<Set<string> | undefined>>();
    for (const [scope, targets] of byScope) {
      const wanted = new Set(targets.map((t) => t.secretName.toUpperCase()));
      listed.set(scope, targets[0].existing(this.client, wanted));
    }
    try {
      return await Promise.all(
        this.targets.map(async (t): Promise<Evidence> => {
          const names = await listed.get(t.scope);
          return names ? { proof: 'none', exists: names.has(t.secretName.toUpperCase()) } : { proof: 'none' };
        }),
      );
    } catch (err) {
      throw scrubError(err, this.credential, 'forgejo');
    }
  }

  private check(target: ForgejoSecret): Promise<string | undefined> {
    return this.checks.get(target.scope, () =>
      target.check(this.client).catch((err) => {
        throw scrubError(err, this.credential, 'forgejo');
      }),
    );
  }
}
