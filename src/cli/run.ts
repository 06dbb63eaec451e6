// The CLI's door: flags and the environment in; output for people (progress on a TTY, plain lines otherwise) or
// for programs (--json), and an exit code, out. The request runs on the path every door shares
// (../run/entry.ts). Every masked value is redacted from everything it prints.
import pkg from '../../package.json' with { type: 'json' };
import { errorMessage, InputError } from '../core/errors.js';
import { printable, printableJson, printableLines } from '../core/printable.js';
import { MODES, type Mode, type RunSpec } from '../core/spec.js';
import { readRunSpec } from '../inputs/read.js';
import { runRequest } from '../run/entry.js';
import type { RotationOutcome, RunReport } from '../run/report.js';
import { Scrubber } from '../run/scrub.js';
import { type CliArgs, infoRequest, parseArgs } from './args.js';
import { refuseIneffectiveFlags } from './effect.js';
import { EXIT, HELP } from './help.js';

/** The package's version, embedded in the bundle when it is built. */
export const VERSION: string = pkg.version;

export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIO,
): Promise<number> {
  // No runner masks anything here: every masked value is cut out of all the CLI prints.
  const scrubber = new Scrubber();
  const out = (text: string) => io.stdout.write(scrubber.scrub(text));
  const err = (text: string) => io.stderr.write(scrubber.scrub(text));
  const mask = (value: string) => scrubber.add(value);
  // Before any other flag is looked at, so that these two never run anything.
  const info = infoRequest(argv);
  if (info) {
    out(info === 'help' ? HELP : `fly-token-rotator ${VERSION}\n`);
    return EXIT.ok;
  }
  try {
    const args = parseArgs(argv, env);
    const tty = Boolean(io.stderr.isTTY) && !args.json;
    const progress = (o: RotationOutcome, done: number, total: number) => {
      const line = printable(
        `${o.error ? 'FAIL' : 'ok  '} [${done}/${total}] ${o.rotation.label}${o.error ? `: ${o.error}` : ''}`,
      );
      err(tty ? `\x1b[2K\r${o.error ? '\x1b[31m' : '\x1b[32m'}${line}\x1b[0m\n` : `${line}\n`);
    };
    let done = 0;
    const { spec, report } = await runRequest({
      get: args.get,
      env,
      mask,
      sink: {
        // On a TTY the per-rotation progress line replaces the step-by-step log.
        info: (m) => (tty ? undefined : err(`${m}\n`)),
        warning: (m) => err(`warning: ${m}\n`),
        group: (_name, fn) => fn(),
      },
      read: () => readCliSpec(args, env),
      warnings: args.onCommandLine.map(
        (k) =>
          `${k.file?.what} is on the command line, where any user of this machine can read it (ps). Expected --${k.name}-file PATH${k.env ? ` or env ${k.env}` : ''}.`,
      ),
      onDone: (o, total) => progress(o, ++done, total),
    });
    out(
      args.json
        ? `${printableJson(JSON.stringify(jsonReport(spec.mode, report), null, 2))}\n`
        : plainReport(report),
    );
    if (report.failure) err(`error: ${printableLines(report.failure)}\n`);
    return report.failure ? EXIT.failed : EXIT.ok;
  } catch (e) {
    const input = e instanceof InputError;
    const message = input ? e.message : errorMessage(e);
    const code = input ? EXIT.usage : EXIT.unexpected;
    // --json promises one JSON document on stdout, also when the flags or the config were refused (the flags
    // may not have parsed, so it is looked for among the raw arguments).
    if (argv.includes('--json'))
      out(
        `${printableJson(JSON.stringify({ ok: false, exitCode: code, [input ? 'inputError' : 'unexpectedError']: message }, null, 2))}\n`,
      );
    err(`${input ? 'error' : 'unexpected error'}: ${printableLines(message)}\n`);
    return code;
  }
}

/**
 * Flags → a validated RunSpec, touching no API: the same checks as the action's inputs, and no flag that
 * would have no effect.
 */
export async function readCliSpec(args: CliArgs, env: Record<string, string | undefined>): Promise<RunSpec> {
  const mode = (args.get('mode') || 'rotate').toLowerCase() as Mode;
  // An unknown mode is reported by readRunSpec, in the same words as the action's.
  if (MODES.includes(mode)) refuseIneffectiveFlags(args.given, mode, args.get('config').trim() !== '');
  // The action refuses a github-token equal to env GITHUB_TOKEN (the runner's own token); for the CLI that
  // variable is simply where the credential comes from. A runner token is still caught by its first call.
  return readRunSpec(args.get, { ...env, GITHUB_TOKEN: undefined });
}

/** The outputs, then each token a revoke mode dealt with and what became of it (and why, when refused). */
function plainReport(report: RunReport): string {
  const several = report.outcomes.length > 1;
  const revokes = report.outcomes.flatMap((o) =>
    (o.revoke ?? []).map(
      (r) =>
        `revoke ${several ? `[${o.rotation.label}] ` : ''}${r.id}${r.name ? ` (${r.name})` : ''}: ${r.outcome}` +
        (r.detail ? ` (${r.detail})` : ''),
    ),
  );
  return [...Object.entries(report.outputs).map(([name, value]) => `${name}: ${value}`), ...revokes]
    .map((line) => `${printable(line)}\n`)
    .join('');
}

function jsonReport(mode: string, report: RunReport) {
  const parsed = (v: string) => {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  };
  return {
    mode,
    ok: !report.failure,
    ...(report.failure ? { failure: report.failure } : {}),
    outputs: Object.fromEntries(Object.entries(report.outputs).map(([k, v]) => [k, parsed(v)])),
    rotations: report.outcomes.map((o) => ({
      name: o.rotation.name ?? o.rotation.label,
      label: o.rotation.label,
      ok: !o.error,
      ...(o.error ? { error: o.error } : {}),
      ...(o.result?.token ? { tokenId: o.result.token.id, expiresAt: o.result.token.expiresAt } : {}),
      ...(o.result?.revoked ? { revoked: o.result.revoked } : {}),
      ...(o.revoke ? { revoke: o.revoke } : {}),
    })),
  };
}
