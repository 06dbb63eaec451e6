import { ApiError, errorMessage } from './errors.js';
import { type Holding, heldIds } from './holdings.js';
import type { FlyToken, Log, TokenIssuer } from './interfaces.js';
import type { ManagedNames } from './names.js';
import { allManaged, managedTokens } from './sweep.js';

export type RevokeOutcome = 'revoked' | 'would revoke' | 'already revoked' | 'unknown' | 'refused' | 'failed';
export type RevokeReport = { id: string; name?: string; outcome: RevokeOutcome; detail?: string }[];

/** Reads which token each target holds, given every managed token of the scope (see ./holdings.ts). */
export type HoldingsReader = (managed: FlyToken[]) => Promise<Holding[]>;

/**
 * Which valid tokens revoking would break, each with why: those some target may hold (naming the targets). When
 * the targets cannot be read (a credential missing, or a store failing) the run cannot tell, and says so.
 */
export async function protectedTokens(
  tokens: FlyToken[],
  managedName: ManagedNames,
  readHoldings: HoldingsReader | undefined,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!readHoldings) {
    const newest = managedTokens(tokens, managedName).at(-1);
    if (newest)
      out.set(
        newest.id,
        "without every target's credential the targets cannot be read, so the newest managed token is taken to be the one they hold",
      );
    return out;
  }
  try {
    const held = heldIds(await readHoldings(allManaged(tokens, managedName)));
    for (const [id, targets] of held) out.set(id, `held by ${targets.join(', ')}`);
  } catch (err) {
    for (const t of managedTokens(tokens, managedName))
      out.set(t.id, `the targets could not be read to tell which token they hold (${errorMessage(err)})`);
  }
  return out;
}

/**
 * Revokes tokens by id, each reported on its own. A token some target holds is refused unless `force`, since
 * revoking it breaks every job that reads the secret until the next rotation; any other (an orphan) is revoked.
 */
export async function revokeTokens(
  ids: string[],
  issuer: TokenIssuer,
  /** forceHint: how to override a refusal, in the caller's words (the CLI says --force). */
  opts: {
    managedName: ManagedNames;
    force: boolean;
    dryRun?: boolean;
    holdings?: HoldingsReader;
    forceHint?: string;
  },
  log: Log,
): Promise<RevokeReport> {
  const tokens = await issuer.list();
  const byId = new Map(tokens.map((t) => [t.id, t]));
  const guarded = await protectedTokens(tokens, opts.managedName, opts.holdings);
  return Promise.all(
    ids.map(async (id): Promise<RevokeReport[number]> => {
      const t = byId.get(id);
      if (!t) return { id, outcome: 'unknown', detail: `no token with this id in ${issuer.scope}` };
      if (t.revokedAt) return { id, name: t.name, outcome: 'already revoked', detail: t.revokedAt };
      const why = guarded.get(id);
      if (why && !opts.force) {
        return {
          id,
          name: t.name,
          outcome: 'refused',
          detail: `${why}; ${opts.forceHint ?? 'set force: true to revoke it anyway'}`,
        };
      }
      return opts.dryRun ? { id, name: t.name, outcome: 'would revoke' } : revokeListed(t, issuer, log);
    }),
  );
}

/**
 * Revokes one token of the listing, past every check: revoked, already revoked (by someone else since the
 * listing), or failed. Modes revoke and revoke-all both end here.
 */
export async function revokeListed(
  t: FlyToken,
  issuer: TokenIssuer,
  log: Log,
): Promise<RevokeReport[number]> {
  try {
    await issuer.revoke(t.id);
    log.info(`Revoked ${t.id} (${t.name}).`);
    return { id: t.id, name: t.name, outcome: 'revoked' };
  } catch (err) {
    // Revoked by someone else between our listing and our call: Fly answers NOT_FOUND. Say so if the list agrees.
    if (err instanceof ApiError && err.code === 'NOT_FOUND') {
      const now = (await issuer.list().catch(() => [])).find((x) => x.id === t.id);
      if (now?.revokedAt)
        return { id: t.id, name: t.name, outcome: 'already revoked', detail: now.revokedAt };
    }
    return { id: t.id, name: t.name, outcome: 'failed', detail: errorMessage(err) };
  }
}
