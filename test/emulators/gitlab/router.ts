// Turns an HTTP request under /api/v4 into a Routed operation for EmulatorServer. `:id` is one path segment:
// a numeric id or the URL-encoded full path (`acme%2Fweb`), as GitLab requires. Access is checked before
// parameters, as GitLab's `before` blocks run ahead of Grape's validation.
import type { IncomingMessage } from 'node:http';
import type { Reply, Routed } from '../http.js';
import { authenticate, ownerAccess } from './auth.js';
import { Declared, readParams } from './params.js';
import { GitLabError, reply } from './responses.js';
import type { GitLabState, OwnerKind, Role, TokenRecord } from './state.js';
import { createVariable, deleteVariable, getVariable, listVariables, updateVariable } from './variables.js';

export const API_PREFIX = '/api/v4';

interface Context {
  state: GitLabState;
  token: TokenRecord;
  segments: string[];
  params: Declared;
  url: URL;
}

interface Route {
  method: string;
  /** Literal segments, or `:id` / `:key` placeholders; `:kind` is `projects` or `groups`. */
  pattern: string[];
  operation: (segments: string[]) => string;
  handle: (c: Context) => Reply;
}

/** Variables need the Maintainer role on a project and the Owner role on a group. */
const MINIMUM_ROLE: Record<OwnerKind, Role> = { project: 'maintainer', group: 'owner' };

const kindOf = (segment: string): OwnerKind => (segment === 'projects' ? 'project' : 'group');
const variablesOp = (s: string[], action: string) => `${kindOf(s[0])}-variables/${action}`;

function owner(c: Context) {
  const kind = kindOf(c.segments[0]);
  return ownerAccess(c.state, c.token, kind, c.segments[1], MINIMUM_ROLE[kind]);
}

const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: ['version'],
    operation: () => 'version',
    handle: ({ state }) =>
      reply(200, {
        version: state.version,
        revision: '6d8a4a5e1b2',
        kas: { enabled: false },
        enterprise: true,
      }),
  },
  {
    method: 'GET',
    pattern: ['personal_access_tokens', 'self'],
    operation: () => 'personal-access-tokens/self',
    handle: ({ token }) =>
      reply(200, {
        id: token.id,
        name: token.name ?? 'token',
        revoked: false,
        created_at: token.createdAt,
        description: null,
        scopes: token.scopes,
        user_id: token.userId,
        last_used_at: new Date().toISOString(),
        active: true,
        expires_at: token.expiresAt ? new Date(token.expiresAt).toISOString().slice(0, 10) : null,
      }),
  },
  {
    method: 'GET',
    pattern: [':kind', ':id', 'variables'],
    operation: (s) => variablesOp(s, 'list'),
    handle: (c) => listVariables(c.state, owner(c), c.params, c.url),
  },
  {
    method: 'POST',
    pattern: [':kind', ':id', 'variables'],
    operation: (s) => variablesOp(s, 'create'),
    handle: (c) => createVariable(c.state, owner(c), c.params),
  },
  {
    method: 'GET',
    pattern: [':kind', ':id', 'variables', ':key'],
    operation: (s) => variablesOp(s, 'get'),
    handle: (c) => getVariable(c.state, owner(c), c.segments[3], c.params),
  },
  {
    method: 'PUT',
    pattern: [':kind', ':id', 'variables', ':key'],
    operation: (s) => variablesOp(s, 'update'),
    handle: (c) => updateVariable(c.state, owner(c), c.segments[3], c.params),
  },
  {
    method: 'DELETE',
    pattern: [':kind', ':id', 'variables', ':key'],
    operation: (s) => variablesOp(s, 'delete'),
    handle: (c) => deleteVariable(c.state, owner(c), c.segments[3], c.params),
  },
];

function matches(pattern: string[], segments: string[]): boolean {
  return (
    pattern.length === segments.length &&
    pattern.every((p, i) =>
      p === ':kind'
        ? segments[i] === 'projects' || segments[i] === 'groups'
        : p.startsWith(':') || p === segments[i],
    )
  );
}

/** Splits before decoding, so `acme%2Fweb` stays one segment. */
function segmentsOf(pathname: string): string[] | undefined {
  if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) return undefined;
  try {
    return pathname
      .slice(API_PREFIX.length + 1)
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/** The body as recorded: the variable's value is replaced, so request logs never hold a secret. */
function recordedBody(raw: string, contentType: string): unknown {
  if (!raw.trim()) return undefined;
  let body: unknown;
  try {
    body = /application\/x-www-form-urlencoded/i.test(contentType)
      ? Object.fromEntries(new URLSearchParams(raw))
      : JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (body && typeof body === 'object' && 'value' in body) return { ...body, value: '[redacted]' };
  return body;
}

export function router(state: GitLabState) {
  return (req: IncomingMessage, raw: string): Routed => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const contentType = String(req.headers['content-type'] ?? '');
    const body = recordedBody(raw, contentType);
    const segments = segmentsOf(url.pathname);
    const candidates = segments ? ROUTES.filter((r) => matches(r.pattern, segments)) : [];
    const route = candidates.find((r) => r.method === method);
    if (!segments || !route) {
      const status = candidates.length ? 405 : 404;
      return {
        operation: 'unknown',
        body,
        run: () => reply(status, { error: status === 405 ? '405 Not Allowed' : '404 Not Found' }),
      };
    }
    return {
      operation: route.operation(segments),
      body,
      run: () => {
        try {
          const token = authenticate(req.headers, method, state);
          const params = new Declared(readParams(url.searchParams, raw, contentType));
          return route.handle({ state, token, segments, params, url });
        } catch (err) {
          if (err instanceof GitLabError) return reply(err.status, err.body);
          throw err;
        }
      },
    };
  };
}
