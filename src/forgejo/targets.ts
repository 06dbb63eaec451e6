// One class per level of Forgejo Actions secret: repository, organization, and the token user's own. Each says
// where its secrets live, what the token needs for them (named in every error), how to prove before minting
// that a write will be allowed, and whether its secrets can be listed.
import { ApiError, statusOf } from '../core/errors.js';
import type { StoreTarget, WriteAnswer } from '../core/interfaces.js';
import type { RestClient, RestResponse } from '../net/rest.js';
import { explain, type Needs } from './errors.js';
import type { ForgejoTargetSpec } from './spec.js';

/**
 * Forgejo checks a token's scope by HTTP method alone, and no read call tells whether a token may write. A
 * DELETE runs the same scope and role checks as the PUT, and this name can never exist: every Forgejo and Gitea
 * release refuses names starting with a digit. So the DELETE removes nothing, and its 404 ("secret was not
 * found"), or 400 from a release that validates the name first, proves that the write would be allowed.
 */
const PROBE_NAME = '0_FLY_TOKEN_ROTATOR_WRITE_CHECK';
/** Forgejo's largest page by default; a smaller server limit only means more pages. */
const PAGE_SIZE = 50;
/** 5,000 secrets: past that the listing is not believed to end. */
const MAX_PAGES = 100;

const enc = encodeURIComponent;

/** The server a client talks to, for messages: its origin (the URL is the user's own input, parsed). */
function serverOf(client: RestClient): string {
  try {
    return `The Forgejo server ${new URL(client.options.baseUrl).origin}`;
  } catch {
    return 'The Forgejo server';
  }
}

/** Where a level keeps its secrets, and what its errors say. */
interface Level {
  /** "repository acme/web": the secrets' owner, for messages. */
  owner: string;
  /** "repo:acme/web": targets with the same scope share one access check and one listing per call. */
  scope: string;
  /** Route of the level's secrets, below /api/v1, already encoded. */
  base: string;
  hint: Needs;
}

/**
 * A Forgejo Actions secret of one level (the subclasses). Not GitHub's secret classes under other names: Forgejo
 * takes the value in clear over REST, proves write access with a probe and can only say whether a secret exists.
 */
export abstract class ForgejoSecret implements StoreTarget {
  readonly proof = 'none' as const;
  readonly label: string;
  readonly scope: string;
  protected readonly base: string;
  protected readonly owner: string;
  protected readonly hint: Needs;

  constructor(
    readonly secretName: string,
    level: Level,
  ) {
    this.label = `Forgejo secret ${secretName} of ${level.owner}`;
    this.scope = level.scope.toLowerCase();
    this.base = level.base;
    this.owner = level.owner;
    this.hint = level.hint;
  }

  /**
   * Proves, without writing, that the token may write here; throws an error naming what is missing. Returns a
   * warning when the server has no route to check with, so the write was not proved allowed.
   */
  async check(client: RestClient): Promise<string | undefined> {
    const [read, probe] = await Promise.allSettled([this.readAccess(client), this.probe(client)]);
    if (read.status === 'rejected') throw read.reason;
    if (probe.status === 'fulfilled') return undefined;
    const status = statusOf(probe.reason);
    if (status === 400 || status === 404) return undefined;
    // 405: a release without this DELETE route answers before any check, so it proves nothing either way.
    if (status === 405) {
      return (
        `${serverOf(client)} has no DELETE route for the secrets of ${this.owner} (HTTP 405), so whether the ` +
        'token may write them could not be checked before minting. A token without write access is refused ' +
        'only when the write is sent, after minting; the run then fails and keeps the previous token valid. ' +
        'Releases that can write secrets serve this DELETE with the PUT: a proxy in front of the server that ' +
        'refuses DELETE is the likely cause.'
      );
    }
    throw explain(probe.reason, `check that the token may write the secrets of ${this.owner}`, this.hint);
  }

  /** Writes the value in clear (Forgejo takes it over TLS and encrypts it at rest); 201 created, 204 updated. */
  async write(
    client: RestClient,
    value: string,
    signal?: AbortSignal,
    /** Receives every attempt's answer (the writer's facts for the rule of evidence). */
    answers?: WriteAnswer[],
  ): Promise<'created' | 'updated'> {
    const action = `write ${this.label}`;
    let status: number;
    try {
      ({ status } = await client.request({
        method: 'PUT',
        path: `${this.base}/${enc(this.secretName)}`,
        body: { data: value },
        context: action,
        signal,
        ...(answers ? { answers } : {}),
      }));
    } catch (err) {
      throw explain(err, action, this.hint);
    }
    if (status === 201) return 'created';
    if (status === 204) return 'updated';
    // A proxy's 200 or anything else proves nothing: the same as an answer lost.
    answers?.splice(-1, 1, { lost: 'bad-reply' });
    throw new ApiError(
      `Forgejo answered HTTP ${status} instead of 201 or 204 while trying to ${action}, so the write is not confirmed.`,
      'forgejo',
    );
  }

