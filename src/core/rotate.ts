// The rotation protocol: plan → create → store → verify → revoke. Everything it touches is behind two
// small interfaces (TokenIssuer for Fly, SecretWriter for the secrets, see ./interfaces.ts), so it can be
// read and tested on its own.
import { beforeDeadline, lateMessage } from './budget.js';
import { mintOnce } from './create.js';
import { errorMessage } from './errors.js';
import { AFTER_USE_NOTE } from './held.js';
import type { FlyToken, Log, SecretWriter, TokenIssuer } from './interfaces.js';
import { maskToken } from './mask.js';
import { runIdentity, runTokenName } from './names.js';
import { choosePrevious, managedTokens, SWEEP_GRACE_MS, settledAt } from './previous.js';
import { RotationError, type RotationInput, type RotationResult } from './result.js';
import { settle } from './settle.js';
import { resolveAmbiguous } from './store.js';

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
      writer.store(minted, input.signals?.work),
      settle(issuer.verify(minted.header)),
      settle(issuer.list()),
    ]),
  );
  const { stored, unknown } = await resolveAmbiguous(
    written,
    { ...token, header: minted.header },
    writer,
    log,
  );
  for (const s of stored) {
    if (s.error) log.warning(`Could not write ${s.target.label}: ${s.error}`);
    else log.info(`Wrote ${s.target.label} (${s.result}).`);
  }
  const failed = stored.filter((s) => s.error);
  const storeLate = late('Store');
  // Targets that cannot say whether the write landed (or could not be read at all) may hold the new token.
  const undecided = unknown ?? failed.find((f) => f.ambiguous)?.target.label;
  if (failed.length === stored.length && undecided) {
    // The write may have landed, so the new token stays valid, and so do the previous ones. The next run writes
    // every target again and sweeps whichever is left over.
    const why = unknown
      ? `the targets could not be read to tell whether it landed (${unknown})`
      : `${undecided} cannot say whether it landed`;
    throw new RotationError(
      `${storeLate}No target confirmed the write of the new token ${minted.id}, and ${why}, so no token was revoked: ` +
        `every target holds either its previous token or ${minted.id}, both valid. ` +
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
    const held = failed.filter((f) => !f.ambiguous);
    const either = failed.filter((f) => f.ambiguous);
    const states = [
      ...(held.length ? [`${held.map((f) => f.target.label).join(', ')} still hold the previous token`] : []),
      ...(either.length
        ? [`${either.map((f) => f.target.label).join(', ')} may hold either token, both valid`]
        : []),
    ];
    throw new RotationError(
      `${storeLate}The new token ${minted.id} was written to ${stored.length - failed.length} of ${stored.length} targets; ` +
        `${states.join('; ')}, so no token was revoked. ` +
        `Fix the error and run again: the next run writes every target and revokes the old tokens. ${failed
          .map((f) => (f.error?.startsWith(f.target.label) ? f.error : `${f.target.label}: ${f.error}`))
          .join('; ')}`,
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
    if (input.revokePrevious === 'after-use') {
      const why = AFTER_USE_NOTE;
      log.info(`Previous tokens left valid: ${why}.`);
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
