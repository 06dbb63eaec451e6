// Turns an HTTP request into a Routed operation for EmulatorServer: matches the OpenAPI path templates
// (also under the GHES-style /api/v3 prefix), authenticates, counts the rate limit, runs the route's access
// check, validates the body against the OpenAPI subset and then the handler.
import type { IncomingMessage } from 'node:http';
import type { Reply, Routed } from '../http.js';
import { authenticate, credentialHeaders, type JwtVerifier, type Need, type Principal } from './auth.js';
import {
  BodyValidator,
  compileTemplates,
  matchRoute,
  type OpenApiSubset,
  type SubsetOperation,
} from './openapi.js';
import { errorReply, GitHubError, RateLimiter, standardHeaders } from './responses.js';
import type { GitHubState } from './state.js';

export interface RouteContext {
  state: GitHubState;
  operation: string;
  op: SubsetOperation;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  principal: Principal;
  /** The route's need, with `enabledForGitHubApps` filled in from the OpenAPI subset. */
  need: Need;
  /** Base URL of this emulator as the client addressed it (with /api/v3 when used), for `url` fields. */
  apiBase: string;
}

export interface Route<R = unknown> {
  operation: string;
  need?: Need;
  /** Resolves and authorizes the resource; throws GitHubError. Runs before body validation, like GitHub. */
  access: (ctx: RouteContext) => R;
  handle: (ctx: RouteContext, resource: R) => Reply | Promise<Reply>;
}

/** Erases the resource type so routes of different kinds fit in one table. */
export function route<R>(r: Route<R>): Route {
  return r as unknown as Route;
}

const GHES_PREFIX = '/api/v3';

const LIMITS: Record<string, number> = { pat: 5000, 'fine-grained': 5000, installation: 5000, actions: 1000 };

/** GitHub's hourly primary rate limit for a kind of token. */
export function rateLimitFor(kind: string): number {
  return LIMITS[kind] ?? 5000;
}

export class Router {
  private readonly templates;
  private readonly validator;
  private readonly routes = new Map<string, Route>();
  readonly rateLimits = new RateLimiter();
  jwtVerifier?: JwtVerifier;

  constructor(
    private readonly state: GitHubState,
    private readonly subset: OpenApiSubset,
    routes: Route[],
    served: readonly string[],
  ) {
    for (const r of routes) this.routes.set(r.operation, r);
    const problems = served.filter((id) => !this.routes.has(id) || !subset.operations[id]);
    if (problems.length) {
      throw new Error(`served operations without a handler or OpenAPI entry: ${problems.join(', ')}`);
    }
    this.templates = compileTemplates({
      ...subset,
      operations: Object.fromEntries(served.map((id) => [id, subset.operations[id]])),
    });
    this.validator = new BodyValidator(subset);
  }

  dispatch = (req: IncomingMessage, raw: string): Routed => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const ghes = url.pathname === GHES_PREFIX || url.pathname.startsWith(`${GHES_PREFIX}/`);
    const path = (ghes ? url.pathname.slice(GHES_PREFIX.length) : url.pathname).replace(/(.)\/+$/, '$1');
    const method = (req.method ?? 'GET').toUpperCase();
    const match = matchRoute(this.templates, method, path);
    let body: unknown;
    let parseError = false;
    if (raw.trim()) {
      try {
        body = JSON.parse(raw);
      } catch {
        parseError = true;
      }
    }
    if (!match) {
      return {
        operation: 'unknown',
        body,
        run: () => this.finish(errorReply(404, 'Not Found'), req, undefined),
      };
    }
    const route = this.routes.get(match.operation)!;
    const op = this.subset.operations[match.operation];
    const host = req.headers.host ?? '127.0.0.1';
    const ctxBase = {
      state: this.state,
      operation: match.operation,
      op,
      params: match.params,
      query: url.searchParams,
      body,
      need: { ...route.need, enabledForGitHubApps: op.enabledForGitHubApps },
      apiBase: `http://${host}${ghes ? GHES_PREFIX : ''}`,
    };
    return {
      operation: match.operation,
      body,
      run: async () => {
        const principal = authenticate(req.headers, this.state, this.jwtVerifier);
        const ctx: RouteContext = { ...ctxBase, principal };
        const limited = this.rateLimit(principal);
        if (limited.exceeded) {
          return this.finish(
            errorReply(
              403,
              'API rate limit exceeded for this credential.',
              'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
            ),
            req,
            ctx,
            limited.headers,
          );
        }
        try {
          if (parseError) throw new GitHubError(400, 'Problems parsing JSON');
          const resource = route.access(ctx);
          const invalid = this.validator.check(match.operation, body);
          if (invalid) throw new GitHubError(422, invalid);
          return this.finish(await route.handle(ctx, resource), req, ctx, limited.headers);
        } catch (err) {
          if (!(err instanceof GitHubError)) throw err;
          const reply = errorReply(err.status, err.message, op.docs, err.headers);
          return this.finish(reply, req, ctx, limited.headers);
        }
      },
    };
  };

  private rateLimit(p: Principal): { headers: Record<string, string>; exceeded: boolean } {
    if (p.kind === 'token') return this.rateLimits.take(`token:${p.token}`, rateLimitFor(p.grant.kind));
    if (p.kind === 'app') return this.rateLimits.take(`app:${p.appId}`, 5000);
    return this.rateLimits.take('anonymous', 60);
  }

  private finish(reply: Reply, _req: IncomingMessage, ctx?: RouteContext, limit = {}): Reply {
    const cred = ctx ? credentialHeaders(ctx.principal, ctx.need) : {};
    return { ...reply, headers: { ...standardHeaders(), ...limit, ...cred, ...reply.headers } };
  }
}
