// The rotation protocol: plan → create → store → verify → revoke. Everything it touches is behind two
// small interfaces (TokenIssuer for Fly, SecretWriter for the secrets, see ./interfaces.ts), so it can be
// read and tested on its own.
import { errorMessage, TransientError } from './errors.js';
import type { FlyToken, Log, MintedToken, SecretWriter, StoreOutcome, TokenIssuer } from './interfaces.js';

export interface RotationInput {
  tokenName: string;
  /** Go duration string sent to Fly, e.g. "168h0m0s". */
  expiry: string;
  /** How many of the newest previous managed tokens to leave valid for in-flight jobs. */
  keepPrevious: number;
  /**
   * Managed tokens younger than this are never revoked by this run: they may belong to a concurrent run whose
   * write has not landed yet. A later run revokes them. Default SWEEP_GRACE_MS.
   */
  sweepGraceMs?: number;
}

/** Longer than any run can take with its timeouts and retries. */
export const SWEEP_GRACE_MS = 15 * 60_000;

export interface RotationResult {
  token: FlyToken;
  stored: StoreOutcome[];
  verification: string;
  revoked: string[];
  kept: string[];
  /** Previous tokens too young to revoke safely (see sweepGraceMs); a later run revokes them. */
  deferred?: string[];
  /** Why revocation was skipped, when it was. */
  revocationSkipped?: string;
}

export class RotationError extends Error {
  override name = 'RotationError';
  constructor(
    message: string,
    readonly partial?: Partial<RotationResult>,
  ) {
    super(message);
  }
}

