import { withRunSignal } from '../core/budget.js';
import { ApiError, errorMessage, TransientError } from '../core/errors.js';
import type { FlyToken, MintedToken } from '../core/interfaces.js';
import { apiFetch, TransportError } from '../net/fetch.js';
import { type ClientOptions, withRetries } from '../net/rest.js';
import { authorizationHeader } from './auth.js';
import { flyGraphQLError, flyHttpError, type GraphQLErrorBody } from './errors.js';
import * as ops from './operations.js';

export interface FlyApp {
  id: string;
  numericId: number;
  name: string;
  org: FlyOrg;
}

export interface FlyOrg {
  id: string;
  numericId: number;
  slug: string;
}

export type TokenScope = { app: string } | { org: string };

export interface FlyClientOptions extends ClientOptions {
  baseUrl: string;
  token: string;
  userAgent?: string;
}

/** Fly's GraphQL API: the handful of calls token rotation needs, nothing more. */
export class FlyClient {
  private readonly auth: string;
  /** Requests sent, for benchmarks and the summary. */
  requests = 0;

  constructor(private readonly options: FlyClientOptions) {
    this.auth = authorizationHeader(options.token);
  }

  /** The same API with another credential: used to prove a freshly minted token works. */
  as(token: string): FlyClient {
    return new FlyClient({ ...this.options, token });
  }

  async getApp(name: string): Promise<FlyApp> {
    const data = await this.graphql<{ app: RawApp | null }>(ops.GET_APP, { name }, `look up app "${name}"`);
    if (!data.app)
      throw new ApiError(
        `Fly app "${name}" was not found, or fly-api-token cannot see it.`,
        'fly',
        200,
        'NOT_FOUND',
      );
    const a = data.app;
    return {
      id: a.id,
      numericId: Number(a.internalNumericId),
      name: a.name,
      org: {
        id: a.organization.id,
        numericId: Number(a.organization.internalNumericId),
        slug: a.organization.slug,
      },
    };
  }

  async getOrganization(slug: string): Promise<FlyOrg> {
    const data = await this.graphql<{ organization: RawOrg | null }>(
      ops.GET_ORG,
      { slug },
      `look up organization "${slug}"`,
    );
    if (!data.organization) {
      throw new ApiError(
        `Fly organization "${slug}" was not found, or fly-api-token cannot see it.`,
        'fly',
        200,
        'NOT_FOUND',
      );
    }
    const o = data.organization;
    return { id: o.id, numericId: Number(o.internalNumericId), slug: o.slug };
  }

  /**
   * Not idempotent: never retried here. A lost answer leaves a token that the next run's sweep revokes.
   * `deadline` cuts the request earlier than the run's end, leaving time to list and revoke what it created.
   */
  async createToken(
    input: {
      name: string;
      organizationId: string;
      profile: string;
      profileParams: Record<string, unknown>;
      expiry: string;
    },
    deadline?: AbortSignal,
  ): Promise<MintedToken> {
    const data = await this.graphql<{
      createLimitedAccessToken: { limitedAccessToken: RawToken & { tokenHeader: string } };
    }>(ops.CREATE_TOKEN, { input }, 'create a token', false, deadline);
    const t = data.createLimitedAccessToken.limitedAccessToken;
    if (!t.tokenHeader) throw new ApiError('Fly created a token but did not return its value.', 'fly');
    return { ...toToken(t), header: t.tokenHeader };
  }

