// GraphQL resolvers. Every field checks the caller like Fly does: no/unknown/expired/revoked credential →
// UNAUTHORIZED; a resource the credential may not see → the same NOT_FOUND as a missing one; token
// management only with a user's own auth token.
import { GraphQLError } from 'graphql';
import type { AccessQuery, Authenticator, AuthResult, Principal } from './auth.js';
import { Action } from './caveats.js';
import { DurationError, parseGoDuration } from './duration.js';
import { type Issuer, issueLimitedToken } from './issue.js';
import {
  type AppRecord,
  type LimitedAccessTokenRecord,
  type OrgRecord,
  type Profile,
  type UserRecord,
  wholeSeconds,
} from './state.js';

export interface Ctx extends Issuer {
  auth: AuthResult;
  authenticator: Authenticator;
  pageSize: number;
}

export const MESSAGES = {
  unauthenticated: 'You must be authenticated to view this.',
  notAuthorized: (field: string) => `Not authorized to access ${field.toLowerCase()}`,
  appNotFound: (name: string) => `Could not find App "${name}"`,
  orgNotFound: (key: string) => `Could not find Organization "${key}"`,
  tokenNotFound: (id: string) => `Could not find LimitedAccessToken "${id}"`,
  clusterNotFound: (name: string) => `Could not find LiteFS Cloud cluster "${name}"`,
};

const TWENTY_YEARS_MS = 175_200 * 3_600_000;
const PROFILES: Profile[] = ['deploy', 'deploy_organization', 'litefs_cloud'];

export function gqlError(message: string, code?: string): GraphQLError {
  return new GraphQLError(message, code ? { extensions: { code } } : undefined);
}

function principal(ctx: Ctx): Principal {
  if (!ctx.auth.ok) throw gqlError(MESSAGES.unauthenticated, 'UNAUTHORIZED');
  return ctx.auth.principal;
}

function can(ctx: Ctx, q: AccessQuery): boolean {
  return ctx.authenticator.authorize(principal(ctx), q);
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const cursorOf = (i: number) => Buffer.from(String(i + 1)).toString('base64url');

function indexOf(cursor: string): number {
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n < 1) throw gqlError(`Invalid cursor: ${JSON.stringify(cursor)}`);
  return n - 1;
}

/** Relay connection over `items`; page size is capped at ctx.pageSize so clients must follow endCursor. */
type View = Record<string, unknown>;

interface ConnectionView {
  edges: Array<{ cursor: string; node: View }>;
  nodes: View[];
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

function connection(ctx: Ctx, items: LimitedAccessTokenRecord[], args: PageArgs): ConnectionView {
  const max = ctx.pageSize;
  if ((args.first ?? 0) < 0 || (args.last ?? 0) < 0)
    throw gqlError('Argument "first"/"last" must be non-negative');
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? Math.min(indexOf(args.before), items.length) : items.length;
  if (args.first != null) end = Math.min(end, start + Math.min(args.first, max));
  if (args.last != null) start = Math.max(start, end - Math.min(args.last, max));
  if (args.first == null && args.last == null) end = Math.min(end, start + max);
  start = Math.min(start, end);
  const page = items
    .slice(start, end)
    .map((t, k) => ({ cursor: cursorOf(start + k), node: tokenView(ctx, t) }));
  return {
    edges: page,
    nodes: page.map((e) => e.node),
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: page[0]?.cursor ?? null,
      endCursor: page.at(-1)?.cursor ?? null,
    },
  };
}

function userView(u: UserRecord) {
  return {
    __typename: 'User',
    id: u.id,
    email: u.email,
    name: u.name,
    internalNumericId: u.internalNumericId,
    username: null,
  };
}

function orgView(ctx: Ctx, o: OrgRecord) {
  return {
    __typename: 'Organization',
    id: o.id,
    internalNumericId: o.internalNumericId,
    slug: o.slug,
    rawSlug: o.slug,
    name: o.name,
    type: o.type,
    billable: o.paidPlan,
    paidPlan: o.paidPlan,
    viewerRole: 'admin',
    limitedAccessTokens: (args: PageArgs) => {
      if (!can(ctx, { orgId: o.internalNumericId, action: Action.read })) {
        throw gqlError(MESSAGES.notAuthorized('limitedAccessTokens'), 'UNAUTHORIZED');
      }
      return connection(
        ctx,
        ctx.state.tokens.filter((t) => t.orgId === o.id && !t.appId),
        args,
      );
    },
  };
}

