// The emulated GitHub's data: accounts, repositories, environments, tokens, key stores and secrets.
// Names are case-insensitive like on GitHub; secret names are stored upper-case, as GitHub does.
import { randomBytes } from 'node:crypto';
import type { App, Installation } from './apps.js';
import { newSealingKey, type SealingKey } from './keys.js';

export type Permission = 'read' | 'write';
export type TokenKind = 'pat' | 'fine-grained' | 'installation' | 'actions';

export interface TokenGrant {
  kind: TokenKind;
  /** Repositories ('owner/repo') the token can reach, or '*' for all it could see. */
  repos: '*' | string[];
  /**
   * Fine-grained / installation / actions: permission name → level (`secrets`, `environments`, `metadata`,
   * `organization_secrets`, ...). Classic `pat`: the keys are OAuth scopes (`repo`, `public_repo`, `admin:org`).
   */
  permissions: Record<string, Permission>;
  /** Confines the token to one account's repositories and organization (installation tokens). */
  owner?: string;
  /** Organizations whose org-level endpoints the token may use; default '*'. */
  orgs?: '*' | string[];
  /** Epoch milliseconds after which the token answers 401 Bad credentials. */
  expiresAt?: number;
  /** Set for tokens minted through apps/create-installation-access-token. */
  installationId?: number;
}

export type AccountType = 'Organization' | 'User';

export interface Account {
  login: string;
  id: number;
  type: AccountType;
}

export interface Environment {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface Repo {
  id: number;
  owner: Account;
  name: string;
  fullName: string;
  private: boolean;
  environments: Map<string, Environment>;
  createdAt: string;
}

export type SecretApp = 'actions' | 'dependabot' | 'codespaces';
export type Visibility = 'all' | 'private' | 'selected';

export interface StoredSecret {
  name: string;
  /** Decrypted plaintext. */
  value: string;
  keyId: string;
  createdAt: string;
  updatedAt: string;
  /** Org secrets only. */
  visibility?: Visibility;
  selectedRepositoryIds?: number[];
}

/** Where a secret lives: a repository, an environment of one, or an organization. */
export type SecretTarget =
  | { scope: 'repo'; repo: string; app?: SecretApp }
  | { scope: 'environment'; repo: string; environment: string }
  | { scope: 'org'; org: string; app?: SecretApp };

export interface SecretWrite {
  /** 'owner/repo', 'owner/repo/environments/NAME' or 'orgs/NAME'. */
  target: string;
  app: SecretApp;
  name: string;
  status: 201 | 204;
  keyId: string;
  at: number;
}

/** GitHub's timestamp format: ISO 8601 without milliseconds. */
export function timestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function storeKey(target: SecretTarget): string {
  if (target.scope === 'environment') {
    return `actions:env:${target.repo.toLowerCase()}:${target.environment.toLowerCase()}`;
  }
  const where = target.scope === 'repo' ? target.repo : target.org;
  return `${target.app ?? 'actions'}:${target.scope}:${where.toLowerCase()}`;
}

export function targetLabel(target: SecretTarget): string {
  if (target.scope === 'repo') return target.repo;
  if (target.scope === 'environment') return `${target.repo}/environments/${target.environment}`;
  return `orgs/${target.org}`;
}

export class GitHubState {
  readonly accounts = new Map<string, Account>();
  readonly repos = new Map<string, Repo>();
  readonly tokens = new Map<string, TokenGrant>();
  readonly secretWrites: SecretWrite[] = [];
  readonly apps = new Map<number, App>();
  readonly installations = new Map<number, Installation>();
  private readonly keys = new Map<string, SealingKey>();
  private readonly secrets = new Map<string, Map<string, StoredSecret>>();
  /** When secrets are written (their updated_at). Tests share the Fly emulator's clock, as NTP does in production. */
  clock: () => number = Date.now;
  private nextId = 1000;

  newId(): number {
    this.nextId += 1 + Math.floor(Math.random() * 7);
    return this.nextId;
  }

