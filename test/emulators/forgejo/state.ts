// The emulated Forgejo's data: users, organizations, repositories, access tokens and Actions secrets.
// Like Forgejo, user, organization and repository names are case-insensitive, users and organizations share
// one namespace (both are "owners"), and secret names are stored upper-case.

export type Visibility = 'public' | 'limited' | 'private';
/** What a collaborator may do in a repository; none of them makes the collaborator an owner. */
export type CollaboratorMode = 'read' | 'write' | 'admin';

export interface User {
  id: number;
  login: string;
  /** Site administrator: passes every owner check. */
  admin: boolean;
  visibility: Visibility;
  createdAt: string;
}

export interface Org {
  id: number;
  login: string;
  visibility: Visibility;
  /** Lower-case logins of the members of the Owners team. */
  owners: Set<string>;
  /** Lower-case logins of the other members. */
  members: Set<string>;
}

export interface Repo {
  id: number;
  /** The owning account's login as registered. */
  owner: string;
  name: string;
  private: boolean;
  /** Whether the repository's Actions unit is enabled (Forgejo answers 404 for its secrets otherwise). */
  actions: boolean;
  collaborators: Map<string, CollaboratorMode>;
  /** Lower-case logins in an organization team with administrator access to this repository. */
  adminTeam: Set<string>;
}

export interface Token {
  /** Lower-case login of the token's user. */
  user: string;
  /** Forgejo's scopes: `all`, `public-only`, `read:<category>`, `write:<category>`. */
  scopes: string[];
}

export interface StoredSecret {
  /** Upper-case, as Forgejo stores it. */
  name: string;
  /** Plaintext: Forgejo takes the value in clear (over TLS) and encrypts it at rest itself. */
  value: string;
  createdAt: string;
}

/** Where a secret lives, as tests name it. */
export type SecretScope = { repo: string } | { org: string } | { user: string };

export interface SecretWrite {
  /** 'repo:owner/name', 'org:name' or 'user:login'. */
  scope: string;
  name: string;
  /** 201 created, 204 updated, or 'deleted'. */
  status: 201 | 204 | 'deleted';
  at: number;
}

/** Go's time.Time in JSON, as Forgejo writes it (seconds, UTC). */
export function isoSeconds(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class ForgejoState {
  readonly users = new Map<string, User>();
  readonly orgs = new Map<string, Org>();
  readonly repos = new Map<string, Repo>();
  readonly tokens = new Map<string, Token>();
  /** Secrets by owner: `repo:<id>` or `owner:<id>` (users and organizations, as Forgejo's owner_id). */
  private readonly secrets = new Map<string, Map<string, StoredSecret>>();
  readonly writes: SecretWrite[] = [];
  private nextId = 1;

  addUser(login: string, opts: { admin?: boolean; visibility?: Visibility; id?: number } = {}): User {
    this.checkFree(login);
    const user: User = {
      id: opts.id ?? this.nextId++,
      login,
      admin: opts.admin ?? false,
      visibility: opts.visibility ?? 'public',
      createdAt: isoSeconds(),
    };
    this.users.set(login.toLowerCase(), user);
    return user;
  }

  addOrg(
    login: string,
    opts: { owners?: string[]; members?: string[]; visibility?: Visibility; id?: number } = {},
  ): Org {
    this.checkFree(login);
    const org: Org = {
      id: opts.id ?? this.nextId++,
      login,
      visibility: opts.visibility ?? 'public',
      owners: new Set((opts.owners ?? []).map((u) => this.mustUser(u).login.toLowerCase())),
      members: new Set((opts.members ?? []).map((u) => this.mustUser(u).login.toLowerCase())),
    };
    this.orgs.set(login.toLowerCase(), org);
    return org;
  }

  addRepo(
    fullName: string,
    opts: {
      private?: boolean;
      actions?: boolean;
      collaborators?: Record<string, CollaboratorMode>;
      adminTeam?: string[];
      id?: number;
    } = {},
  ): Repo {
    const [owner, name, extra] = fullName.split('/');
    if (!owner || !name || extra !== undefined) throw new Error(`repository must be owner/name: ${fullName}`);
    const account = this.users.get(owner.toLowerCase()) ?? this.orgs.get(owner.toLowerCase());
    if (!account) throw new Error(`no user or organization ${owner}; add it first`);
    if (this.repos.has(fullName.toLowerCase())) throw new Error(`repository ${fullName} exists`);
    const repo: Repo = {
      id: opts.id ?? this.nextId++,
      owner: account.login,
      name,
      private: opts.private ?? false,
      actions: opts.actions ?? true,
      collaborators: new Map(
        Object.entries(opts.collaborators ?? {}).map(([u, m]) => [this.mustUser(u).login.toLowerCase(), m]),
      ),
      adminTeam: new Set((opts.adminTeam ?? []).map((u) => this.mustUser(u).login.toLowerCase())),
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  addToken(token: string, grant: { user: string; scopes: string[] }): void {
    this.tokens.set(token, {
      user: this.mustUser(grant.user).login.toLowerCase(),
      scopes: [...grant.scopes],
    });
  }

  mustUser(login: string): User {
    const user = this.users.get(login.toLowerCase());
    if (!user) throw new Error(`no user ${login}; add it first`);
    return user;
  }

  /** The key secrets of a scope are kept under, or undefined when the scope does not exist. */
  ownerKey(scope: SecretScope): string | undefined {
    if ('repo' in scope) {
      const repo = this.repos.get(scope.repo.toLowerCase());
      return repo && `repo:${repo.id}`;
    }
    const account =
      'org' in scope ? this.orgs.get(scope.org.toLowerCase()) : this.users.get(scope.user.toLowerCase());
    return account && `owner:${account.id}`;
  }

  list(key: string): StoredSecret[] {
    return [...(this.secrets.get(key)?.values() ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  get(key: string, name: string): StoredSecret | undefined {
    return this.secrets.get(key)?.get(name.toUpperCase());
  }

  /** Creates or replaces a secret; `label` names the scope in `writes`. */
  put(key: string, label: string, name: string, value: string): 201 | 204 {
    let store = this.secrets.get(key);
    if (!store) {
      store = new Map();
      this.secrets.set(key, store);
    }
    const upper = name.toUpperCase();
    const existing = store.get(upper);
    if (existing) existing.value = value;
    else store.set(upper, { name: upper, value, createdAt: isoSeconds() });
    const status = existing ? 204 : 201;
    this.writes.push({ scope: label, name: upper, status, at: Date.now() });
    return status;
  }

  delete(key: string, label: string, name: string): boolean {
    const upper = name.toUpperCase();
    const deleted = this.secrets.get(key)?.delete(upper) ?? false;
    if (deleted) this.writes.push({ scope: label, name: upper, status: 'deleted', at: Date.now() });
    return deleted;
  }

  private checkFree(login: string): void {
    if (this.users.has(login.toLowerCase()) || this.orgs.has(login.toLowerCase())) {
      throw new Error(`the name ${login} is already taken`);
    }
  }
}