function appView(ctx: Ctx, a: AppRecord) {
  const org = ctx.state.orgs.get(a.orgId)!;
  return {
    __typename: 'App',
    id: a.id,
    internalId: String(a.internalNumericId),
    internalNumericId: a.internalNumericId,
    name: a.name,
    hostname: `${a.name}.fly.dev`,
    appUrl: `https://${a.name}.fly.dev`,
    cnameTarget: `${a.name}.fly.dev`,
    deployed: a.machines.length > 0,
    network: 'default',
    status: 'deployed',
    state: 'DEPLOYED',
    platformVersion: 'machines',
    role: null,
    organization: () => orgView(ctx, org),
    limitedAccessTokens: (args: PageArgs) => {
      if (!can(ctx, { orgId: org.internalNumericId, appId: a.internalNumericId, action: Action.read })) {
        throw gqlError(MESSAGES.notAuthorized('limitedAccessTokens'), 'UNAUTHORIZED');
      }
      return connection(
        ctx,
        ctx.state.tokens.filter((t) => t.appId === a.id),
        args,
      );
    },
  };
}

function tokenView(ctx: Ctx, t: LimitedAccessTokenRecord): View {
  return {
    __typename: 'LimitedAccessToken',
    id: t.id,
    name: t.name,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    revokedBy: t.revokedBy,
    profile: t.profile,
    profileParams: t.profileParams,
    token: t.header.replace(/^FlyV1 /, ''),
    tokenHeader: t.header,
    organization: () => orgView(ctx, ctx.state.orgs.get(t.orgId)!),
    user: () => userView(ctx.state.users.get(t.createdBy)!),
  };
}

function params(raw: unknown): Record<string, unknown> {
  if (raw === null || raw === undefined) return {};
  const v = typeof raw === 'string' ? JSON.parse(raw) : raw;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw gqlError('profileParams must be a JSON object');
  return v as Record<string, unknown>;
}

interface CreateInput {
  clientMutationId?: string;
  name: string;
  organizationId: string;
  profile: string;
  profileParams?: unknown;
  expiry?: string | null;
}

function createLimitedAccessToken({ input }: { input: CreateInput }, ctx: Ctx) {
  const p = principal(ctx);
  const denied = () => gqlError(MESSAGES.notAuthorized('createLimitedAccessToken'), 'UNAUTHORIZED');
  if (p.kind !== 'user') throw denied();
  const org = ctx.state.orgs.get(input.organizationId);
  if (!org) throw gqlError(MESSAGES.orgNotFound(input.organizationId), 'NOT_FOUND');
  if (!PROFILES.includes(input.profile as Profile)) {
    throw gqlError(`Unknown token profile "${input.profile}". Expected one of: ${PROFILES.join(', ')}`);
  }
  const profile = input.profile as Profile;
  const pp = params(input.profileParams);
  let app: AppRecord | undefined;
  let cluster: string | undefined;
  if (profile === 'deploy') {
    if (typeof pp.app_id !== 'string' || pp.app_id === '')
      throw gqlError('profileParams.app_id is required for profile deploy');
    app = ctx.state.apps.get(pp.app_id);
    if (!app || app.orgId !== org.id) throw gqlError(MESSAGES.appNotFound(pp.app_id), 'NOT_FOUND');
  } else if (profile === 'litefs_cloud') {
    if (typeof pp.cluster !== 'string' || pp.cluster === '') {
      throw gqlError('profileParams.cluster is required for profile litefs_cloud');
    }
    cluster = pp.cluster;
    if (!org.clusters.has(cluster)) throw gqlError(MESSAGES.clusterNotFound(cluster), 'NOT_FOUND');
  }
  const q = { orgId: org.internalNumericId, appId: app?.internalNumericId, action: Action.create };
  if (!can(ctx, { ...q, mutation: 'createLimitedAccessToken' })) throw denied();
  let expiresInMs = TWENTY_YEARS_MS;
  if (input.expiry) {
    try {
      expiresInMs = parseGoDuration(input.expiry);
    } catch (err) {
      if (err instanceof DurationError) throw gqlError(`Invalid expiry: ${err.message}`);
      throw err;
    }
    if (expiresInMs <= 0)
      throw gqlError(`Invalid expiry: ${JSON.stringify(input.expiry)} is not a positive duration`);
  }
  const record = issueLimitedToken(ctx, {
    name: input.name,
    profile,
    profileParams: pp,
    orgId: org.id,
    appId: app?.id,
    cluster,
    expiresInMs,
    createdBy: p.user.id,
  });
  return { clientMutationId: input.clientMutationId ?? null, limitedAccessToken: tokenView(ctx, record) };
}

