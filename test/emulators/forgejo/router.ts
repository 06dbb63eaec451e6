// Turns an HTTP request into a Routed operation for EmulatorServer: the API lives under /api/v1, a path with
// no route is a 404 and a route asked with another method a 405. Recorded bodies never hold a secret value:
// Forgejo takes it in clear, so `data` is replaced before the request is recorded.
import type { IncomingMessage } from 'node:http';
import type { Reply, Routed } from '../http.js';
import { authenticate, type Principal } from './auth.js';
import { errorReply, ForgejoError, notFound } from './responses.js';
import { ROUTES, type Route, type RouteContext } from './secrets.js';
import type { ForgejoState } from './state.js';

export const API_PREFIX = '/api/v1';

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): Compiled {
  const names: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

/** What the request log keeps of a body: the secret's length, never its value. */
function recordable(body: unknown): unknown {
  if (!body || typeof body !== 'object' || !('data' in body)) return body;
  const data = (body as { data: unknown }).data;
  return { ...body, data: typeof data === 'string' ? `<${data.length} characters>` : data };
}

export class Router {
  private readonly compiled: Compiled[];

  /** `deleteRoutes: false`: a release without the DELETE routes of secrets (a DELETE answers 405). */
  constructor(
    private readonly state: ForgejoState,
    opts: { deleteRoutes?: boolean } = {},
  ) {
    const routes = opts.deleteRoutes === false ? ROUTES.filter((r) => r.method !== 'DELETE') : ROUTES;
    this.compiled = routes.map(compile);
  }

  dispatch = (req: IncomingMessage, raw: string): Routed => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const swaggerUrl = `http://${req.headers.host ?? '127.0.0.1'}/api/swagger`;
    let body: unknown;
    let bodyError: string | undefined;
    const json = /json/i.test(req.headers['content-type'] ?? '');
    if (json && raw.trim()) {
      try {
        body = JSON.parse(raw);
      } catch (err) {
        bodyError = (err as Error).message;
      }
    }
    const path = url.pathname.startsWith(`${API_PREFIX}/`)
      ? url.pathname.slice(API_PREFIX.length)
      : undefined;
    const matches = path === undefined ? [] : this.compiled.filter((c) => c.pattern.test(path));
    const match = matches.find((c) => c.route.method === method);
    // An unknown token is refused before routing, so even a path with no route answers 401 for it.
    const answer = (fn: (principal: Principal) => Reply): Reply => {
      try {
        return fn(authenticate(req.headers, this.state));
      } catch (err) {
        if (err instanceof ForgejoError) return errorReply(err, swaggerUrl);
        throw err;
      }
    };
    if (!match) {
      return {
        operation: 'unknown',
        body: recordable(body),
        run: () =>
          answer(() => {
            if (matches.length) throw new ForgejoError(405, 'Method Not Allowed');
            throw notFound();
          }),
      };
    }
    const values = match.pattern.exec(path!)!.slice(1);
    const params = Object.fromEntries(match.names.map((n, i) => [n, decodeURIComponent(values[i])]));
    return {
      operation: match.route.operation,
      body: recordable(body),
      run: () =>
        answer((principal) => {
          const ctx: RouteContext = {
            state: this.state,
            principal,
            method,
            params,
            query: url.searchParams,
            body,
            bodyError,
          };
          return match.route.handle(ctx);
        }),
    };
  };
}
