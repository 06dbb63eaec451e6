// The rotation protocol: plan → create → store → verify → revoke. Everything it touches is behind two
// small interfaces (TokenIssuer for Fly, SecretWriter for the secrets, see ./interfaces.ts), so it can be
// read and tested on its own.
import type { RunSignals } from './budget.js';
import { errorMessage, TransientError } from './errors.js';
import { writeMayHaveLanded } from './holdings.js';
import type { FlyToken, Log, MintedToken, SecretWriter, StoreOutcome, TokenIssuer } from './interfaces.js';
import { isManagedName, runIdentity, runTokenName } from './names.js';

export interface RotationInput {
  /** The managed prefix (input token-name): every token named so, or `tokenName · …`, is managed. */
  tokenName: string;
  /** The name this run mints with (see ./names.ts); tokens named so are this run's own. */
  runName?: string;
  /** The run's deadlines; without them a rotation takes as long as its requests. */
  signals?: RunSignals;
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
  /** This run's own tokens that no target holds, revoked before the run ended (lost creates, a failed store). */
  ownRevoked?: string[];
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

/** Managed tokens are recognised by name (see ./names.ts); this returns those still valid, oldest first. */
export function managedTokens(tokens: FlyToken[], prefix: string, now = Date.now()): FlyToken[] {
  return allManaged(tokens, prefix).filter((t) => !t.revokedAt && Date.parse(t.expiresAt) > now);
}

/** Every managed token, revoked and expired ones too, oldest first. */
export function allManaged(tokens: FlyToken[], prefix: string): FlyToken[] {
  return tokens
    .filter((t) => isManagedName(t.name, prefix))
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
  const runName = input.runName ?? runTokenName(input.tokenName, runIdentity('cli'));
  const late = (step: string) => lateMessage(input.signals, step);
  // 1. Plan: ids, the managed tokens that exist now, and every public key, all at once.
  writer.warmUp();
  const before = await log.group('Plan', () =>
    beforeDeadline(
      input.signals,
      'Plan (reading the app, the token list and the public keys)',
      Promise.all([issuer.prepare(), issuer.list(), writer.prepare()]),
    ).then(([, tokens]) => {
      const managed = managedTokens(tokens, input.tokenName);
      log.info(`${managed.length} managed token(s) named "${input.tokenName}" in ${issuer.scope}.`);
      return managed;
    }),
  );
  // Minting with no time left to store and clean up would only leave a token nobody holds.
  if (input.signals?.work.aborted)
    throw new RotationError(`${late('Plan')}Nothing was minted, written or revoked.`);

  // Must be read before this run writes anything.
  const settled = settledAt(before, input, writer);

  // 2. Create.
  const { token: minted, ownRevoked } = await log.group('Create', async () => {
    const created = await mintOnce(input, runName, issuer, before, log);
    const t = created.token;
    maskToken(t.header, log);
    log.info(`Minted token ${t.id} named "${runName}", expires ${t.expiresAt}.`);
    return created;
  });
  const own = ownRevoked.length ? { ownRevoked } : {};
  const token: FlyToken = {
    id: minted.id,
    name: minted.name,
    createdAt: minted.createdAt,
    expiresAt: minted.expiresAt,
    revokedAt: null,
  };

  // 3. Store, while 4. Verify and a fresh listing run alongside (they need only the new token).
  const [written, verified, after] = await log.group('Store and verify', () =>
    Promise.all([
      writer.store(minted.header, input.signals?.work),
      settle(issuer.verify(minted.header)),
      settle(issuer.list()),
    ]),
  );
  const { stored, unknown } = await resolveAmbiguous(written, token, writer, log);
  for (const s of stored) {
    if (s.error) log.warning(`Could not write ${s.target.label}: ${s.error}`);
    else log.info(`Wrote ${s.target.label} (${s.result}).`);
  }
  const failed = stored.filter((s) => s.error);
  const storeLate = late('Store');
  if (failed.length === stored.length && unknown) {
    // GitHub could not even be read: the write may have landed, so the new token stays valid, and so do the
    // previous ones. The next run writes every target again and sweeps whichever is left over.
    throw new RotationError(
      `${storeLate}No target confirmed the write of the new token ${minted.id}, and GitHub could not be read to tell whether it landed ` +
        `(${unknown}), so no token was revoked: every target holds either its previous token or ${minted.id}, both valid. ` +
        `Run again: the next run writes every target and revokes the rest. First error: ${failed[0].error}`,
      { token, stored, ...own },
    );
  }
  if (failed.length === stored.length) {
    // Nothing holds the new token (GitHub says so): take it back, leaving every target as it was.
    const undo = await settle(issuer.revoke(minted.id));
    const fate = undo.ok
      ? `The new token ${minted.id} was revoked`
      : `Revoking the new token ${minted.id} also failed (${errorMessage(undo.error)}); the next run revokes it`;
    throw new RotationError(
      `${storeLate}No target could be written, so nothing changed: every target still holds its previous token. ${fate}. First error: ${failed[0].error}`,
      { token, stored, ownRevoked: [...ownRevoked, ...(undo.ok ? [minted.id] : [])] },
    );
  }
  if (failed.length > 0) {
    throw new RotationError(
      `${storeLate}The new token ${minted.id} was written to ${stored.length - failed.length} of ${stored.length} targets; ` +
        `${failed.map((f) => f.target.label).join(', ')} still hold the previous token, so no token was revoked. ` +
        'Fix the error and run again: the next run writes every target and revokes the old tokens.',
      { token, stored, ...own },
    );
  }
  if (!verified.ok) {
    throw new RotationError(
      `${late('Verify')}The new token ${minted.id} is stored, but proving that Fly accepts it failed, so the previous token was kept: ${errorMessage(verified.error)}`,
      { token, stored, ...own },
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
    if (!after.ok || newer.length > 0 || input.signals?.work.aborted) {
      const why = !after.ok
        ? `the token list could not be read again (${errorMessage(after.error)})`
        : newer.length > 0
          ? `another rotation minted ${newer.map((t) => t.id).join(', ')} after this one; it will revoke the older tokens`
          : `the run's timeout ran out before this step; the next run revokes them`;
      log.warning(`Previous tokens left valid: ${why}.`);
      return {
        token,
        stored,
        verification,
        revoked: [],
        kept: before.map((t) => t.id),
        revocationSkipped: why,
        ...own,
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
      ...own,
    };
    if (failures.length) {
      throw new RotationError(
        `${late('Revoke previous')}Every target holds the new token ${minted.id}, but revoking ${failures.length} previous token(s) failed; the next run retries: ${failures.join('; ')}`,
        result,
      );
    }
    return result;
  });
}

/**
 * A write that failed ambiguously (timeout, reset, 5xx) may have landed. The secret's updated_at tells: older
 * than the mint, it did not (the outcome stays a failure, no longer ambiguous); newer, it counts as written.
 * `unknown` is set when GitHub could not be read at all.
 */
async function resolveAmbiguous(
  written: StoreOutcome[],
  token: FlyToken,
  writer: SecretWriter,
  log: Log,
): Promise<{ stored: StoreOutcome[]; unknown?: string }> {
  if (!written.some((s) => s.ambiguous)) return { stored: written };
  const times = await settle(writer.updatedAt());
  if (!times.ok) return { stored: written, unknown: errorMessage(times.error) };
  const at = new Map(writer.targets.map((t, i) => [t, times.value[i]]));
  const stored = written.map((s): StoreOutcome => {
    if (!s.ambiguous) return s;
    const updatedAt = at.get(s.target);
    if (writeMayHaveLanded(token.createdAt, updatedAt)) {
      log.warning(
        `The write of ${s.target.label} failed (${s.error}), but it landed: the secret was updated at ${updatedAt}, after ${token.id} was minted.`,
      );
      return { target: s.target, result: 'updated' };
    }
    const last = updatedAt ? `last updated at ${updatedAt}` : 'does not exist';
    return {
      target: s.target,
      error: `${s.error} (the secret ${last}, before ${token.id} was minted: the write did not land)`,
    };
  });
  return { stored };
}

/**
 * Creating a token is not idempotent. After an ambiguous failure (timeout, reset, 5xx: Fly may have minted it
 * and the answer was lost) we list again: a token with this run's own name that appeared is one Fly created
 * but whose value was lost, so nobody can hold it, and it is revoked at once; then we mint exactly once more.
 * If the listing fails too, we stop: a blind retry could leak a second token.
 */
async function mintOnce(
  input: RotationInput,
  runName: string,
  issuer: TokenIssuer,
  before: FlyToken[],
  log: Log,
): Promise<{ token: MintedToken; ownRevoked: string[] }> {
  const late = () => lateMessage(input.signals, 'Create');
  try {
    return { token: await issuer.mint(runName, input.expiry), ownRevoked: [] };
  } catch (err) {
    if (!(err instanceof TransientError)) {
      // Even a plain refusal may come after Fly minted (an error answer from a handler that ran): look once.
      const found = await revokeOwn(issuer, runName, before, log);
      if (found.ok && found.revoked.length) {
        throw new RotationError(
          `${errorMessage(err)} (Fly created ${found.revoked.join(', ')} anyway; this run revoked it.)`,
          {
            ownRevoked: found.revoked,
          },
        );
      }
      throw err;
    }
    log.warning(`Creating the token failed ambiguously (${err.message}); checking whether Fly created it.`);
    const lost = await revokeOwn(issuer, runName, before, log);
    if (!lost.ok) {
      throw new RotationError(
        `${late()}Creating the token failed (${err.message}) and the token list could not be read to check whether Fly created it anyway ` +
          `(${lost.error}). Nothing was stored or revoked: every target still holds its previous token. ` +
          'If a token was created, a later run revokes it once it is older than the grace period.',
      );
    }
    try {
      if (input.signals?.work.aborted) throw new Error("the run's timeout ran out before a second try");
      return { token: await issuer.mint(runName, input.expiry), ownRevoked: lost.revoked };
    } catch (again) {
      // A second ambiguous create may have minted too: this run's name finds it.
      const cleanup = again instanceof TransientError ? await revokeOwn(issuer, runName, before, log) : lost;
      const revoked = [...lost.revoked, ...(cleanup.ok && cleanup !== lost ? cleanup.revoked : [])];
      const fate = !cleanup.ok
        ? `If Fly created a token anyway, a later run revokes it (${cleanup.error}).`
        : cleanup.left.length || lost.left.length
          ? `Revoking ${[...lost.left, ...cleanup.left].join(', ')}, created anyway, failed; a later run revokes it.`
          : revoked.length
            ? `Fly created ${revoked.join(', ')} anyway, so this run revoked it.`
            : 'Fly created no token.';
      throw new RotationError(
        `${late()}Creating the token failed twice (${errorMessage(again)}). Nothing was stored: every target still holds its previous token. ${fate}`,
        revoked.length ? { ownRevoked: revoked } : undefined,
      );
    }
  }
}

/** Lists and revokes this run's own tokens that appeared since `before` (created, value lost: held by nobody). */
async function revokeOwn(
  issuer: TokenIssuer,
  runName: string,
  before: FlyToken[],
  log: Log,
): Promise<{ ok: true; revoked: string[]; left: string[] } | { ok: false; error: string }> {
  const listed = await settle(issuer.list());
  if (!listed.ok) return { ok: false, error: errorMessage(listed.error) };
  const known = new Set(before.map((t) => t.id));
  const lost = listed.value.filter((t) => t.name === runName && !t.revokedAt && !known.has(t.id));
  const revoked: string[] = [];
  const left: string[] = [];
  for (const t of lost) {
    const r = await settle(issuer.revoke(t.id));
    (r.ok ? revoked : left).push(t.id);
    log.warning(
      r.ok
        ? `Fly created ${t.id} but its value was lost in transit; nobody can hold it, so it was revoked.`
        : `Fly created ${t.id} but its value was lost in transit; revoking it failed (${errorMessage(r.error)}), a later run revokes it.`,
    );
  }
  return { ok: true, revoked, left };
}

/** Waits for a step, but no longer than the run's work deadline. */
function beforeDeadline<T>(signals: RunSignals | undefined, step: string, work: Promise<T>): Promise<T> {
  const deadline = signals?.work;
  if (!deadline) return work;
  return new Promise<T>((resolve, reject) => {
    const stop = () =>
      reject(new RotationError(`${lateMessage(signals, step)}Nothing was minted, written or revoked.`));
    if (deadline.aborted) return stop();
    deadline.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => deadline.removeEventListener('abort', stop));
  });
}

/** "The run's timeout … ran out while <step> was waiting. " when a deadline fired, else "". */
function lateMessage(signals: RunSignals | undefined, step: string): string {
  if (!signals || !(signals.work.aborted || signals.run.aborted)) return '';
  return `The run's timeout (${Math.round(signals.timeoutMs / 1000)} s) ran out while step ${step} was waiting. `;
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