  addAccount(login: string, opts: { id?: number; type?: AccountType } = {}): Account {
    const existing = this.accounts.get(login.toLowerCase());
    if (existing) {
      if (opts.type) existing.type = opts.type;
      return existing;
    }
    const account = { login, id: opts.id ?? this.newId(), type: opts.type ?? 'Organization' };
    this.accounts.set(login.toLowerCase(), account);
    return account;
  }

  account(login: string): Account | undefined {
    return this.accounts.get(login.toLowerCase());
  }

  addRepo(
    fullName: string,
    opts: { id?: number; private?: boolean; environments?: string[]; ownerType?: AccountType } = {},
  ): Repo {
    const [ownerLogin, name, extra] = fullName.split('/');
    if (!ownerLogin || !name || extra !== undefined)
      throw new Error(`expected 'owner/repo', got '${fullName}'`);
    const owner = this.addAccount(ownerLogin, { type: opts.ownerType });
    const repo: Repo = {
      id: opts.id ?? this.newId(),
      owner,
      name,
      fullName: `${owner.login}/${name}`,
      private: opts.private ?? true,
      environments: new Map(),
      createdAt: timestamp(),
    };
    this.repos.set(repo.fullName.toLowerCase(), repo);
    for (const env of opts.environments ?? []) this.addEnvironment(repo.fullName, env);
    this.key({ scope: 'repo', repo: repo.fullName });
    return repo;
  }

  repo(fullName: string): Repo | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  repoById(id: number): Repo | undefined {
    for (const r of this.repos.values()) if (r.id === id) return r;
    return undefined;
  }

  mustRepo(fullName: string): Repo {
    const repo = this.repo(fullName);
    if (!repo) throw new Error(`no repository ${fullName}; call addRepo first`);
    return repo;
  }

  addEnvironment(fullName: string, name: string): Environment {
    const repo = this.mustRepo(fullName);
    const at = timestamp();
    const env = { id: this.newId(), name, createdAt: at, updatedAt: at };
    repo.environments.set(name.toLowerCase(), env);
    return env;
  }

  addToken(token: string, grant: TokenGrant): void {
    this.tokens.set(token, { ...grant });
  }

  revokeToken(token: string): boolean {
    return this.tokens.delete(token);
  }

  /** The key store's current keypair, created on first use. */
  key(target: SecretTarget): SealingKey {
    const k = storeKey(target);
    let key = this.keys.get(k);
    if (!key) {
      key = newSealingKey();
      this.keys.set(k, key);
    }
    return key;
  }

  /** Replaces the store's keypair: boxes sealed to the old public key are then refused. */
  rotateKey(target: SecretTarget): SealingKey {
    const key = newSealingKey();
    this.keys.set(storeKey(target), key);
    return key;
  }

  secret(target: SecretTarget, name: string): StoredSecret | undefined {
    return this.secrets.get(storeKey(target))?.get(name.toUpperCase());
  }

  putSecret(target: SecretTarget, secret: Omit<StoredSecret, 'createdAt' | 'updatedAt'>): 201 | 204 {
    const k = storeKey(target);
    let store = this.secrets.get(k);
    if (!store) {
      store = new Map();
      this.secrets.set(k, store);
    }
    const name = secret.name.toUpperCase();
    const existing = store.get(name);
    const at = timestamp(this.clock());
    store.set(name, { ...existing, ...secret, name, createdAt: existing?.createdAt ?? at, updatedAt: at });
    const status = existing ? 204 : 201;
    this.secretWrites.push({
      target: targetLabel(target),
      app: target.scope === 'environment' ? 'actions' : (target.app ?? 'actions'),
      name,
      status,
      keyId: secret.keyId,
      at: Date.now(),
    });
    return status;
  }
}

/** A random token in GitHub's format for `prefix` (ghp_, github_pat_, ghs_). */
export function randomToken(prefix: string, length = 36): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return prefix + out;
}