  /**
   * Which of `wanted` (upper-case) exist, from the level's list of secrets, or undefined where Forgejo has no
   * list (the user's own secrets). Pages until every wanted name is found or the list ends.
   */
  async existing(client: RestClient, wanted: ReadonlySet<string>): Promise<Set<string> | undefined> {
    const found = new Set<string>();
    const action = `list the secrets of ${this.owner}`;
    let seen = 0;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await this.list(client, page, PAGE_SIZE, action);
      for (const name of res.names) if (wanted.has(name.toUpperCase())) found.add(name.toUpperCase());
      seen += res.names.length;
      const done = found.size === wanted.size || (res.total !== undefined && seen >= res.total);
      if (done || res.names.length === 0) return found;
    }
    throw new ApiError(
      `Forgejo kept answering pages of secrets of ${this.owner} past ${MAX_PAGES}.`,
      'forgejo',
    );
  }

  /** The read that proves the role (and read scope): the level's list, or GET /user. */
  protected async readAccess(client: RestClient): Promise<void> {
    await this.list(client, 1, 1, `read the secrets of ${this.owner}`);
  }

  private async probe(client: RestClient): Promise<void> {
    await client.request({
      method: 'DELETE',
      path: `${this.base}/${PROBE_NAME}`,
      context: `check that the token may write the secrets of ${this.owner}`,
    });
  }

  private async list(client: RestClient, page: number, limit: number, action: string) {
    let res: RestResponse;
    try {
      res = await client.request({
        method: 'GET',
        path: `${this.base}?page=${page}&limit=${limit}`,
        context: action,
      });
    } catch (err) {
      throw explain(err, action, this.hint);
    }
    const items = res.data;
    if (!Array.isArray(items) || !items.every((s) => typeof (s as { name?: unknown })?.name === 'string')) {
      throw new ApiError(
        `Forgejo sent an answer that is not a list of secrets while trying to ${action}.`,
        'forgejo',
      );
    }
    const header = res.headers.get('x-total-count');
    const total = header === null ? undefined : Number(header);
    return {
      names: items.map((s: { name: string }) => s.name),
      total: total !== undefined && Number.isSafeInteger(total) && total >= 0 ? total : undefined,
    };
  }
}

export class ForgejoRepoSecret extends ForgejoSecret {
  constructor(
    readonly repoOwner: string,
    readonly repo: string,
    secretName: string,
  ) {
    const full = `${repoOwner}/${repo}`;
    super(secretName, {
      owner: `repository ${full}`,
      scope: `repo:${full}`,
      base: `/repos/${enc(repoOwner)}/${enc(repo)}/actions/secrets`,
      hint: {
        needs:
          `the write:repository scope, and its user must own ${full}: be its owner, an owner of its ` +
          'organization or in a team with administrator access to it (a collaborator, even an administrator, is not enough)',
        missing: `The repository ${full} must exist, be visible to the token's user and have Actions enabled`,
      },
    });
  }
}

export class ForgejoOrgSecret extends ForgejoSecret {
  constructor(
    readonly org: string,
    secretName: string,
  ) {
    super(secretName, {
      owner: `organization ${org}`,
      scope: `org:${org}`,
      base: `/orgs/${enc(org)}/actions/secrets`,
      hint: {
        needs: `the write:organization scope, and its user must be an owner of organization ${org}`,
        missing: `The organization ${org} must exist (a user's name is not an organization)`,
      },
    });
  }
}

/** A Forgejo login as the API may send it; anything else is not believed. */
const LOGIN = /^[\w.-]{1,100}$/;

/** The token's own user's secret: Forgejo writes it for whoever the token belongs to. */
export class ForgejoUserSecret extends ForgejoSecret {
  constructor(
    readonly user: string,
    secretName: string,
  ) {
    super(secretName, {
      owner: `user ${user}`,
      scope: `user:${user}`,
      base: '/user/actions/secrets',
      hint: {
        needs: `the write:user scope, and must belong to user ${user}`,
        missing:
          "This instance has no API for a user's own Actions secrets (older Forgejo and Gitea releases lack it)",
      },
    });
  }

  /** Forgejo lists no user secrets. */
  override async existing(): Promise<undefined> {
    return undefined;
  }

  /** GET /user (read:user, which write:user includes): the write goes to this user, so it must be spec.user. */
  protected override async readAccess(client: RestClient): Promise<void> {
    const action = "read the token's user";
    let login: unknown;
    try {
      login = (
        (await client.request({ method: 'GET', path: '/user', context: action })).data as { login?: unknown }
      )?.login;
    } catch (err) {
      throw explain(err, action, this.hint);
    }
    if (typeof login !== 'string' || !LOGIN.test(login)) {
      throw new ApiError(
        `Forgejo sent an answer without a valid login while trying to ${action}.`,
        'forgejo',
      );
    }
    // Forgejo compares user names without regard to case.
    if (login.toLowerCase() !== this.user.toLowerCase()) {
      throw new ApiError(
        `The Forgejo token belongs to user ${login}, not ${this.user}: a user's secrets are written with that ` +
          `user's own token, so ${this.label} needs a token of ${this.user}.`,
        'forgejo',
      );
    }
  }
}

/** The target for a validated spec. */
export function forgejoTarget(spec: ForgejoTargetSpec): ForgejoSecret {
  switch (spec.type) {
    case 'forgejo-repo':
      return new ForgejoRepoSecret(spec.owner, spec.repo, spec.secret);
    case 'forgejo-org':
      return new ForgejoOrgSecret(spec.org, spec.secret);
    case 'forgejo-user':
      return new ForgejoUserSecret(spec.user, spec.secret);
  }
}
