import { errorMessage, statusOf } from '../core/errors.js';
import type {
  StoreOutcome as CoreStoreOutcome,
  Evidence,
  SecretWriter,
  TokenToStore,
  WriteAnswer,
} from '../core/interfaces.js';
import type { GitHub } from './octokit.js';
import { preloadSealing, sealSecret } from './seal.js';
import type { PublicKey, SecretTarget } from './targets.js';

export type StoreOutcome = CoreStoreOutcome<SecretTarget>;

/**
 * Writes one value into many targets. Public keys are fetched once per key scope per run (prepare()
 * can run while the token is still being minted), and each target is written exactly once.
 */
export class GitHubWriter implements SecretWriter<SecretTarget> {
  private readonly keys = new Map<string, Promise<PublicKey>>();

  constructor(
    readonly targets: SecretTarget[],
    private readonly clientFor: (target: SecretTarget) => Promise<GitHub>,
  ) {}

  /** Fetches every public key and runs every target's own check; fails with the first that fails. */
  async prepare(): Promise<void> {
    await Promise.all([
      ...this.targets.map((t) => this.key(t)),
      ...this.targets.map(async (t) => t.check?.(await this.clientFor(t))),
    ]);
  }

  /** Gets sealing ready ahead of store(): a run that will write calls this while it plans. */
  warmUp(): void {
    preloadSealing();
  }

  async store(token: TokenToStore, signal?: AbortSignal): Promise<StoreOutcome[]> {
    const value = token.header;
    return Promise.all(
      this.targets.map(async (target): Promise<StoreOutcome> => {
        const answers: WriteAnswer[] = [];
        let sent = false;
        try {
          const key = await this.key(target);
          const sealed = await sealSecret(value, key.key);
          const gh = await this.clientFor(target);
          sent = true;
          return { target, result: await target.write(gh, sealed, key.key_id, signal, answers) };
        } catch (err) {
          // Facts only (core/evidence.ts decides): nothing sent when the key, sealing or client failed; else
          // every attempt's answer, or, from a target that does not record them, the error's own.
          if (sent && !answers.length) answers.push(answerOf(err));
          return { target, error: errorMessage(err), facts: { answers } };
        }
      }),
    );
  }

  /** Each target's updated_at, read now (never cached: it is read again after an ambiguous write). */
  evidence(): Promise<Evidence[]> {
    return Promise.all(
      this.targets.map(
        async (t): Promise<Evidence> => ({
          proof: 'timestamp',
          updatedAt: await t.lastWritten(await this.clientFor(t)),
        }),
      ),
    );
  }

  private key(target: SecretTarget): Promise<PublicKey> {
    let key = this.keys.get(target.keyScope);
    if (!key) {
      key = this.clientFor(target).then((gh) => target.publicKey(gh));
      this.keys.set(target.keyScope, key);
      // A failed fetch may be retried by a later call (e.g. the store after a failed prepare).
      key.catch(() => this.keys.delete(target.keyScope));
    }
    return key;
  }
}

/** The answer an error stands for: its HTTP status, or a lost answer. */
function answerOf(err: unknown): WriteAnswer {
  const status = statusOf(err);
  return typeof status === 'number' ? { status } : { lost: 'reset' };
}
