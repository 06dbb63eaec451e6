// Local Fly.io API emulator: GraphQL at `${url}/graphql` (token management as flyctl uses it) plus a small
// Machines API, with Fly's credential rules. Each request is recorded under the top-level GraphQL field
// names joined with '+' (`app`, `organization`, `createLimitedAccessToken`, `deleteLimitedAccessToken`,
// `app+organization`, …), or `Machines_list` / `Machines_exec`; faults target those names.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  type DocumentNode,
  execute,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  validate,
} from 'graphql';
import { EmulatorServer, type Reply, type Routed } from '../http.js';
import { type AccessQuery, Authenticator } from './auth.js';
import { Action } from './caveats.js';
import { issueAuthToken } from './issue.js';
import { routeMachines } from './machines.js';
import { type Ctx, rootValue } from './resolvers.js';
import { buildFlySchema } from './schema.js';
import {
  type AppRecord,
  FlyState,
  type LimitedAccessTokenRecord,
  type OrgRecord,
  wholeSeconds,
} from './state.js';
import { verifyBundle } from './tokens.js';

export { MESSAGES } from './resolvers.js';
export type { AppRecord, LimitedAccessTokenRecord, OrgRecord } from './state.js';

export interface FlyEmulatorOptions {
  latencyMs?: number;
  /** Largest page a connection returns (also the default page size). Default 5. */
  pageSize?: number;
}

/** A request in the terms of `accepts`: names instead of numeric ids, action by name or mask. */
export interface AcceptsRequest {
  org?: string;
  app?: string;
  action?: keyof typeof Action | number;
  mutation?: string;
  command?: string[];
  feature?: string;
  cluster?: string;
  machine?: string;
  now?: Date | number;
}

const schema = buildFlySchema();

interface Checked {
  doc?: DocumentNode;
  /** The syntax error, or the validation errors, that answer the query instead of executing it. */
  errors?: readonly unknown[];
}

/**
 * Parsing and validating are pure functions of the query text against the one schema, and a client sends the
 * same few queries over and over: the suite runs thousands of requests, so each text is checked once. Bounded,
 * in case a test sends many different queries.
 */
const checked = new Map<string, Checked>();

function check(query: string): Checked {
  let result = checked.get(query);
  if (!result) {
    try {
      const doc = parse(query);
      const errors = validate(schema, doc);
      result = errors.length > 0 ? { doc, errors } : { doc };
    } catch (err) {
      result = { errors: [err] };
    }
    if (checked.size >= 500) checked.clear();
    checked.set(query, result);
  }
  return result;
}

function fieldNames(doc: DocumentNode, operationName: string | undefined): string[] {
  const ops = doc.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const op = operationName
    ? ops.find((o) => o.name?.value === operationName)
    : ops.length === 1
      ? ops[0]
      : undefined;
  if (!op) return [];
  const fragments = new Map(
    doc.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const names: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.push(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, seen);
      else if (!seen.has(s.name.value) && fragments.has(s.name.value)) {
        walk(fragments.get(s.name.value)!, new Set([...seen, s.name.value]));
      }
    }
  };
  walk(op.selectionSet, new Set());
  return names.filter((n) => n !== '__typename');
}

export class FlyEmulator {
  readonly state = new FlyState();
  readonly server: EmulatorServer;
  readonly rootKey: Uint8Array = randomBytes(32);
  readonly authenticator: Authenticator;
  readonly pageSize: number;
  private clockOffsetMs = 0;

  constructor(opts: FlyEmulatorOptions = {}) {
    this.pageSize = opts.pageSize ?? 5;
    this.authenticator = new Authenticator(this.state, this.rootKey, () => this.now());
    this.server = new EmulatorServer((req, raw) => this.route(req, raw), { latencyMs: opts.latencyMs });
  }

  /** FLY_API_BASE_URL; GraphQL is at `${url}/graphql`. */
  get url(): string {
    return this.server.url;
  }

  get tokens(): LimitedAccessTokenRecord[] {
    return this.state.tokens;
  }

