import { ApiError, errorMessage } from './errors.js';
import type { Log, TokenIssuer } from './interfaces.js';
import { managedTokens } from './rotate.js';

export type RevokeOutcome = 'revoked' | 'would revoke' | 'already revoked' | 'unknown' | 'refused' | 'failed';
export type RevokeReport = { id: string; name?: string; outcome: RevokeOutcome; detail?: string }[];

/**
 * Revokes tokens by id, each reported on its own. The token that targets hold now (the newest managed one)
 * is refused unless `force`, since revoking it breaks every job that reads the secret until the next rotation.
 */
export async function revokeTokens(
  ids: string[],
  issuer: TokenIssuer,
  /** forceHint: how to override a refusal, in the caller's words (the CLI says --force). */
  opts: { managedName: string; force: boolean; dryRun?: boolean; forceHint?: string },
  log: Log,
): Promise<RevokeReport> {
  const tokens = await issuer.list();
  const byId = new Map(tokens.map((t) => [t.id, t]));
  const current = managedTokens(tokens, opts.managedName).at(-1);
  return Promise.all(
    ids.map(async (id): Promise<RevokeReport[number]> => {
      const t = byId.get(id);
      if (!t) return { id, outcome: 'unknown', detail: `no token with this id in ${issuer.scope}` };
      if (t.revokedAt) return { id, name: t.name, outcome: 'already revoked', detail: t.revokedAt };
      if (current?.id === id && !opts.force) {
        return {
          id,
          name: t.name,
          outcome: 'refused',
          detail: `the secret holds this token now; ${opts.forceHint ?? 'set force: true to revoke it anyway'}`,
        };
      }
      if (opts.dryRun) return { id, name: t.name, outcome: 'would revoke' };
      try {
        await issuer.revoke(id);
        log.info(`Revoked ${id} (${t.name}).`);
        return { id, name: t.name, outcome: 'revoked' };
      } catch (err) {
        // Revoked by someone else between our listing and our call: Fly answers NOT_FOUND. Say so if the list agrees.
        if (err instanceof ApiError && err.code === 'NOT_FOUND') {
          const now = (await issuer.list().catch(() => [])).find((x) => x.id === id);
          if (now?.revokedAt) return { id, name: t.name, outcome: 'already revoked', detail: now.revokedAt };
        }
        return { id, name: t.name, outcome: 'failed', detail: errorMessage(err) };
      }
    }),
  );
}
