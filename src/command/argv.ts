// A command target names its program as one line of text (`command:vault kv put -mount=secret fly token=-`),
// split into argv here. Nothing is expanded and no shell ever runs it, so `$HOME` or `*` reach the program as
// written; the splitting rules are the macaroon library's (flyctl's machine-exec commands use the same ones).
import { InputError } from '../core/errors.js';
import { shellSplit } from '../core/shlex.js';

/**
 * Splits a command line into argv like a POSIX shell without expansion: whitespace separates words, '…'
 * keeps everything literally, "…" keeps everything but `\"` and `\\` (and `\$`, `` \` ``), and a backslash
 * outside quotes keeps the next character.
 */
export function parseCommandLine(text: string): string[] {
  let argv: string[];
  try {
    argv = shellSplit(text);
  } catch {
    throw new InputError(
      `command \`${text}\` is not complete: a quote is left open or it ends with a backslash. Expected ` +
        `a program and its arguments separated by spaces, with an argument that has spaces in '…' or "…".`,
    );
  }
  if (argv.length === 0)
    throw new InputError('command is empty. Expected a program and its arguments, e.g. `vault kv put …`.');
  if (argv[0] === '')
    throw new InputError(`command \`${text}\` has an empty program name. Expected a program to run first.`);
  return argv;
}

const LABEL_CHARS = 80;

/** One argument as parseCommandLine reads it back: bare when it can be, else in quotes. */
function quote(arg: string): string {
  if (arg !== '' && !/[\s'"\\]/.test(arg)) return arg;
  if (!arg.includes("'")) return `'${arg}'`;
  return `"${arg.replace(/["\\$`]/g, (c) => `\\${c}`)}"`;
}

/** `vault kv put -mount=secret fly token=-`, cut at 80 characters: names a command in messages. */
export function describeArgv(argv: readonly string[]): string {
  const text = argv.map(quote).join(' ');
  // By code points, so a cut never splits a surrogate pair into an unprintable half.
  const chars = Array.from(text);
  return chars.length <= LABEL_CHARS ? text : `${chars.slice(0, LABEL_CHARS - 1).join('')}…`;
}
