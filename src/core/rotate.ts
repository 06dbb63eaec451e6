// The rotation protocol: plan → create → store → verify → revoke. Everything it touches is behind two
// small interfaces (TokenIssuer for Fly, SecretWriter for the secrets, see ./interfaces.ts), so it can be
// read and tested on its own.
import { beforeDeadline, lateMessage } from './budget.js';
import { mintOnce, revokeUnheld } from './create.js';
import { errorMessage } from './errors.js';
import { AFTER_USE_NOTE } from './held.js';
import type { FlyToken, Log, SecretWriter, StoreOutcome, TokenIssuer } from './interfaces.js';
import { maskToken } from './mask.js';
import { managedNames, runIdentity, runTokenName } from './names.js';
import { RotationError, type RotationInput, type RotationResult } from './rotation.js';
import { settle } from './settle.js';
import { choosePrevious, managedTokens, SWEEP_GRACE_MS, settledAt } from './sweep.js';
import { resolveWrites } from './verdicts.js';

export async function rotate(
  input: RotationInput,
  issuer: TokenIssuer,
  writer: SecretWriter,
  log: Log,
): Promise<RotationResult> {
  // Tokens Fly created for this run whose answer was lost, and that no attempt could revoke: nobody holds them,
  // and the run may not end quietly while they are valid.
  const orphans: string[] = [];
  const note = () => {
    const it = orphans.length > 1 ? 'them' : 'it';
    return (
      `Fly also created ${orphans.join(', ')} for this run (an answer lost in transit); nobody holds ${it}, and ` +
      `revoking ${it} failed: a later run revokes ${it} once older than the grace period.`
    );
  };
  let result: RotationResult;
  try {
    result = await rotateOnce(input, issuer, writer, log, orphans);
  } catch (err) {
    if (orphans.length && err instanceof RotationError)
      throw new RotationError(`${err.message} ${note()}`, err.partial);
    throw err;
  }
  if (orphans.length)
    throw new RotationError(`Every target holds the new token ${result.token.id}, but ${note()}`, result);
  return result;
}

