// In-memory stand-ins for Fly and a secret store (one that proves writes by timestamp, as GitHub does), so the
// rotation protocol is tested without HTTP.
import { judgeAnswers } from '../../src/core/evidence.js';
import type { FlyToken, Log, MintedToken, StoreOutcome, TokenIssuer } from '../../src/core/interfaces.js';
import type { GitHub } from '../../src/github/octokit.js';
import type { PublicKey, SecretTarget } from '../../src/github/targets.js';
import { GitHubWriter } from '../../src/github/writer.js';

export class FakeIssuer implements TokenIssuer {
  readonly scope = 'app demo';
  tokens: (FlyToken & { header: string })[] = [];
  calls: string[] = [];
  fail: Partial<Record<'prepare' | 'list' | 'mint' | 'verify' | 'revoke', Error>> = {};
  private clock = Date.now() - 86_400_000;
  private next = 1;

  seed(name: string, n = 1): string[] {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push(this.add(name).id);
    return ids;
  }

  private add(name: string): MintedToken {
    this.clock += 60_000;
    const id = `tok${this.next++}`;
    const t = {
      id,
      name,
      createdAt: new Date(this.clock).toISOString(),
      expiresAt: new Date(this.clock + 7 * 86_400_000).toISOString(),
      revokedAt: null,
      header: `FlyV1 fm2_secret-${id}`,
    };
    this.tokens.push(t);
    return t;
  }

  private step(name: keyof FakeIssuer['fail']): void {
    this.calls.push(name);
    if (this.fail[name]) throw this.fail[name];
  }

  async prepare() {
    this.step('prepare');
  }
  async list() {
    this.step('list');
    return this.tokens.map(({ header: _h, ...t }) => ({ ...t }));
  }
  async mint(name: string) {
    this.step('mint');
    return this.add(name);
  }
  async verify(header: string) {
    this.step('verify');
    const t = this.tokens.find((x) => x.header === header);
    if (!t || t.revokedAt) throw new Error('UNAUTHORIZED');
    return undefined;
  }
  async revoke(id: string) {
    this.step('revoke');
    const t = this.tokens.find((x) => x.id === id);
    if (t) t.revokedAt ??= new Date(this.clock).toISOString();
  }
  valid(id: string): boolean {
    const t = this.tokens.find((x) => x.id === id);
    return !!t && !t.revokedAt;
  }
}

export class FakeTarget implements SecretTarget {
  readonly proof = 'timestamp' as const;
  readonly permission = 'Secrets: read and write';
  value?: string;
  /** GitHub's updated_at of the last write. */
  updatedAt?: string;
  keyFetches = 0;
  writes = 0;
  failKey?: Error;
  failWrite?: Error;
  /** The write lands, then the answer is lost with this error (a timeout after GitHub's handler ran). */
  loseAnswer?: Error;
  /** Reading updated_at fails. */
  failRead?: Error;
  constructor(
    readonly label: string,
    readonly keyScope = label,
    readonly secretName = 'FLY_API_TOKEN',
  ) {}
  async publicKey(): Promise<PublicKey> {
    this.keyFetches++;
    if (this.failKey) throw this.failKey;
    // A real X25519 public key is needed because the writer really seals the value.
    return { key_id: 'k1', key: 'mCmbxN3cVvWs9KJ6k9w6ve8eYd/j6r+3pbkTw3Qwajs=' };
  }
  async lastWritten(): Promise<string | undefined> {
    if (this.failRead) throw this.failRead;
    return this.updatedAt;
  }
  async write(_gh: GitHub, sealed: string): Promise<'created' | 'updated'> {
    this.writes++;
    if (this.failWrite) throw this.failWrite;
    const created = this.value === undefined;
    this.value = sealed;
    this.updatedAt = new Date().toISOString();
    if (this.loseAnswer) throw this.loseAnswer;
    return created ? 'created' : 'updated';
  }
}

export function writerFor(targets: FakeTarget[]): GitHubWriter {
  return new GitHubWriter(targets, async () => ({}) as GitHub);
}

export function memoryLog(): Log & { lines: string[]; masked: string[] } {
  const lines: string[] = [];
  const masked: string[] = [];
  return {
    lines,
    masked,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    mask: (v) => masked.push(v),
    group: (_n, fn) => fn(),
  };
}

/**
 * What core makes of a failed write's facts alone (core/evidence.ts judgeAnswers): true when they cannot settle
 * it, so the target must be read again (and, if it cannot tell, the write is unknown).
 */
export function undecided(outcome: StoreOutcome): boolean {
  return !!outcome.error && (!outcome.facts || judgeAnswers(outcome.facts) === undefined);
}
