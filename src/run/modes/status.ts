// Mode status: which token each target holds (read from GitHub's updated_at, see ../../core/holdings.ts), whether
// it is live and when it expires, and the managed tokens of the scope. It fails when a target holds a revoked or
// expired token, none at all, or one that expires within warn-before. Reads only, so dry-run changes nothing here.
//
// Without a GitHub credential the targets cannot be read: status then checks the Fly side only (the newest valid
// managed token stands for what the targets hold) and says so in its summary.

import type { Holding } from '../../core/holdings.js';
import type { FlyToken } from '../../core/interfaces.js';
import { managedNames } from '../../core/names.js';
import { allManaged, managedTokens } from '../../core/previous.js';
import type { RotationSpec } from '../../core/spec.js';
import { tokenIssuer } from '../../fly/issuers.js';
import { holdingsReader } from '../rotation.js';
import { cell, code, table } from '../summary.js';
import type { ModeRunner } from './types.js';

export interface TokenStatus {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
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
}

export const NO_GITHUB_NOTE =
  "Targets not read: a target's credential was not given (github-token or a GitHub App, gitlab-token, forgejo-token), so only Fly was checked and the newest valid managed token is taken to be the one the targets hold.";

export const runStatus: ModeRunner = async (spec, rotation, services) => {
  const issuer = tokenIssuer(rotation, services.fly);
  const now = Date.now();
  const live = (t: FlyToken) => !t.revokedAt && Date.parse(t.expiresAt) > now;
  const listed = await issuer.list();
  const managed = allManaged(listed, managedNames(rotation));
  const unclaimed = unclaimedTokens(listed, rotation, managed);
  const read = holdingsReader(rotation, services);
  const holdings: Holding[] | undefined = read ? await read(managed) : undefined;
  const newest = managed.filter(live).at(-1);
  const held = holdings ? holdings.flatMap((h) => (h.token ? [h.token] : [])) : newest ? [newest] : [];
  const tokens: TokenStatus[] = managed.map((t) => ({ ...pick(t), current: held.includes(t) }));
  const targets: TargetStatus[] = (holdings ?? []).map((h) => ({
    target: h.target,
    updatedAt: h.updatedAt ?? null,
    tokenId: h.token?.id ?? null,
    live: h.token ? live(h.token) : false,
    expiresAt: h.token?.expiresAt ?? null,
    ...(h.unproven ? { unproven: true } : {}),
  }));
  const error = problem(holdings, newest, spec.warnBeforeMs, now, live) ?? undefined;
  const first = holdings ? holdings[0]?.token : newest;
  const rows = tokens.map((t) => [
    code(t.id) + (t.current ? ' (current)' : ''),
    code(t.name),
    cell(t.createdAt),
    cell(t.expiresAt),
    t.revokedAt ? cell(t.revokedAt) : Date.parse(t.expiresAt) <= now ? 'expired' : 'no',
  ]);
  const targetRows = targets.map((t) => [
    cell(t.target),
    t.tokenId ? code(t.tokenId) + (t.unproven ? ' (newest; the target cannot tell)' : '') : 'none',
    t.tokenId ? (t.live ? 'yes' : 'no') : '',
    t.expiresAt ?? '',
  ]);
  const summary = [
    error ? '### Fly token status: needs attention' : '### Fly token status: ok',
    '',
    ...(error ? [`> ${cell(error)}`, ''] : []),
    `Scope: ${cell(rotation.label)}`,
    '',
    holdings ? table(['Target', 'Holds', 'Live', 'Expires'], targetRows) : NO_GITHUB_NOTE,
    '',
    rows.length ? table(['Token', 'Name', 'Created', 'Expires', 'Revoked'], rows) : 'No managed tokens.',
    '',
    ...(unclaimed.length
      ? [
          `Not managed: ${unclaimed.map((t) => `${code(t.id)} (${code(t.name)})`).join(', ')}, valid until they expire. An earlier release named this rotation's tokens so, but also those of rotations that write the same GitLab variable in another scope or run the same program with other arguments, so this rotation never revokes them: once every such rotation has run on this release, revoke them by id (mode revoke).`,
          '',
        ]
      : []),
  ].join('\n');
  return {
    outputs: {
      tokens: JSON.stringify(tokens),
      'token-id': first?.id ?? '',
      'expires-at': first?.expiresAt ?? '',
      ...(holdings ? { holdings: JSON.stringify(targets) } : {}),
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

/** The first thing a person must act on, or null. */
function problem(
  holdings: Holding[] | undefined,
  newest: FlyToken | undefined,
  warnBeforeMs: number,
  now: number,
  live: (t: FlyToken) => boolean,
): string | null {
  const soon = (t: FlyToken) => Date.parse(t.expiresAt) - now < warnBeforeMs;
  if (!holdings) {
    if (!newest) return 'No valid managed token: run a rotation.';
    return soon(newest)
      ? `The current token ${newest.id} expires at ${newest.expiresAt}, within warn-before: run a rotation.`
      : null;
  }
  for (const h of holdings) {
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
      const state = h.token.revokedAt ? `revoked at ${h.token.revokedAt}` : `expired at ${h.token.expiresAt}`;
      return `${h.target} holds ${h.token.id}, which was ${state}: run a rotation.`;
    }
    if (soon(h.token))
      return `${h.target} holds ${h.token.id}, which expires at ${h.token.expiresAt}, within warn-before: run a rotation.`;
  }
  return null;
}

function pick(t: FlyToken) {
  return { id: t.id, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt };
}