  /** The emulator's clock (ms): real time plus whatever `advance` added. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Moves the emulator's clock forward, e.g. past a token's expiry. */
  advance(ms: number): void {
    this.clockOffsetMs += ms;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  addOrg(
    slug: string,
    opts: { name?: string; type?: 'PERSONAL' | 'SHARED'; paidPlan?: boolean } = {},
  ): OrgRecord {
    return this.state.addOrg(slug, opts);
  }

  addApp(name: string, orgSlug: string): AppRecord {
    return this.state.addApp(name, orgSlug);
  }

  addCluster(orgSlug: string, name: string): void {
    this.state.addCluster(orgSlug, name);
  }

  /**
   * Adds a user who belongs to `orgs` and returns their personal auth token: `FlyV1 fm2_…` (a macaroon
   * without organization restriction), or with `legacy: true` an opaque token that is sent as `Bearer`.
   */
  addUser(
    email: string,
    opts: { orgs: string[]; legacy?: boolean },
  ): { id: string; authToken: string; tokenId: string } {
    const user = this.state.addUser(email, opts.orgs);
    const cred = issueAuthToken(this, user.id, opts.legacy ?? false);
    return { id: user.id, authToken: cred.token, tokenId: cred.id };
  }

  /** Another auth token for an existing user (e.g. to revoke one and keep working with the other). */
  addAuthToken(userId: string, opts: { legacy?: boolean } = {}): { authToken: string; tokenId: string } {
    if (!this.state.users.has(userId)) throw new Error(`no user ${userId}`);
    const cred = issueAuthToken(this, userId, opts.legacy ?? false);
    return { authToken: cred.token, tokenId: cred.id };
  }

  /** Makes a credential expired now. `id`: a LimitedAccessToken id, an auth token id, or a user id (all their auth tokens). */
  expireToken(id: string): void {
    const at = wholeSeconds(this.now() - 1000);
    for (const t of this.records(id)) t.expiresAt = at;
  }

  /** Revokes a credential now (same ids as expireToken). */
  revokeToken(id: string): void {
    const at = wholeSeconds(this.now());
    for (const t of this.records(id)) t.revokedAt ??= at;
  }

  private records(id: string): Array<{ expiresAt: Date | null; revokedAt: Date | null }> {
    const token = this.state.token(id);
    if (token) return [token];
    const cred = this.state.credentials.get(id);
    if (cred) return [cred];
    const mine = [...this.state.credentials.values()].filter((c) => c.userId === id);
    if (mine.length > 0) return mine;
    throw new Error(`no token, auth token or user with id ${id}`);
  }

  /**
   * The id of the Fly token a value belongs to (its own value or a narrowing of it), valid or not; undefined for
   * a value that is no token of this emulator. (For tests: which token a target holds.)
   */
  tokenOf(header: string): string | undefined {
    try {
      const kids = new Set(
        verifyBundle(this.rootKey, header.trim().replace(/^FlyV1\s+/i, '')).map((v) => v.kid),
      );
      return kids.size === 1 ? this.state.token([...kids][0])?.id : undefined;
    } catch {
      return undefined;
    }
  }

  /** Would Fly accept this Authorization header for this request now? (For tests.) */
  accepts(header: string, request: AcceptsRequest = {}): boolean {
    const auth = this.authenticator.authenticate(header);
    if (!auth.ok) return false;
    const app = request.app === undefined ? undefined : this.state.apps.get(request.app);
    if (request.app !== undefined && !app) throw new Error(`no app ${request.app}`);
    const org =
      request.org !== undefined ? this.state.orgBySlug(request.org) : app && this.state.orgs.get(app.orgId);
    if (request.org !== undefined && !org) throw new Error(`no organization ${request.org}`);
    const action = typeof request.action === 'number' ? request.action : Action[request.action ?? 'read'];
    const now = request.now === undefined ? undefined : Math.floor(Number(request.now) / 1000);
    const q: AccessQuery = {
      orgId: org?.internalNumericId,
      appId: app?.internalNumericId,
      action,
      mutation: request.mutation,
      command: request.command,
      feature: request.feature,
      cluster: request.cluster,
      machine: request.machine,
      now,
    };
    return this.authenticator.authorize(auth.principal, q);
  }

  /** ci@example.com in org `acme` with apps `acme-web` and `acme-api`; returns that user's auth token. */
  seedDemo(): string {
    this.addOrg('acme', { name: 'Acme Corp' });
    this.addApp('acme-web', 'acme');
    this.addApp('acme-api', 'acme');
    return this.addUser('ci@example.com', { orgs: ['acme'] }).authToken;
  }

  private route(req: IncomingMessage, raw: string): Routed {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/graphql' && method === 'POST') return this.routeGraphQL(req, raw);
    const machines = routeMachines(this, method, path, req.headers.authorization, raw);
    if (machines) return machines;
    return { operation: 'notFound', run: () => ({ status: 404, body: { error: 'Not Found' } }) };
  }

  private routeGraphQL(req: IncomingMessage, raw: string): Routed {
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(raw);
    } catch {
      return {
        operation: 'graphql',
        run: () => ({ status: 400, body: { errors: [{ message: 'Invalid JSON body' }] } }),
      };
    }
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const query = check(typeof body?.query === 'string' ? body.query : '');
    const names = query.doc ? fieldNames(query.doc, operationName) : [];
    return {
      operation: names.length > 0 ? names.join('+') : 'graphql',
      body,
      run: () => this.runGraphQL(query, body.variables, operationName, req.headers.authorization),
    };
  }

  private async runGraphQL(
    { doc, errors }: Checked,
    variables: unknown,
    operationName: string | undefined,
    authorization: string | undefined,
  ): Promise<Reply> {
    if (!doc || errors) return { status: 200, body: { errors } };
    const ctx: Ctx = {
      state: this.state,
      rootKey: this.rootKey,
      now: () => this.now(),
      auth: this.authenticator.authenticate(authorization),
      authenticator: this.authenticator,
      pageSize: this.pageSize,
    };
    const result = await execute({
      schema,
      document: doc,
      rootValue,
      contextValue: ctx,
      variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
      operationName,
    });
    return { status: 200, body: result };
  }
}

export async function startFlyEmulator(opts: FlyEmulatorOptions = {}): Promise<FlyEmulator> {
  const emu = new FlyEmulator(opts);
  await emu.server.listen();
  return emu;
}