interface DeleteInput {
  clientMutationId?: string;
  id?: string | null;
  token?: string | null;
  revokedBy?: string | null;
}

function deleteLimitedAccessToken({ input }: { input: DeleteInput }, ctx: Ctx) {
  const p = principal(ctx);
  const denied = () => gqlError(MESSAGES.notAuthorized('deleteLimitedAccessToken'), 'UNAUTHORIZED');
  if (p.kind !== 'user') throw denied();
  if (!input.id && !input.token) throw gqlError('Either id or token is required');
  const bare = input.token?.replace(/^\s*FlyV1\s+/i, '').trim();
  const t = input.id
    ? ctx.state.token(input.id)
    : ctx.state.tokens.find((r) => r.header.replace(/^FlyV1 /, '') === bare);
  if (!t) throw gqlError(MESSAGES.tokenNotFound(input.id ?? 'by token'), 'NOT_FOUND');
  const org = ctx.state.orgs.get(t.orgId)!;
  const appId = t.appId ? ctx.state.apps.get(t.appId)?.internalNumericId : undefined;
  if (
    !can(ctx, {
      orgId: org.internalNumericId,
      appId,
      action: Action.delete,
      mutation: 'deleteLimitedAccessToken',
    })
  ) {
    throw denied();
  }
  // Revoking an already revoked token succeeds and keeps the first revocation's time and author: the
  // operation is idempotent, so a client retrying after a lost answer does not fail.
  if (!t.revokedAt) {
    t.revokedAt = wholeSeconds(ctx.now());
    t.revokedBy = input.revokedBy ?? p.user.email;
  }
  return { clientMutationId: input.clientMutationId ?? null, revokedBy: t.revokedBy, token: t.id };
}

function findOrg(
  ctx: Ctx,
  args: { id?: string | null; name?: string | null; slug?: string | null },
): OrgRecord {
  principal(ctx);
  const key = args.slug ?? args.id ?? args.name ?? '';
  const org =
    (args.slug != null && ctx.state.orgBySlug(args.slug)) ||
    (args.id != null && ctx.state.orgs.get(args.id)) ||
    (args.name != null && ctx.state.orgByName(args.name)) ||
    undefined;
  if (!org || !can(ctx, { orgId: org.internalNumericId, action: Action.read })) {
    throw gqlError(MESSAGES.orgNotFound(key), 'NOT_FOUND');
  }
  return org;
}

function findApp(ctx: Ctx, args: { name?: string | null; internalId?: string | null }): AppRecord {
  principal(ctx);
  const key = args.name ?? args.internalId ?? '';
  const app =
    args.name != null ? ctx.state.apps.get(args.name) : ctx.state.appByInternalId(args.internalId ?? '');
  const org = app && ctx.state.orgs.get(app.orgId)!;
  if (
    !app ||
    !org ||
    !can(ctx, { orgId: org.internalNumericId, appId: app.internalNumericId, action: Action.read })
  ) {
    throw gqlError(MESSAGES.appNotFound(key), 'NOT_FOUND');
  }
  return app;
}

/** rootValue for graphql-js: top-level fields as functions of (args, context). */
export const rootValue = {
  app: (args: { name?: string; internalId?: string }, ctx: Ctx) => appView(ctx, findApp(ctx, args)),
  organization: (args: { id?: string; name?: string; slug?: string }, ctx: Ctx) =>
    orgView(ctx, findOrg(ctx, args)),
  viewer: (_: unknown, ctx: Ctx) => {
    const p = principal(ctx);
    return p.kind === 'user'
      ? userView(p.user)
      : { __typename: 'Macaroon', email: p.user.email, name: p.token?.name ?? null };
  },
  currentUser: (_: unknown, ctx: Ctx) => userView(principal(ctx).user),
  createLimitedAccessToken,
  deleteLimitedAccessToken,
};
