// Commands as a store of the run (see ../core/store.ts): a `command:` line runs a program that takes the token
// on standard input; input command-timeout bounds it. No credential: every mode can "read" a command target,
// which says nothing about what it holds.
//   command:PROGRAM ARG…   (the rest of the line, split like a shell without expansion)
import { parseDuration } from '../core/duration.js';
import { errorMessage, InputError } from '../core/errors.js';
import { nameOf } from '../core/input.js';
import type { TargetSpec } from '../core/spec.js';
import type { StoreDescriptor } from '../core/store.js';
import { parseCommandLine } from './argv.js';
import type { CommandTargetSpec } from './spec.js';

function parseCommand(rest: string, where: string): CommandTargetSpec {
  let argv: string[];
  try {
    argv = parseCommandLine(rest);
  } catch (err) {
    throw new InputError(`${where}: ${errorMessage(err)}`);
  }
  if (argv.some((a) => /[\0\r\n]/.test(a)))
    throw new InputError(`${where} has a control character in an argument.`);
  return { type: 'command', argv, secret: argv[0].split('/').at(-1)! };
}

/** An argument as written on a target line when it needs no quotes, else JSON-quoted (so the form is one-to-one). */
const arg = (a: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a));
const describe = (t: CommandTargetSpec) => `command ${t.secret}`;

export const commandStore: StoreDescriptor<CommandTargetSpec> = {
  id: 'command',
  kinds: {
    command: { format: 'command:PROGRAM [ARG…]', parse: parseCommand, raw: true },
  },
  inputs: [{ name: 'command-timeout', modes: ['rotate'] }],
  owns: (t: TargetSpec): t is CommandTargetSpec => t.type === 'command',
  describe,
  key: (t) => `command ${JSON.stringify(t.argv)}`,
  address: (t) => `command:${t.argv.map(arg).join(' ')}`,
  // Earlier names had the program's name only: another rotation's command of that program shares it.
  earlierName: (t) => ({ prefix: describe(t), adopt: false }),
  /** Unset: the writer's own default (30 s). */
  credentials(get, _env, _mode, targets): { timeoutMs?: number } {
    const timeout = get('command-timeout').trim();
    if (!timeout || !targets.length) return {};
    return {
      timeoutMs: parseDuration(timeout, nameOf(get, 'command-timeout'), { minMs: 1_000, maxMs: 600_000 }),
    };
  },
  // The client and the writer load with the first run that calls an API, not with the bundle.
  connect: async (credentials, ctx) => (await import('./connect.js')).connect(credentials, ctx),
};
