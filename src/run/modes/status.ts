// Mode status: list the managed tokens and fail when the current one is about to expire, for people who
// want an alarm rather than a schedule. Reads only, so dry-run changes nothing here either.

import type { FlyToken } from '../../core/interfaces.js';
import { tokenIssuer } from '../../fly/issuers.js';
import { cell, code, table } from '../summary.js';
import type { ModeRunner } from './types.js';

export interface TokenStatus {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  current: boolean;
}

export const runStatus: ModeRunner = async (spec, rotation, services) => {
  const issuer = tokenIssuer(rotation, services.fly);
  const now = Date.now();
  const managed = (await issuer.list())
    .filter((t) => t.name === rotation.tokenName)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
  const current = managed.filter((t) => !t.revokedAt && Date.parse(t.expiresAt) > now).at(-1);
  const tokens: TokenStatus[] = managed.map((t) => ({ ...pick(t), current: t === current }));
  const error = !current
    ? `No valid managed token named "${rotation.tokenName}" in ${issuer.scope}: run a rotation.`
    : Date.parse(current.expiresAt) - now < spec.warnBeforeMs
      ? `The current token ${current.id} expires at ${current.expiresAt}, within warn-before: run a rotation.`
      : undefined;
  const rows = tokens.map((t) => [
    code(t.id) + (t.current ? ' (current)' : ''),
    code(t.name),
    cell(t.createdAt),
    cell(t.expiresAt),
    t.revokedAt ? cell(t.revokedAt) : Date.parse(t.expiresAt) <= now ? 'expired' : 'no',
  ]);
  const summary = [
    error ? '### Fly token status: needs attention' : '### Fly token status: ok',
    '',
    ...(error ? [`> ${cell(error)}`, ''] : []),
    `Scope: ${cell(rotation.label)}`,
    '',
    rows.length ? table(['Token', 'Name', 'Created', 'Expires', 'Revoked'], rows) : 'No managed tokens.',
    '',
  ].join('\n');
  return {
    outputs: {
      tokens: JSON.stringify(tokens),
      'token-id': current?.id ?? '',
      'expires-at': current?.expiresAt ?? '',
    },
    summary,
    ...(error ? { error } : {}),
  };
};

function pick(t: FlyToken) {
  return { id: t.id, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt };
}
