// Which GitHub client writes which target: one client for a github-token, or, with built-in GitHub App auth, one
// installation token per target owner, limited to what this run needs and revoked when the run ends.
import type { createAppAuth } from '@octokit/auth-app';
import { ApiError, errorMessage, InputError, statusOf } from '../core/errors.js';
import { githubError } from './errors.js';
import type { GitHub, GitHubOptions } from './octokit.js';
import {
  type AccessNeeds,
  APP_CANNOT_WRITE,
  accessNeeds,
  mergePermissions,
  REQUESTABLE,
  targetKind,
} from './permissions.js';
import type { GitHubAppCredentials, GitHubTargetSpec } from './spec.js';
import { secretTarget, targetOwner } from './targets.js';

export type ClientOptions = Omit<GitHubOptions, 'token'> & {
  log: { warning(message: string): void; mask(value: string): void };
};

/**
 * The client module (@actions/github, octokit and its plugins) loads with the first GitHub client, not with
 * the bundle: a plan run or a refused input never needs it.
 */
async function createGitHub(options: GitHubOptions): Promise<GitHub> {
  return (await import('./octokit.js')).createGitHub(options);
}

export interface GitHubAccess {
  /** The client that writes targets owned by `owner`. */
  client(owner: string): Promise<GitHub>;
  /** Revokes every token minted for this run; never throws. */
  close(): Promise<void>;
}

export function tokenAccess(token: string, options: ClientOptions): GitHubAccess {
  let gh: Promise<GitHub> | undefined;
  return {
    client: async () => {
      gh ??= createGitHub({ ...options, token });
      return gh;
    },
    close: async () => {},
  };
}

/** What each owner's installation token must cover, over every target of the run. */
export function needsByOwner(
  targets: GitHubTargetSpec[],
): Map<string, AccessNeeds & { owner: string; repo?: string }> {
  const byOwner = new Map<string, AccessNeeds & { owner: string; repo?: string }>();
  for (const t of targets) {
    const owner = targetOwner(t);
    const key = owner.toLowerCase();
    const entry = byOwner.get(key) ?? { owner, repositories: [], permissions: {} };
    const need = accessNeeds(t);
    for (const r of need.repositories) {
      if (!entry.repositories.some((x) => x.toLowerCase() === r.toLowerCase())) entry.repositories.push(r);
    }
    mergePermissions(entry.permissions, need.permissions);
    if (t.type !== 'organization') entry.repo ??= t.repo;
    byOwner.set(key, entry);
  }
  return byOwner;
}

export function appAccess(
  app: GitHubAppCredentials,
  targets: GitHubTargetSpec[],
  options: ClientOptions,
): GitHubAccess {
  const refused = targets.filter((t) => APP_CANNOT_WRITE.has(targetKind(t)));
  if (refused.length) {
    throw new InputError(
      `A GitHub App cannot write ${refused.map((t) => secretTarget(t).label).join('; ')}: GitHub does not let ` +
        'GitHub Apps read Codespaces public keys. Write Codespaces targets with github-token (a fine-grained PAT ' +
        'with Codespaces secrets: read and write), in a separate step or config run.',
    );
  }
  const needs = needsByOwner(targets);
  const appId = /^\d+$/.test(app.appId) ? Number(app.appId) : app.appId;
  // Loaded with the first App client, like the client module: a run with a github-token never needs it.
  let auth: Promise<ReturnType<typeof createAppAuth>> | undefined;
  const clients = new Map<string, Promise<GitHub>>();
  const minted: GitHub[] = [];
  const what = `GitHub App ${app.appId}`;

  async function appClient(): Promise<GitHub> {
    // A fresh JWT per use: GitHub refuses JWTs older than ten minutes and a run can outlast one.
    auth ??= import('@octokit/auth-app').then((m) => m.createAppAuth({ appId, privateKey: app.privateKey }));
    const { token } = await (await auth)({ type: 'app' });
    options.log.mask(token);
    return createGitHub({ ...options, token });
  }

  async function installationId(gh: GitHub, need: { owner: string; repo?: string }): Promise<number> {
    const where = need.repo ? `${need.owner}/${need.repo}` : need.owner;
    try {
      const res = need.repo
        ? await gh.request('GET /repos/{owner}/{repo}/installation', { owner: need.owner, repo: need.repo })
        : await gh.request('GET /orgs/{org}/installation', { org: need.owner });
      return res.data.id;
    } catch (err) {
      throw appError(err, where);
    }
  }

  function appError(err: unknown, where: string): ApiError {
    const status = statusOf(err);
    if (status === 401) {
      return new ApiError(
        `GitHub rejected the JWT of ${what} (401 ${errorMessage(err)}): github-app-private-key is not a key of app ${app.appId}, ` +
          'or github-app-id is wrong. Generate a private key in the app settings and use it with the app id (or client id) shown there.',
        'github',
        401,
      );
    }
    if (status === 404) {
      return new ApiError(
        `${what} is not installed on ${where}. Install the app on the ${where.includes('/') ? 'repository' : 'organization'} ` +
          '(Settings › GitHub Apps › Configure) with access to every target repository.',
        'github',
        404,
      );
    }
    return githubError(err, `find the installation of ${what} on ${where}`, 'a GitHub App installation');
  }

  async function installationClient(owner: string): Promise<GitHub> {
    const need = needs.get(owner.toLowerCase());
    if (!need) throw new Error(`no target is owned by ${owner}`);
    const gh = await appClient();
    const id = await installationId(gh, need);
    const requestable = Object.keys(need.permissions).every((p) => REQUESTABLE.has(p));
    const body = {
      ...(need.repositories.length ? { repositories: need.repositories } : {}),
      ...(requestable ? { permissions: need.permissions } : {}),
    };
    let token: string;
    try {
      const res = await gh.request('POST /app/installations/{installation_id}/access_tokens', {
        installation_id: id,
        ...body,
      });
      token = res.data.token;
    } catch (err) {
      const status = statusOf(err);
      if (status === 422) {
        const perms = Object.entries(need.permissions)
          .map(([p, level]) => `${p}: ${level}`)
          .join(', ');
        const repos = need.repositories.length ? ` on repositories ${need.repositories.join(', ')}` : '';
        throw new ApiError(
          `${what} cannot get a token for ${need.owner} (${errorMessage(err)}). Its installation on ${need.owner} needs ` +
            `the permissions ${perms}${repos}; change the app's permissions (and accept them on the installation) or its repository access.`,
          'github',
          422,
        );
      }
      throw appError(err, need.owner);
    }
    options.log.mask(token);
    const client = await createGitHub({ ...options, token });
    minted.push(client);
    return client;
  }

  return {
    client(owner) {
      const key = owner.toLowerCase();
      let client = clients.get(key);
      if (!client) {
        client = installationClient(owner);
        clients.set(key, client);
      }
      return client;
    },
    async close() {
      // Installation tokens live an hour; revoking them now leaves nothing usable behind the run. A failed
      // plan can end the run while another owner's token is still being minted: wait for it too.
      await Promise.allSettled(clients.values());
      await Promise.all(
        minted.map(async (gh) => {
          try {
            await gh.request('DELETE /installation/token');
          } catch (err) {
            options.log.warning(
              `Could not revoke an installation token of ${what} (it expires within an hour): ${errorMessage(err)}`,
            );
          }
        }),
      );
      minted.length = 0;
    },
  };
}
