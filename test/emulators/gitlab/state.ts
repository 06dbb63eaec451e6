// The emulated GitLab's data: groups and projects addressed by full path (case-insensitive, like GitLab's
// routes), access tokens with scopes and per-path roles, and the CI/CD variables of each project and group.

export type Role = 'guest' | 'planner' | 'reporter' | 'developer' | 'maintainer' | 'owner';

/** GitLab's access levels (the `access_level` numbers of the members API). */
export const ROLE_LEVELS: Record<Role, number> = {
  guest: 10,
  planner: 15,
  reporter: 20,
  developer: 30,
  maintainer: 40,
  owner: 50,
};

export type Visibility = 'private' | 'internal' | 'public';
export type OwnerKind = 'project' | 'group';

export interface Owner {
  kind: OwnerKind;
  id: number;
  /** Full path as first added, e.g. `acme/platform/web`. */
  path: string;
  visibility: Visibility;
}

export interface Variable {
  key: string;
  value: string;
  variable_type: 'env_var' | 'file';
  protected: boolean;
  masked: boolean;
  hidden: boolean;
  raw: boolean;
  environment_scope: string;
  description: string | null;
}

export interface TokenGrant {
  /** `api`, `read_api`, `read_repository`, …: only `api` writes through the REST API. */
  scopes: string[];
  /** Full path of a group or project → role; a group role also applies below it (inherited membership). */
  roles: Record<string, Role>;
  name?: string;
  /** Epoch ms after which the token answers 401. */
  expiresAt?: number;
}

export interface TokenRecord extends TokenGrant {
  id: number;
  userId: number;
  createdAt: string;
}

export interface VariableWrite {
  kind: OwnerKind;
  /** The owner's full path. */
  path: string;
  key: string;
  environmentScope: string;
  action: 'create' | 'update' | 'delete';
  at: number;
}

const lower = (path: string) => path.toLowerCase();

/** Is `path` the same as `ancestor` or below it? */
export function within(path: string, ancestor: string): boolean {
  const p = lower(path);
  const a = lower(ancestor);
  return p === a || p.startsWith(`${a}/`);
}

export class GitLabState {
  readonly owners = new Map<string, Owner>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly writes: VariableWrite[] = [];
  /** Premium or Ultimate: without it, GitLab drops the environment_scope of group variables. */
  premium = false;
  /** What GET /version answers. */
  version = '17.5.0-ee';
  /** Whether variables have a description (GitLab 16.2 and later). */
  descriptions = true;
  private readonly variables = new Map<string, Variable[]>();
  private nextProjectId = 100;
  private nextGroupId = 10;
  private nextTokenId = 1;

  addGroup(path: string, opts: { visibility?: Visibility; id?: number } = {}): Owner {
    return this.addOwner('group', path, opts);
  }

  addProject(path: string, opts: { visibility?: Visibility; id?: number } = {}): Owner {
    if (!path.includes('/'))
      throw new Error(`a project lives in a namespace: expected 'group/project', got '${path}'`);
    return this.addOwner('project', path, opts);
  }

  owner(kind: OwnerKind, ref: string): Owner | undefined {
    if (/^\d+$/.test(ref)) {
      for (const o of this.owners.values()) if (o.kind === kind && o.id === Number(ref)) return o;
      return undefined;
    }
    const o = this.owners.get(lower(ref));
    return o?.kind === kind ? o : undefined;
  }

  addToken(token: string, grant: TokenGrant): TokenRecord {
    const record: TokenRecord = {
      ...grant,
      scopes: [...grant.scopes],
      roles: { ...grant.roles },
      id: this.nextTokenId++,
      userId: 1000 + this.nextTokenId,
      createdAt: new Date().toISOString(),
    };
    this.tokens.set(token, record);
    return record;
  }

  /** The highest role the token holds on the owner, directly or through a group above it. */
  role(token: TokenRecord, owner: Owner): Role | undefined {
    let best: Role | undefined;
    for (const [path, role] of Object.entries(token.roles)) {
      if (within(owner.path, path) && (!best || ROLE_LEVELS[role] > ROLE_LEVELS[best])) best = role;
    }
    return best;
  }

  /**
   * Can the token see the owner at all? Public and internal ones are visible to every signed-in user; a private
   * one to members, including members of a project or subgroup below a private group.
   */
  visible(token: TokenRecord, owner: Owner): boolean {
    if (owner.visibility !== 'private' || this.role(token, owner)) return true;
    return owner.kind === 'group' && Object.keys(token.roles).some((p) => within(p, owner.path));
  }

  variablesOf(owner: Owner): Variable[] {
    const key = `${owner.kind}:${owner.id}`;
    let list = this.variables.get(key);
    if (!list) {
      list = [];
      this.variables.set(key, list);
    }
    return list;
  }

  record(owner: Owner, v: Variable, action: VariableWrite['action']): void {
    this.writes.push({
      kind: owner.kind,
      path: owner.path,
      key: v.key,
      environmentScope: v.environment_scope,
      action,
      at: Date.now(),
    });
  }

  private addOwner(kind: OwnerKind, path: string, opts: { visibility?: Visibility; id?: number }): Owner {
    const clean = path.replace(/^\/+|\/+$/g, '');
    if (!clean || clean.split('/').some((s) => !s)) throw new Error(`not a full path: '${path}'`);
    const existing = this.owners.get(lower(clean));
    if (existing) {
      if (existing.kind !== kind) throw new Error(`'${clean}' is already a ${existing.kind}`);
      return existing;
    }
    // A project or subgroup needs its parent groups; GitLab would refuse to create it without them.
    const parent = clean.split('/').slice(0, -1).join('/');
    if (parent) this.addOwner('group', parent, {});
    const id = opts.id ?? (kind === 'project' ? this.nextProjectId++ : this.nextGroupId++);
    const owner: Owner = { kind, id, path: clean, visibility: opts.visibility ?? 'private' };
    this.owners.set(lower(clean), owner);
    return owner;
  }
}