  /** Every token of an app or organization, revoked ones included, following pagination. */
  async listTokens(scope: TokenScope): Promise<FlyToken[]> {
    const out: FlyToken[] = [];
    let after: string | null = null;
    const isApp = 'app' in scope;
    const what = isApp ? `list tokens of app "${scope.app}"` : `list tokens of organization "${scope.org}"`;
    for (let page = 0; page < 1000; page++) {
      const vars: Record<string, unknown> = isApp ? { name: scope.app, after } : { slug: scope.org, after };
      const data: Record<string, { limitedAccessTokens: RawConnection } | null> = await this.graphql(
        isApp ? ops.APP_TOKENS : ops.ORG_TOKENS,
        vars,
        what,
      );
      const owner: { limitedAccessTokens: RawConnection } | null = isApp ? data.app : data.organization;
      if (!owner) throw new ApiError(`Fly could not ${what}: not found.`, 'fly', 200, 'NOT_FOUND');
      const conn: RawConnection = owner.limitedAccessTokens;
      for (const n of conn.nodes) if (n) out.push(toToken(n));
      if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor) return out;
      after = conn.pageInfo.endCursor;
    }
    throw new ApiError(`Fly kept returning pages while trying to ${what}.`, 'fly');
  }

  /** Revoking twice is harmless, so this may be retried. */
  async revokeToken(id: string): Promise<void> {
    await this.graphql(ops.REVOKE_TOKEN, { input: { id } }, `revoke token ${id}`);
  }

  async graphql<T>(
    query: string,
    variables: Record<string, unknown>,
    context: string,
    idempotent = true,
    deadline?: AbortSignal,
  ): Promise<T> {
    return withRetries(() => this.once<T>(query, variables, context, deadline), {
      ...this.options,
      retries: idempotent ? this.options.retries : 0,
    });
  }

  private async once<T>(
    query: string,
    variables: Record<string, unknown>,
    context: string,
    deadline?: AbortSignal,
  ): Promise<T> {
    const doFetch = this.options.fetch ?? apiFetch;
    const run = this.options.signal;
    const signal = deadline && run ? AbortSignal.any([deadline, run]) : (deadline ?? run);
    this.requests++;
    let res: Response;
    let text: string;
    try {
      res = await doFetch(`${this.options.baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          authorization: this.auth,
          'content-type': 'application/json',
          accept: 'application/json',
          'user-agent': this.options.userAgent ?? 'fly-token-rotator',
        },
        body: JSON.stringify({ query, variables }),
        signal: withRunSignal(signal, this.options.timeoutMs ?? 30_000),
      });
      text = await res.text();
    } catch (err) {
      // A redirect or an oversized answer: the same call would meet the same refusal.
      if (err instanceof TransportError)
        throw new ApiError(`Fly API, trying to ${context}: ${err.message}`, 'fly');
      const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
      throw new TransientError(
        signal?.aborted
          ? `The run's timeout ran out while waiting for Fly to ${context}.`
          : timedOut
            ? `Fly API did not answer within ${this.options.timeoutMs ?? 30_000} ms while trying to ${context}.`
            : `Could not reach the Fly API while trying to ${context}: ${errorMessage((err as Error).cause ?? err)}`,
      );
    }
    // A 403 that says when to come back is rate limiting, not a refused credential.
    // 408: the server gave up waiting for the request; like a 5xx it may have been applied, and may be retried.
    if (
      res.status === 408 ||
      res.status === 429 ||
      res.status >= 500 ||
      (res.status === 403 && res.headers.has('retry-after'))
    ) {
      const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
      throw new TransientError(
        flyHttpError(res.status, text, context).message,
        Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
      );
    }
    let body: { data?: T; errors?: GraphQLErrorBody[] };
    try {
      body = JSON.parse(text);
    } catch {
      if (res.ok)
        throw new TransientError(`Fly API sent a reply that is not JSON while trying to ${context}.`);
      throw flyHttpError(res.status, text, context);
    }
    if (body.errors?.length) throw flyGraphQLError(body.errors, context);
    if (!res.ok) throw flyHttpError(res.status, text, context);
    if (!body.data) throw new TransientError(`Fly API sent no data while trying to ${context}.`);
    return body.data;
  }
}

interface RawOrg {
  id: string;
  internalNumericId: string | number;
  slug: string;
}
interface RawApp {
  id: string;
  internalNumericId: string | number;
  name: string;
  organization: RawOrg;
}
interface RawToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string | null;
  profile?: string;
}
interface RawConnection {
  nodes: (RawToken | null)[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function toToken(t: RawToken): FlyToken {
  return {
    id: t.id,
    name: t.name,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt ?? null,
    ...(t.profile ? { profile: t.profile } : {}),
  };
}
