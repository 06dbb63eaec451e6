// GitHub's clients (one per target owner, a token or a GitHub App) and writer for a run (see ./store.ts).
import type { ConnectContext, ConnectedStore } from '../core/store.js';
import { apiBaseUrl } from '../net/url.js';
import { appAccess, tokenAccess } from './auth.js';
import { type GitHubAppCredentials, type GitHubTargetSpec, isGitHubTarget } from './spec.js';
import { secretTarget, targetOwner } from './targets.js';
import { GitHubWriter } from './writer.js';

export type Credentials = { github: string; githubApp?: GitHubAppCredentials };

export function connect(credentials: unknown, ctx: ConnectContext): ConnectedStore<GitHubTargetSpec> {
  const given = (credentials ?? { github: '' }) as Credentials;
  const options = {
    baseUrl: apiBaseUrl(ctx.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'),
    pacing: ctx.env.FLY_TOKEN_ROTATOR_GITHUB_PACING !== 'off',
    timeoutMs: ctx.timeoutMs,
    retryBaseMs: ctx.retryBaseMs,
    signal: ctx.signals.run,
    log: { warning: ctx.log.warning, mask: ctx.log.mask ?? (() => {}) },
  };
  // With a GitHub App, each target owner gets its own installation token (GHES too: all follow GITHUB_API_URL).
  const app = given.githubApp;
  const targets = ctx.spec.rotations.flatMap((r) => r.targets).filter(isGitHubTarget);
  const access = app ? appAccess(app, targets, options) : tokenAccess(given.github, options);
  return {
    canRead: Boolean(given.github || app),
    writer: (specs) => {
      const pairs = specs.map((spec) => ({ spec, target: secretTarget(spec) }));
      const byTarget = new Map(pairs.map((p) => [p.target, p.spec]));
      return new GitHubWriter(
        pairs.map((p) => p.target),
        (target) => access.client(targetOwner(byTarget.get(target)!)),
      );
    },
    close: () => access.close(),
  };
}
