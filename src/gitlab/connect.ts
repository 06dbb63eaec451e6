// GitLab's client (API v4, PRIVATE-TOKEN) and writer for a run (see ./store.ts).
import type { ConnectContext, ConnectedStore } from '../core/store.js';
import { RestClient } from '../net/rest.js';
import { apiBaseUrl } from '../net/url.js';
import type { GitLabTargetSpec } from './spec.js';
import { GitLabWriter } from './writer.js';

export interface Credentials {
  url: string;
  token: string;
}

export function connect(credentials: unknown, ctx: ConnectContext): ConnectedStore<GitLabTargetSpec> {
  const given = credentials as Credentials | undefined;
  const api =
    given &&
    new RestClient({
      timeoutMs: ctx.timeoutMs,
      retryBaseMs: ctx.retryBaseMs,
      signal: ctx.signals.run,
      baseUrl: `${apiBaseUrl(given.url, 'gitlab-url')}/api/v4`,
      auth: ['private-token', given.token],
      service: 'gitlab',
      serviceName: 'GitLab',
    });
  return {
    canRead: Boolean(api),
    writer: (targets) => {
      // Inputs reading refuses a rotation without the token, so this is a bug guard.
      if (!api) throw new Error('no gitlab-token was given for targets that need it');
      return new GitLabWriter(targets, api, (message) => ctx.log.warning(message));
    },
  };
}
