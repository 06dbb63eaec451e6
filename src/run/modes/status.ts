// Mode status: which token each target holds (read from GitHub's updated_at, see ../../core/holdings.ts), whether
// it is live and when it expires, and the managed tokens of the scope. It fails when a target holds a revoked or
// expired token, none at all, or one that expires within warn-before. Reads only, so dry-run changes nothing here.
//
// Without a GitHub credential the targets cannot be read: status then checks the Fly side only (the newest valid
// managed token stands for what the targets hold) and says so in its summary.

import { ApiError, errorMessage, TransientError } from '../../core/errors.js';
import { describeUse } from '../../core/held.js';
import type { Holding } from '../../core/holdings.js';
import type { FlyToken } from '../../core/interfaces.js';
import { endedAt, isLive } from '../../core/live.js';
import { managedNames } from '../../core/names.js';
import type { RotationSpec } from '../../core/spec.js';
import { allManaged, managedTokens } from '../../core/sweep.js';
import { tokenIssuer } from '../../fly/issuers.js';
import { STORE_INPUTS } from '../../stores.js';
import { useBeforeRotation } from '../held.js';
import { heldFor, holdingsReader, useOnlyReader } from '../rotation.js';
import { cell, code, table } from '../summary.js';
import type { ModeRunner } from './types.js';

export interface TokenStatus extends Pick<FlyToken, 'id' | 'name' | 'createdAt' | 'expiresAt' | 'revokedAt'> {
  /** Held by a target (or, when the targets were not read, the newest valid one). */
  current: boolean;
}

export interface TargetStatus {
  target: string;
  updatedAt: string | null;
  tokenId: string | null;
  live: boolean;
  expiresAt: string | null;
  /** The target cannot say which token it holds (a command, a Forgejo secret): tokenId is the newest valid one. */
  unproven?: boolean;
  /** 'use': tokenId is the token the runner hands out for the target (input held), exact. */
  proof?: 'use';
  /** Input held named this target: the fingerprint of the value the runner handed out (never the value). */
  fingerprint?: string;
  /** What input held's value is: a managed token, several, none (foreign), or a value without a mark. */
  heldMatch?: 'token' | 'several' | 'foreign' | 'unmarked';
  /** Health check of the value the runner hands out: whether Fly accepts it (absent when it was not checked). */
  accepted?: boolean;
  /** Why Fly refused it, or a note when the kind cannot be checked. */
  check?: string;
}