async function rotateOnce(
  input: RotationInput,
  issuer: TokenIssuer,
  writer: SecretWriter,
  log: Log,
  orphans: string[],
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
      const managed = managedTokens(tokens, managedNames(input));
      log.info(`${managed.length} managed token(s) named "${input.tokenName}" in ${issuer.scope}.`);
      return managed;
    }),
  );
  // Minting with no time left to store and clean up would only leave a token nobody holds.
  if (input.signals?.work.aborted)
    throw new RotationError(`${late('Plan')}Nothing was minted, written or revoked.`);

  // What the targets hold before this run writes anything: the rule of evidence compares a timestamp target's
  // updated_at from before the write with the one after (./evidence.ts). Read while the token is minted.
  const beforeRead = writer.targets.some((t) => t.proof === 'timestamp')
    ? settle(writer.evidence()).then((r) => (r.ok ? r.value : undefined))
    : undefined;
  const settled = settledAt(before, input, writer, beforeRead);

  // 2. Create.
  const {
    token: minted,
    ownRevoked,
    left: createLeft,
    retried,
  } = await log.group('Create', async () => {
    const created = await mintOnce(input, runName, issuer, before, log);
    const t = created.token;
    maskToken(t.header, log);
    log.info(`Minted token ${t.id} named "${runName}", expires ${t.expiresAt}.`);
    return created;
  });
  const token: FlyToken = {
    id: minted.id,
    name: minted.name,
    createdAt: minted.createdAt,
    expiresAt: minted.expiresAt,
    revokedAt: null,
  };

  const evidenceBefore = await beforeRead;
  // 3. Store, while 4. Verify and a fresh listing run alongside (they need only the new token).
  const [written, verified, after] = await log.group('Store and verify', () =>
    Promise.all([
      writer.store(minted, input.signals?.work),
      settle(issuer.verify(minted.header)),
      settle(issuer.list()),
    ]),
  );
  // A managed token of another run that appeared meanwhile: that run may be writing the same targets.
  const known = new Set(before.map((t) => t.id));
  const appeared = after.ok
    ? managedTokens(after.value, managedNames(input)).filter((t) => !known.has(t.id) && t.id !== minted.id)
    : [];
  const rivals = appeared.filter((t) => t.name !== runName);
  const stored = await resolveWrites(written, { ...token, header: minted.header }, writer, log, {
    ...(evidenceBefore ? { before: evidenceBefore } : {}),
    ...(rivals.length ? { rivals: true } : {}),
  });
  // Late creates: a create that timed out may have completed on Fly after all. Only this run knows the name it
  // minted with, and only the token it stored is held, so every other one of its name is revoked now.
  const lateOwn = await revokeLateCreates(
    issuer,
    runName,
    minted.id,
    retried ? undefined : after.ok ? appeared : undefined,
    known,
    log,
  );
  ownRevoked.push(...lateOwn.revoked);
  for (const id of new Set([...createLeft, ...lateOwn.left]))
    if (!lateOwn.revoked.includes(id)) orphans.push(id);
  for (const s of stored) {
    if (s.error) log.warning(`Could not write ${s.target.label}: ${s.error}`);
    else log.info(`Wrote ${s.target.label} (${s.result}).`);
  }
  const own = ownRevoked.length ? { ownRevoked } : {};
  const failed = stored.filter((s) => s.error);
  const storeLate = late('Store');
  // Unknown means keep both: a target whose write may have landed (or landed elsewhere) may hold the new token,
  // or still the previous one, so neither is revoked and the run fails naming both.
  const undecided = failed.filter((f) => f.ambiguous || f.landedElsewhere);
  if (failed.length === stored.length && undecided.length) {
    throw new RotationError(
      `${storeLate}${keepBoth(undecided, minted.id, before.at(-1)?.id)} ${failed
        .map((f) => (f.error?.startsWith(f.target.label) ? f.error : `${f.target.label}: ${f.error}`))
        .join('; ')}`,
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
    const held = failed.filter((f) => !f.ambiguous && !f.landedElsewhere);
    const states = [
      ...(held.length ? [`${held.map((f) => f.target.label).join(', ')} still hold the previous token`] : []),
      ...(undecided.length ? [mayHold(undecided, minted.id, before.at(-1)?.id)] : []),
    ];
    throw new RotationError(
      `${storeLate}The new token ${minted.id} was written to ${stored.length - failed.length} of ${stored.length} targets; ` +
        `${states.join('; ')}, so no token was revoked${undecided.length ? ' and both stay valid' : ''}. ` +
        `Fix the error and run again: the next run writes every target and revokes the old tokens${undecided.length ? '; `mode: status` shows which token each target holds' : ''}. ${failed
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
    // Every previous token left valid, and why (the result the early returns below share).
    const leaveAll = (why: string): RotationResult => ({
      token,
      stored,
      verification,
      revoked: [],
      kept: before.map((t) => t.id),
      revocationSkipped: why,
      ...own,
    });
    if (input.revokePrevious === 'after-use') {
      log.info(`Previous tokens left valid: ${AFTER_USE_NOTE}.`);
      return leaveAll(AFTER_USE_NOTE);
    }
    // This run's own late creates were revoked above: only another run's token means another rotation.
    const newer = rivals.filter((t) => Date.parse(t.createdAt) >= Date.parse(minted.createdAt));
    if (!after.ok || newer.length > 0 || input.signals?.work.aborted) {
      const why = !after.ok
        ? `the token list could not be read again (${errorMessage(after.error)})`
        : newer.length > 0
          ? `another rotation minted ${newer.map((t) => t.id).join(', ')} after this one; it will revoke the older tokens`
          : `the run's timeout ran out before this step; the next run revokes them`;
      log.warning(`Previous tokens left valid: ${why}.`);
      return leaveAll(why);
    }
    const stillValid = new Set(managedTokens(after.value, managedNames(input)).map((t) => t.id));
    const previous = before.filter((t) => stillValid.has(t.id));
    // not-before: until the new token is valid, the newest previous one is what jobs can use; it stays valid.
    const notYet = minted.validFrom !== undefined && Date.parse(minted.validFrom) > Date.now();
    const { doomed, kept, deferred } = choosePrevious(
      previous,
      notYet ? Math.max(1, input.keepPrevious) : input.keepPrevious,
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
    for (const t of kept) {
      log.info(
        notYet && input.keepPrevious === 0
          ? `Kept previous token ${t.id}: the new token is valid only from ${minted.validFrom}; a later run revokes it.`
          : `Kept previous token ${t.id} (keep-previous).`,
      );
    }
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
 * The one message for targets whose holding is unknown: which targets, both token ids, and what settles it.
 */
function keepBoth(undecided: StoreOutcome[], newId: string, previousId: string | undefined): string {
  return (
    `${mayHold(undecided, newId, previousId)}, so neither was revoked and both stay valid. ` +
    'The next run writes every target again and settles it; `mode: status` shows which token each target holds.'
  );
}

/** "<targets> may hold the previous token P or the new token N". */
function mayHold(undecided: StoreOutcome[], newId: string, previousId: string | undefined): string {
  const who = undecided.map((f) => f.target.label).join(', ');
  const both = previousId
    ? `the previous token ${previousId} or the new token ${newId}`
    : `the new token ${newId}`;
  return `${who} may hold ${both}`;
}

/**
 * Revokes every valid token named `runName` other than `keep`: creates of this run that completed on Fly after
 * their answer was lost. `appeared`: the tokens that appeared during the run, when already listed after the
 * last create; otherwise the list is read again.
 */
async function revokeLateCreates(
  issuer: TokenIssuer,
  runName: string,
  keep: string,
  appeared: FlyToken[] | undefined,
  known: Set<string>,
  log: Log,
): Promise<{ revoked: string[]; left: string[] }> {
  let tokens = appeared;
  if (!tokens) {
    const listed = await settle(issuer.list());
    if (!listed.ok) {
      log.warning(
        `Could not read the token list to look for late creates of this run (${errorMessage(listed.error)}); a later run revokes any.`,
      );
      return { revoked: [], left: [] };
    }
    tokens = listed.value.filter((t) => !known.has(t.id));
  }
  const late = tokens.filter((t) => t.name === runName && t.id !== keep && !t.revokedAt);
  return revokeUnheld(late, issuer, log, (id, failure) =>
    failure === undefined
      ? `A create of this run completed on Fly after its answer was lost (${id}); nobody holds it, so it was revoked.`
      : `A create of this run completed on Fly after its answer was lost (${id}); revoking it failed (${failure}), a later run revokes it.`,
  );
}
