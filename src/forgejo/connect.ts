// Forgejo's client and writer for a run (see ./store.ts).
import type { ConnectContext, ConnectedStore } from '../core/store.js';
import { forgejoClient } from './client.js';
import type { ForgejoTargetSpec } from './spec.js';
import { ForgejoWriter } from './writer.js';

export interface Credentials {
  url: string;
  token: string;
}

export function connect(credentials: unknown, ctx: ConnectContext): ConnectedStore<ForgejoTargetSpec> {
  const given = credentials as Credentials | undefined;
  const api =
    given &&
    forgejoClient({
      timeoutMs: ctx.timeoutMs,
      retryBaseMs: ctx.retryBaseMs,
      signal: ctx.signals.run,
      url: given.url,
      token: given.token,
    });
  return {
    canRead: Boolean(api),
    writer: (targets) => {
      // Inputs reading refuses a rotation without the token, so this is a bug guard.
      if (!api) throw new Error('no forgejo-token was given for targets that need it');
      return new ForgejoWriter(targets, api, (message) => ctx.log.warning(message));
    },
  };
}
