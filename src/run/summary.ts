// Job summaries as plain Markdown strings, so tests can compare them with golden files.
// Only ids, names, dates and target labels go in here: never a token value.

import { noLegacyCommands, visibleControls } from '../core/printable.js';
import type { RevokeReport } from '../core/revoke.js';
import type { RotationResult } from '../core/rotation.js';

/**
 * Line breaks become spaces (a cell is one line); other control characters show as escapes, and `##[` as
 * `#\u0023[`, as in the log (the summary is shown, not obeyed, but the same text reads the same in both).
 */
const oneLine = (s: string) => noLegacyCommands(visibleControls(s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')));

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Any text as it reads, in a table cell or after `> `: no markup, link, HTML or extra column. Underscores inside
 * a word (FLY_API_TOKEN) cannot emphasise anything and stay as they are.
 */
export function cell(s: string): string {
  return oneLine(s)
    .replace(/[\\`*~[\]|]/g, '\\$&')
    .replace(/[<>&]/g, (c) => ENTITIES[c])
    .replace(/_+/g, (run, at: number, all: string) =>
      WORD.test(all.charAt(at - 1)) && WORD.test(all.charAt(at + run.length))
        ? run
        : run.replace(/_/g, '\\_'),
    )
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const WORD = /^[\p{L}\p{N}]$/u;

/**
 * Any text as a code span: its fence is longer than any run of backticks inside, and a space pads text that
 * starts or ends with a backtick (or with spaces, which Markdown would strip). `|` stays escaped for tables.
 */
export function code(s: string): string {
  const text = oneLine(s).replace(/\|/g, '\\|');
  if (!text) return '';
  const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^`|`$/.test(text) || /^ .*[^ ].* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

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
      `${code(r.token.id)} named ${code(r.token.name)}, expires ${cell(r.token.expiresAt)}`,
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
        r.stored.map((s) => [
          cell(s.target.label),
          s.error ? `failed: ${cell(s.error)}` : `${s.result ?? ''}${PROOF_NOTE[s.target.proof] ?? ''}`,
        ]),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** What a successful write proves, beyond the store's answer (GitHub's timestamp needs no note). */
const PROOF_NOTE: Record<string, string> = {
  'read-back': ', read back and compared',
  none: ' (the store cannot be read back)',
};

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