/** Managed tokens are recognised by name; this returns those still valid, oldest first. */
export function managedTokens(tokens: FlyToken[], name: string, now = Date.now()): FlyToken[] {
  return tokens
    .filter((t) => t.name === name && !t.revokedAt && Date.parse(t.expiresAt) > now)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * Which previous managed tokens (oldest first) a rotation revokes: all but the newest `keepPrevious`, and none
 * created within the grace period unless every target was written after it was created (`settledAt`: then the
 * run that minted it has finished writing and cannot overwrite ours later). Orphans of crashed runs are
 * previous tokens like any other, so they go too.
 */
export function choosePrevious(
  previous: FlyToken[],
  keepPrevious: number,
  graceMs: number,
  settledAt = 0,
  now = Date.now(),
): { doomed: FlyToken[]; kept: FlyToken[]; deferred: FlyToken[] } {
  const kept = keepPrevious > 0 ? previous.slice(-keepPrevious) : [];
  const rest = previous.filter((t) => !kept.includes(t));
  const created = (t: FlyToken) => Date.parse(t.createdAt);
  const young = (t: FlyToken) => graceMs > 0 && now - created(t) < graceMs && created(t) > settledAt;
  return { doomed: rest.filter((t) => !young(t)), kept, deferred: rest.filter(young) };
}

/**
 * When previous tokens are young, reads when every target was last written (alongside the mint, so it costs
 * no round trip) to tell a finished run's token from one whose run may still be writing.
 */
export function settledAt(before: FlyToken[], input: RotationInput, writer: SecretWriter): Promise<number> {
  const grace = input.sweepGraceMs ?? SWEEP_GRACE_MS;
  const anyYoung = choosePrevious(before, input.keepPrevious, grace).deferred.length > 0;
  return anyYoung ? writer.lastWritten().catch(() => 0) : Promise.resolve(0);
}

export async function rotate(
  input: RotationInput,
  issuer: TokenIssuer,
  writer: SecretWriter,
  log: Log,
): Promise<RotationResult> {
  // 1. Plan: ids, the managed tokens that exist now, and every public key, all at once.
  writer.warmUp();
  const [, before] = await log.group('Plan', () =>
    Promise.all([issuer.prepare(), issuer.list(), writer.prepare()]).then(([, tokens]) => {
      const managed = managedTokens(tokens, input.tokenName);
      log.info(`${managed.length} managed token(s) named "${input.tokenName}" in ${issuer.scope}.`);
      return [undefined, managed] as const;
    }),
  );

  // Must be read before this run writes anything.
  const settled = settledAt(before, input, writer);

  // 2. Create.
  const minted = await log.group('Create', async () => {
    const { token: t, lost } = await mintOnce(input, issuer, before, log);
    // Tokens whose value an ambiguous create lost are orphans: first in line for the sweep, never "kept".
    before.unshift(...lost);
    maskToken(t.header, log);
    log.info(`Minted token ${t.id}, expires ${t.expiresAt}.`);
    return t;
  });
  const token: FlyToken = {
    id: minted.id,
    name: minted.name,
    createdAt: minted.createdAt,
    expiresAt: minted.expiresAt,
    revokedAt: null,
  };

  // 3. Store, while 4. Verify and a fresh listing run alongside (they need only the new token).
  const [stored, verified, after] = await log.group('Store and verify', () =>
    Promise.all([writer.store(minted.header), settle(issuer.verify(minted.header)), settle(issuer.list())]),
  );
  for (const s of stored) {
    if (s.error) log.warning(`Could not write ${s.target.label}: ${s.error}`);
    else log.info(`Wrote ${s.target.label} (${s.result}).`);
  }
  const failed = stored.filter((s) => s.error);
  if (failed.length === stored.length && failed.some((f) => f.ambiguous)) {
    // A write may have landed even though its answer was lost: the new token may be in use, so it stays valid,
    // and so do the previous ones. The next run writes every target again and sweeps whichever is left over.
    throw new RotationError(
      `No target confirmed the write of the new token ${minted.id}, and at least one failure does not prove the write did not happen, ` +
        `so no token was revoked: every target holds either its previous token or ${minted.id}, both valid. ` +
        `Run again: the next run writes every target and revokes the rest. First error: ${failed[0].error}`,
      { token, stored },
    );
  }
  if (failed.length === stored.length) {
    // Nothing holds the new token: take it back, leaving every target and the old token as they were.
    const undo = await settle(issuer.revoke(minted.id));
    const fate = undo.ok
      ? `The new token ${minted.id} was revoked`
      : `Revoking the new token ${minted.id} also failed (${errorMessage(undo.error)}); the next run revokes it`;
    throw new RotationError(
      `No target could be written, so nothing changed: every target still holds its previous token. ${fate}. First error: ${failed[0].error}`,
      { token, stored },
    );
  }
  if (failed.length > 0) {
    throw new RotationError(
      `The new token ${minted.id} was written to ${stored.length - failed.length} of ${stored.length} targets; ` +
        `${failed.map((f) => f.target.label).join(', ')} still hold the previous token, so no token was revoked. ` +
        'Fix the error and run again: the next run writes every target and revokes the old tokens.',
      { token, stored },
    );
  }
  if (!verified.ok) {
    throw new RotationError(
      `The new token ${minted.id} is stored, but proving that Fly accepts it failed, so the previous token was kept: ${errorMessage(verified.error)}`,
      { token, stored },
    );
  }
  const verification = verified.value ?? 'accepted by Fly';

  // 5. Revoke what came before, newest kept for in-flight jobs; never a token that appeared during this run.
  return log.group('Revoke previous', async () => {
    const known = new Set(before.map((t) => t.id));
    const newer = after.ok
      ? managedTokens(after.value, input.tokenName).filter(
          (t) =>
            !known.has(t.id) && t.id !== minted.id && Date.parse(t.createdAt) >= Date.parse(minted.createdAt),
        )
      : [];
    if (!after.ok || newer.length > 0) {
      const why = !after.ok
        ? `the token list could not be read again (${errorMessage(after.error)})`
        : `another rotation minted ${newer.map((t) => t.id).join(', ')} after this one; it will revoke the older tokens`;
      log.warning(`Previous tokens left valid: ${why}.`);
      return {
        token,
        stored,
        verification,
        revoked: [],
        kept: before.map((t) => t.id),
        revocationSkipped: why,
      };
    }
    const stillValid = new Set(managedTokens(after.value, input.tokenName).map((t) => t.id));
    const previous = before.filter((t) => stillValid.has(t.id));
    const { doomed, kept, deferred } = choosePrevious(
      previous,
      input.keepPrevious,
      input.sweepGraceMs ?? SWEEP_GRACE_MS,
      await settled,
    );
    const results = await Promise.all(doomed.map((t) => settle(issuer.revoke(t.id))));
    const revoked: string[] = [];
    const failures: string[] = [];
    results.forEach((r, i) => {
      if (r.ok) revoked.push(doomed[i].id);
      else failures.push(`${doomed[i].id}: ${errorMessage(r.error)}`);
    });
    for (const id of revoked) log.info(`Revoked previous token ${id}.`);
    for (const t of kept) log.info(`Kept previous token ${t.id} (keep-previous).`);
    for (const t of deferred) {
      log.info(
        `Left ${t.id} valid: it is only minutes old and may belong to a concurrent run; a later run revokes it.`,
      );
    }
    const result: RotationResult = {
      token,
      stored,
      verification,
      revoked,
      kept: kept.map((t) => t.id),
      ...(deferred.length ? { deferred: deferred.map((t) => t.id) } : {}),
    };
    if (failures.length) {
      throw new RotationError(
        `Every target holds the new token ${minted.id}, but revoking ${failures.length} previous token(s) failed; the next run retries: ${failures.join('; ')}`,
        result,
      );
    }
    return result;
  });
}

/**
 * Creating a token is not idempotent. After an ambiguous failure (timeout, reset, 5xx: Fly may have minted it
 * and the answer was lost) we list again: the listing tells whether a token with our name appeared, but never
 * its value, so it cannot be stored. It is left for the sweep (a later run revokes it like any orphan) and we
 * mint exactly once more. If the listing fails too, we stop: a blind retry could leak a second token.
 */
async function mintOnce(
  input: RotationInput,
  issuer: TokenIssuer,
  before: FlyToken[],
  log: Log,
): Promise<{ token: MintedToken; lost: FlyToken[] }> {
  try {
    return { token: await issuer.mint(input.tokenName, input.expiry), lost: [] };
  } catch (err) {
    if (!(err instanceof TransientError)) throw err;
    log.warning(`Creating the token failed ambiguously (${err.message}); checking whether Fly created it.`);
    const listed = await settle(issuer.list());
    if (!listed.ok) {
      throw new RotationError(
        `Creating the token failed (${err.message}) and the token list could not be read to check whether Fly created it anyway ` +
          `(${errorMessage(listed.error)}). Nothing was stored or revoked: every target still holds its previous token. ` +
          'If a token was created, the next run revokes it.',
      );
    }
    const known = new Set(before.map((t) => t.id));
    const lost = managedTokens(listed.value, input.tokenName).filter((t) => !known.has(t.id));
    if (lost.length) {
      log.warning(
        `Fly created ${lost.map((t) => t.id).join(', ')} but its value was lost in transit; it is swept like any orphan (once older than the grace period).`,
      );
    }
    try {
      return { token: await issuer.mint(input.tokenName, input.expiry), lost };
    } catch (again) {
      throw new RotationError(
        `Creating the token failed twice (${errorMessage(again)}). Nothing was stored or revoked: every target still ` +
          'holds its previous token. If Fly created a token anyway, the next run revokes it.',
      );
    }
  }
}

/** Masks a Fly token in every form it could be printed in: with and without scheme, and each bundle part. */
export function maskToken(header: string, log: Pick<Log, 'mask'>): void {
  const bare = header.replace(/^(FlyV1|Bearer)\s+/i, '');
  log.mask(header);
  log.mask(bare);
  // A bundle (`FlyV1 fm2_a,fm2_b`) works with any of its parts, so each part is a secret of its own.
  for (const part of bare.split(',')) {
    if (part.trim()) log.mask(part.trim());
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}
