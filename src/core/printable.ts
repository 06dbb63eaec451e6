// Text from a remote API or a config file, made safe to print. On a runner every stdout/stderr line that starts
// with `::` is a workflow command (`::add-mask::`, `::error::`, `::stop-commands::`), the runner also obeys the
// legacy form `##[command]` anywhere in a line (`##[stop-commands]x` would stop it obeying the `::add-mask::`
// lines that follow, and print them in clear), and a terminal obeys escape sequences: a token named
// "x\n::error::…", "… · ##[stop-commands]x" or "\u001b]0;…" must show as what it is, never act. The one rule
// for untrusted text, in core/ so that every client (GitLab, Forgejo, the REST client) and both doors use it.
import type { Log } from './interfaces.js';

// C0 and C1 controls (newlines, ESC, CSI), DEL, the Unicode line separators, and the marks that reorder text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Every control character written as a visible escape (`\n`, `\u001b`): the text shows as one line. */
export function visibleControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** `##[` anywhere written as `#\u0023[`: the runner's legacy command form, which it finds anywhere in a line. */
export function noLegacyCommands(text: string): string {
  return text.replace(/##\[/g, '#\\u0023[');
}

/** One line with every control character written as a visible escape, which cannot start a workflow command. */
export function printable(text: string): string {
  const line = noLegacyCommands(visibleControls(text));
  // The runner trims a line before looking for `::`; our own messages never start that way.
  return line.replace(/^(\s*)::/, '$1\\u003a:');
}

/** Like printable, but keeps the line breaks of a message that has several lines (a config file's problems). */
export function printableLines(text: string): string {
  return text.split(/\r?\n/).map(printable).join('\n');
}

// What JSON.stringify leaves raw inside strings: it escapes C0 itself, and its own line breaks must stay.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text (from JSON.stringify) with the unsafe characters it leaves raw escaped too, and `##[` as `#\u0023[`
 * (only strings can hold it, and there it is a JSON escape of the same `#`): still the same JSON.
 */
export function printableJson(json: string): string {
  return noLegacyCommands(
    json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** The door's Log, with every message made printable: messages quote token names and API errors. */
export function printableLog(log: Log): Log {
  return {
    info: (m) => log.info(printable(m)),
    warning: (m) => log.warning(printable(m)),
    mask: (v) => log.mask(v),
    group: (name, fn) => log.group(printable(name), fn),
  };
}
