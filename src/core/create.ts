// The create step: mint exactly once, and after an ambiguous failure revoke what Fly created anyway.
import { lateMessage } from './budget.js';
import { errorMessage, TransientError } from './errors.js';
import type { FlyToken, Log, MintedToken, TokenIssuer } from './interfaces.js';
import { RotationError, type RotationInput } from './rotation.js';
import { settle } from './settle.js';

/**
 * Creating a token is not idempotent. After an ambiguous failure (timeout, reset, 5xx: Fly may have minted it
 * and the answer was lost) we list again: a token with this run's own name that appeared is one Fly created
 * but whose value was lost, so nobody can hold it, and it is revoked at once; then we mint exactly once more.
 * If the listing fails too, we stop: a blind retry could leak a second token. The first create may still
 * complete on Fly after that listing (`retried`): the rotation revokes such late tokens before it ends (see
 * rotate.ts).
 */
export async function mintOnce(
  input: RotationInput,
  runName: string,
  issuer: TokenIssuer,
  before: FlyToken[],
  log: Log,
): Promise<{ token: MintedToken; ownRevoked: string[]; left: string[]; retried?: boolean }> {
  const late = () => lateMessage(input.signals, 'Create');
  try {
    return { token: await issuer.mint(runName, input.expiry, input.signals?.work), ownRevoked: [], left: [] };
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
      return {
        token: await issuer.mint(runName, input.expiry, input.signals?.work),
        ownRevoked: lost.revoked,
        left: lost.left,
        retried: true,
      };
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
  const { revoked, left } = await revokeUnheld(lost, issuer, log, (id, failure) =>
    failure === undefined
      ? `Fly created ${id} but its value was lost in transit; nobody can hold it, so it was revoked.`
      : `Fly created ${id} but its value was lost in transit; revoking it failed (${failure}), a later run revokes it.`,
  );
  return { ok: true, revoked, left };
}

/**
 * Revokes, one by one, tokens this run created whose value it never got (nobody can hold them), logging each
 * one's fate as `say` words it (`failure`: why its revoke failed). Returns the ids revoked and those left valid.
 */
export async function revokeUnheld(
  tokens: FlyToken[],
  issuer: TokenIssuer,
  log: Log,
  say: (id: string, failure?: string) => string,
): Promise<{ revoked: string[]; left: string[] }> {
  const revoked: string[] = [];
  const left: string[] = [];
  for (const t of tokens) {
    const r = await settle(issuer.revoke(t.id));
    (r.ok ? revoked : left).push(t.id);
    log.warning(say(t.id, r.ok ? undefined : errorMessage(r.error)));
  }
  return { revoked, left };
}
