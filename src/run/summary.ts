// Job summaries as plain Markdown strings, so tests can compare them with golden files.
// Only ids, names, dates and target labels go in here: never a token value.

import type { RevokeReport } from '../core/revoke.js';
import type { RotationResult } from '../core/rotate.js';

export const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
export const code = (s: string) => `\`${cell(s)}\``;

export function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function rotationSummary(scope: string, r: Partial<RotationResult>, failure?: string): string {
  const lines = [failure ? '### Fly token rotation failed' : '### Fly token rotated', ''];
  if (failure) lines.push(`> ${cell(failure)}`, '');
  const facts: string[][] = [['Scope', cell(scope)]];
  if (r.token)
    facts.push([
      'New token',
      `${code(r.token.id)} named ${code(r.token.name)}, expires ${r.token.expiresAt}`,
    ]);
  if (r.verification) facts.push(['Verification', cell(r.verification)]);
  if (r.revoked) facts.push(['Revoked', r.revoked.length ? r.revoked.map(code).join(', ') : 'none']);
  if (r.ownRevoked?.length)
    facts.push(["Revoked, this run's own and held by no target", r.ownRevoked.map(code).join(', ')]);
  if (r.kept?.length) facts.push(['Kept valid', r.kept.map(code).join(', ')]);
  if (r.deferred?.length) facts.push(['Left for a later run', r.deferred.map(code).join(', ')]);
  if (r.revocationSkipped) facts.push(['Revocation skipped', cell(r.revocationSkipped)]);
  lines.push(table(['', ''], facts));
  if (r.stored?.length) {
    lines.push(
      '',
      table(
        ['Target', 'Result'],
        r.stored.map((s) => [cell(s.target.label), s.error ? `failed: ${cell(s.error)}` : (s.result ?? '')]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function revokeSummary(scope: string, report: RevokeReport): string {
  const rows = report.map((r) => [
    code(r.id),
    r.name ? code(r.name) : '',
    r.outcome + (r.detail ? `: ${cell(r.detail)}` : ''),
  ]);
  return `### Fly tokens revoked\n\nScope: ${cell(scope)}\n\n${table(['Token', 'Name', 'Outcome'], rows)}\n`;
}

/** One line about the credential that minted: its kind and expiry as read from the token, never the token. */
export function credentialSummary(description: string): string {
  return `\nMinting credential: ${cell(description)}\n`;
}