/** Every store's credential inputs, as the note below names them: "github-token, gitlab-token or forgejo-token". */
const credentialInputs = (() => {
  const names = STORE_INPUTS.filter((i) => i.secret).map((i) => i.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
})();

export const TARGETS_NOT_READ_NOTE = `Targets not read: a target's credential was not given (${credentialInputs}), so only Fly was checked and the newest valid managed token is taken to be the one the targets hold.`;

export const runStatus: ModeRunner = async (spec, rotation, services, log) => {
  const issuer = tokenIssuer(rotation, services.fly);
  // revoke-previous: after-use makes status the run that confirms a rotation: once every target is proven by
  // use to hold the newest token, the tokens before it go (see ../held.ts). Listed below as revoked.
  const confirmed =
    spec.revokePrevious === 'after-use'
      ? await log.group('Revoke after use', () => useBeforeRotation(spec, rotation, services, issuer, log))
      : undefined;
  const now = Date.now();
  const live = (t: FlyToken) => isLive(t, now);
  const listed = await issuer.list();
  const managed = allManaged(listed, managedNames(rotation));
  const unclaimed = unclaimedTokens(listed, rotation, managed);
  const given = heldFor(spec, rotation, issuer);
  const read = holdingsReader(rotation, services, given) ?? useOnlyReader(rotation, services, given);
  const holdings: Holding[] | undefined = read ? await read(managed) : undefined;
  const checks = await healthChecks(holdings, given?.values, issuer, live);
  const newest = managed.filter(live).at(-1);
  const held = holdings ? holdings.flatMap((h) => (h.token ? [h.token] : [])) : newest ? [newest] : [];
  const tokens: TokenStatus[] = managed.map((t) => ({ ...pick(t), current: held.includes(t) }));
  const targets: TargetStatus[] = (holdings ?? []).map((h, i) => ({
    target: h.target,
    updatedAt: h.updatedAt ?? null,
    tokenId: h.token?.id ?? null,
    live: h.token ? live(h.token) : false,
    expiresAt: h.token?.expiresAt ?? null,
    ...(h.unproven ? { unproven: true } : {}),
    ...(h.proof ? { proof: h.proof } : {}),
    ...(h.byUse ? { fingerprint: h.byUse.fingerprint, heldMatch: h.byUse.match } : {}),
    ...(checks[i] ?? {}),
  }));
  const error = problem(holdings, newest, spec.warnBeforeMs, now, live, checks) ?? confirmed?.problem;
  const useNotes = (holdings ?? []).flatMap((h) => {
    const note = describeUse(h);
    return note ? [`- ${cell(h.target)}: ${cell(note)}`] : [];
  });
  const first = holdings ? holdings[0]?.token : newest;
  const rows = tokens.map((t) => [
    code(t.id) + (t.current ? ' (current)' : ''),
    code(t.name),
    cell(t.createdAt),
    cell(t.expiresAt),
    t.revokedAt ? cell(t.revokedAt) : isLive(t, now) ? 'no' : 'expired',
  ]);
  const targetRows = targets.map((t) => [
    cell(t.target),
    t.tokenId
      ? code(t.tokenId) +
        (t.proof === 'use' ? ' (proven by use)' : t.unproven ? ' (newest; the target cannot tell)' : '')
      : 'none',
    t.tokenId ? (t.live ? (t.accepted === false ? 'no: Fly refuses it' : 'yes') : 'no') : '',
    t.expiresAt ?? '',
  ]);
  const summary =
    [
      error ? '### Fly token status: needs attention' : '### Fly token status: ok',
      '',
      ...(error ? [`> ${cell(error)}`, ''] : []),
      `Scope: ${cell(rotation.label)}`,
      '',
      holdings ? table(['Target', 'Holds', 'Live', 'Expires'], targetRows) : TARGETS_NOT_READ_NOTE,
      '',
      ...(useNotes.length ? ['What the runner hands out (input held):', '', ...useNotes, ''] : []),
      ...(given && !holdings ? [HELD_UNREAD_NOTE, ''] : []),
      rows.length ? table(['Token', 'Name', 'Created', 'Expires', 'Revoked'], rows) : 'No managed tokens.',
      '',
      ...(unclaimed.length
        ? [
            `Not managed: ${unclaimed.map((t) => `${code(t.id)} (${code(t.name)})`).join(', ')}, valid until they expire. An earlier release named this rotation's tokens so, but also those of rotations that write the same GitLab variable in another scope or run the same program with other arguments, so this rotation never revokes them: once every such rotation has run on this release, revoke them by id (mode revoke).`,
            '',
          ]
        : []),
    ].join('\n') + (confirmed ? afterUseSummary(confirmed) : '');
  return {
    outputs: {
      tokens: JSON.stringify(tokens),
      'token-id': first?.id ?? '',
      'expires-at': first?.expiresAt ?? '',
      ...(holdings ? { holdings: JSON.stringify(targets) } : {}),
      ...(confirmed ? { 'revoked-token-ids': JSON.stringify(confirmed.revoked) } : {}),
    },
    summary,
    ...(error ? { error } : {}),
  };
};

/** Valid tokens named as an earlier release named the rotation's GitLab or command targets, not managed. */
function unclaimedTokens(listed: FlyToken[], rotation: RotationSpec, managed: FlyToken[]): FlyToken[] {
  if (!rotation.unclaimed?.length) return [];
  const ids = new Set(managed.map((t) => t.id));
  return managedTokens(listed, rotation.unclaimed).filter((t) => !ids.has(t.id));
}

/** What the confirming status run revoked, or why it left the previous tokens valid. */
function afterUseSummary(r: { current?: string; revoked: string[]; left?: string }): string {
  const lines = [
    ...(r.current ? [`Every target is proven by use to hold ${code(r.current)}.`] : []),
    `Revoked after use: ${r.revoked.length ? r.revoked.map(code).join(', ') : 'none'}.`,
    ...(r.left ? [`Left valid: ${cell(r.left)}.`] : []),
  ];
  return `\n#### Revoke previous after use\n\n${lines.join('\n')}\n`;
}

export const HELD_UNREAD_NOTE =
  'Input held was not used: without a credential to read the targets, it must name every target of the rotation.';

type Check = Pick<TargetStatus, 'accepted' | 'check'> | undefined;

/**
 * The health check of proof by use: Fly is asked, with the value the runner hands out, whether it accepts it.
 * Only values that are a valid managed token are sent, and only to Fly (the issuer's own API).
 */
async function healthChecks(
  holdings: Holding[] | undefined,
  values: Map<number, string> | undefined,
  issuer: ReturnType<typeof tokenIssuer>,
  live: (t: FlyToken) => boolean,
): Promise<Check[]> {
  if (!holdings || !values) return [];
  return Promise.all(
    holdings.map(async (h, i): Promise<Check> => {
      const value = values.get(i);
      if (value === undefined || h.proof !== 'use' || !h.token || !live(h.token)) return undefined;
      try {
        const note = await issuer.verify(value);
        return { accepted: true, ...(note ? { check: note } : {}) };
      } catch (err) {
        // Fly could not be asked: that says nothing about the value.
        if (err instanceof TransientError) return { check: `not checked: ${errorMessage(err)}` };
        // Fly's refusal of a credential comes with advice about fly-api-token, which is not what was sent here.
        const refused =
          err instanceof ApiError &&
          (err.status === 401 || err.status === 403 || err.code === 'UNAUTHORIZED');
        return {
          accepted: false,
          check: refused ? 'Fly rejects it as an unknown, expired or revoked credential' : errorMessage(err),
        };
      }
    }),
  );
}

/** The first thing a person must act on, or null. */
function problem(
  holdings: Holding[] | undefined,
  newest: FlyToken | undefined,
  warnBeforeMs: number,
  now: number,
  live: (t: FlyToken) => boolean,
  checks: Check[] = [],
): string | null {
  const soon = (t: FlyToken) => Date.parse(t.expiresAt) - now < warnBeforeMs;
  if (!holdings) {
    if (!newest) return 'No valid managed token: run a rotation.';
    return soon(newest)
      ? `The current token ${newest.id} expires at ${newest.expiresAt}, within warn-before: run a rotation.`
      : null;
  }
  for (const [i, h] of holdings.entries()) {
    if (h.byUse?.match === 'foreign')
      return `${h.target}: ${describeUse(h)}. Run a rotation to put a managed token in it.`;
    if (h.proof === 'use' && h.token && !live(h.token)) {
      return `The runner hands out ${h.token.id} for ${h.target} (proven by use), which was ${endedAt(h.token)}: every job that uses it fails. Run a rotation.`;
    }
    const check = checks[i];
    if (check?.accepted === false)
      return `Fly refuses ${h.token?.id}, the token the runner hands out for ${h.target} (proven by use): ${check.check}`;
    if (!h.token && h.unproven && h.exists !== false)
      return `${h.target} cannot say which token it holds, and no managed token is valid: run a rotation.`;
    if (!h.token) {
      const seen = h.updatedAt
        ? `last written ${h.updatedAt}`
        : h.exists === false
          ? 'it does not exist'
          : 'it holds a value this action did not write';
      return `${h.target} holds no token this action minted (${seen}): run a rotation.`;
    }
    if (!live(h.token)) {
      return `${h.target} holds ${h.token.id}, which was ${endedAt(h.token)}: run a rotation.`;
    }
    if (soon(h.token))
      return `${h.target} holds ${h.token.id}, which expires at ${h.token.expiresAt}, within warn-before: run a rotation.`;
  }
  return null;
}

function pick(t: FlyToken) {
  return { id: t.id, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt };
}
