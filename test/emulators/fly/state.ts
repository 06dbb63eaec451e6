// In-memory Fly account state: organizations, apps, machines, users, their credentials and the
// LimitedAccessToken records minted through the GraphQL API.
import { randomBytes } from 'node:crypto';

export interface OrgRecord {
  /** GraphQL node id. */
  id: string;
  internalNumericId: number;
  slug: string;
  name: string;
  type: 'PERSONAL' | 'SHARED';
  paidPlan: boolean;
  clusters: Set<string>;
}

export interface MachineRecord {
  id: string;
  name: string;
  state: string;
  region: string;
  createdAt: Date;
}

export interface AppRecord {
  /** Fly's App node id is the app name. */
  id: string;
  internalNumericId: number;
  name: string;
  orgId: string;
  machines: MachineRecord[];
}

export interface UserRecord {
  id: string;
  internalNumericId: number;
  email: string;
  name: string;
  orgIds: Set<string>;
}

/** A user's own credential (`fly auth token`, personal access token). Not a LimitedAccessToken. */
export interface AuthCredential {
  id: string;
  userId: string;
  legacy: boolean;
  /** `FlyV1 fm2_…` for macaroons; the bare opaque token for legacy ones (sent as `Bearer <token>`). */
  token: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export type Profile = 'deploy' | 'deploy_organization' | 'litefs_cloud';

export interface LimitedAccessTokenRecord {
  id: string;
  name: string;
  profile: Profile;
  profileParams: Record<string, unknown>;
  orgId: string;
  appId?: string;
  cluster?: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  /** The full `FlyV1 fm2_…` value. */
  header: string;
  /** User id of the creator. */
  createdBy: string;
}

/** Fly's API shows times to the second; records keep the same precision so both agree exactly. */
export function wholeSeconds(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Opaque node ids shaped like Fly's (e.g. `bjkZRb7BXzk36H383wbX0z9bXRH6LL`). */
export function nodeId(length = 30): string {
  const bytes = randomBytes(length);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}

export class FlyState {
  readonly orgs = new Map<string, OrgRecord>();
  readonly apps = new Map<string, AppRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly credentials = new Map<string, AuthCredential>();
  readonly tokens: LimitedAccessTokenRecord[] = [];
  private nextOrg = 58211;
  private nextApp = 310402;
  private nextUser = 9081;

  orgBySlug(slug: string): OrgRecord | undefined {
    for (const o of this.orgs.values()) if (o.slug === slug) return o;
    return undefined;
  }

  orgByName(name: string): OrgRecord | undefined {
    for (const o of this.orgs.values()) if (o.name === name) return o;
    return undefined;
  }

  appByInternalId(id: string): AppRecord | undefined {
    for (const a of this.apps.values()) if (String(a.internalNumericId) === id) return a;
    return undefined;
  }

  addOrg(
    slug: string,
    opts: { name?: string; type?: 'PERSONAL' | 'SHARED'; paidPlan?: boolean } = {},
  ): OrgRecord {
    if (this.orgBySlug(slug)) throw new Error(`organization ${slug} already exists`);
    const org: OrgRecord = {
      id: nodeId(),
      internalNumericId: this.nextOrg++,
      slug,
      name: opts.name ?? slug,
      type: opts.type ?? 'SHARED',
      paidPlan: opts.paidPlan ?? true,
      clusters: new Set(),
    };
    this.orgs.set(org.id, org);
    return org;
  }

  addApp(name: string, orgSlug: string): AppRecord {
    const org = this.orgBySlug(orgSlug);
    if (!org) throw new Error(`no organization ${orgSlug}`);
    if (this.apps.has(name)) throw new Error(`app ${name} already exists`);
    const app: AppRecord = { id: name, internalNumericId: this.nextApp++, name, orgId: org.id, machines: [] };
    app.machines.push({
      id: randomBytes(7).toString('hex'),
      name: `${name}-machine`,
      state: 'started',
      region: 'iad',
      createdAt: new Date(),
    });
    this.apps.set(name, app);
    return app;
  }

  addCluster(orgSlug: string, name: string): void {
    const org = this.orgBySlug(orgSlug);
    if (!org) throw new Error(`no organization ${orgSlug}`);
    org.clusters.add(name);
  }

  addUser(email: string, orgSlugs: string[]): UserRecord {
    const orgIds = orgSlugs.map((s) => {
      const org = this.orgBySlug(s);
      if (!org) throw new Error(`no organization ${s}`);
      return org.id;
    });
    const user: UserRecord = {
      id: nodeId(22),
      internalNumericId: this.nextUser++,
      email,
      name: email.split('@')[0],
      orgIds: new Set(orgIds),
    };
    this.users.set(user.id, user);
    return user;
  }

  token(id: string): LimitedAccessTokenRecord | undefined {
    return this.tokens.find((t) => t.id === id);
  }
}
