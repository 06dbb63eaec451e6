// The command target: a program the user names (Vault, 1Password, Doppler, a script) is given the token on its
// standard input and says by its exit status whether it stored it: exit 0 means stored. Anything else that
// happened after the program started is ambiguous, a non-zero exit included: real tools exit non-zero when the
// answer to a write they sent was lost (Vault 2, Doppler 1), so a failure cannot prove the old value is still
// there, and the protocol then keeps both the previous and the new token valid. Only a program that never
// started proves nothing was stored. The writer reports those facts; core/evidence.ts decides.
import { InputError, InputErrors } from '../core/errors.js';
import type { Evidence, SecretWriter, StoreOutcome, StoreTarget, TokenToStore } from '../core/interfaces.js';
import { cutOut, tokenForms } from '../core/mask.js';
import { describeArgv } from './argv.js';
import { childEnvironment } from './env.js';
import type { Capture } from './output.js';
import { type Ending, runWithInput } from './run.js';
import type { CommandTargetSpec } from './spec.js';
import { findProgram, searchPath } from './which.js';

export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
export const DEFAULT_KILL_GRACE_MS = 2_000;
/** How much of the program's last output line an error quotes. */
const QUOTED_CHARS = 200;

export class CommandTarget implements StoreTarget {
  readonly label: string;
  readonly proof = 'none' as const;
  readonly argv: readonly string[];
  /** Names the target in log lines: the spec's `secret` (by default the program's name). */
  readonly name: string;

  constructor(spec: CommandTargetSpec) {
    this.argv = [...spec.argv];
    this.name = spec.secret;
    this.label = `command ${describeArgv(spec.argv)}`;
  }

  get program(): string {
    return this.argv[0]!;
  }
}

export interface CommandWriterOptions {
  /** Receives the programs' output, one line per call, already passed through `scrub`. */
  log: (line: string) => void;
  /**
   * Masks other secret values in the programs' output (the token being written is always cut out). Default:
   * nothing more; the run's log masks what it was told to and makes control characters printable.
   */
  scrub?: (text: string) => string;
  /** Bounds each program (default 30 s); on expiry it is stopped and the outcome is ambiguous. */
  timeoutMs?: number;
  /** Between SIGTERM and SIGKILL when a program is stopped (default 2 s). */
  killGraceMs?: number;
  /** The environment the programs start from (default: this process's), before credentials are removed. */
  env?: NodeJS.ProcessEnv;
  /** Credential variables of the run's stores, removed as well as this tool's own (see ./env.ts). */
  credentialVariables?: readonly string[];
  /** Where programs run and relative program paths resolve (default: the current directory). */
  cwd?: string;
}

export class CommandWriter implements SecretWriter<CommandTarget> {
  readonly targets: readonly CommandTarget[];
  private readonly env: NodeJS.ProcessEnv;
  private readonly timeoutMs: number;
  private readonly killGraceMs: number;

  constructor(
    specs: readonly CommandTargetSpec[],
    private readonly options: CommandWriterOptions,
  ) {
    this.targets = specs.map((spec) => new CommandTarget(spec));
    this.env = childEnvironment(options.env ?? process.env, options.credentialVariables);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.killGraceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  }

  /** Every program must exist and be executable before a token is minted; all missing ones are named at once. */
  async prepare(): Promise<void> {
    const cwd = this.options.cwd ?? process.cwd();
    const problems: InputError[] = [];
    for (const program of new Set(this.targets.map((t) => t.program))) {
      const found = await findProgram(program, this.env, cwd);
      if ('reason' in found)
        problems.push(new InputError(`command target program \`${program}\` ${found.reason}.`));
    }
    if (problems.length === 1) throw problems[0];
    if (problems.length > 1) throw new InputErrors(problems);
  }

  /** Nothing to get ready: a program starts when it is run. */
  warmUp(): void {}

  /** Runs every program at once; each reports its own outcome. */
  store(token: TokenToStore, signal?: AbortSignal): Promise<StoreOutcome<CommandTarget>[]> {
    return Promise.all(this.targets.map((target) => this.storeOne(target, token.header, signal)));
  }

  /** A program cannot be asked what it holds. */
  async evidence(): Promise<Evidence[]> {
    return this.targets.map(() => ({ proof: 'none' }));
  }

  private async storeOne(
    target: CommandTarget,
    value: string,
    signal?: AbortSignal,
  ): Promise<StoreOutcome<CommandTarget>> {
    const run = await runWithInput(target.argv, value, {
      env: this.env,
      timeoutMs: this.timeoutMs,
      killGraceMs: this.killGraceMs,
      signal,
      ...(this.options.cwd ? { cwd: this.options.cwd } : {}),
    });
    // The run's scrubber masks the token too, but only once the log has learnt it: cut it out here as well.
    const forms = tokenForms(value);
    const more = this.options.scrub ?? ((text: string) => text);
    const scrub = (text: string) => more(cutOut(text, forms));
    const stdout = this.emit(target, 'stdout', run.stdout, scrub);
    const stderr = this.emit(target, 'stderr', run.stderr, scrub);
    return this.outcome(target, run.ending, stderr.at(-1) ?? stdout.at(-1));
  }

  /** Logs one stream's lines, scrubbed; returns them (scrubbed, non-empty) for the error message. */
  private emit(
    target: CommandTarget,
    stream: 'stdout' | 'stderr',
    output: Capture,
    scrub: (text: string) => string,
  ): string[] {
    const shown: string[] = [];
    for (const line of output.lines()) {
      const safe = scrub(line);
      this.options.log(`${target.name} ${stream}: ${safe}`);
      if (safe.trim()) shown.push(safe.trim());
    }
    if (output.truncated)
      this.options.log(`${target.name} ${stream}: (more output was cut: only the first 64 KiB are kept)`);
    return shown;
  }

  private outcome(target: CommandTarget, ending: Ending, lastLine?: string): StoreOutcome<CommandTarget> {
    const said = lastLine ? `: ${cut(lastLine)}` : '';
    const seconds = `${Math.round(this.timeoutMs / 100) / 10} s`;
    // Facts for the rule of evidence (core/evidence.ts): a program that started may have stored the value.
    const started = { answers: [{ lost: 'failed' as const }] };
    switch (ending.kind) {
      case 'exited':
        if (ending.code === 0) return { target, result: 'updated' };
        return {
          target,
          error: `${target.label} exited with status ${ending.code}${said}; it may still have stored the token`,
          facts: started,
        };
      case 'signalled':
        return {
          target,
          error: `${target.label} was killed by ${ending.signal}${said}; it may have stored the token`,
          facts: started,
        };
      case 'stopped':
        return {
          target,
          error:
            ending.why === 'timeout'
              ? `${target.label} did not finish within ${seconds} and was stopped; it may have stored the token`
              : `${target.label} was stopped when the run's time ran out; it may have stored the token`,
          facts: started,
        };
      case 'not-started':
        return { target, error: notStarted(target, ending, this.env), facts: { answers: [] } };
    }
  }
}

function notStarted(target: CommandTarget, ending: Ending & { kind: 'not-started' }, env: NodeJS.ProcessEnv) {
  if (ending.aborted) return `${target.label} was not started: the run's time had run out`;
  const program = `\`${target.program}\``;
  if (ending.code === 'ENOENT')
    return `${target.label} could not start: program ${program} is not found (PATH ${searchPath(env) ?? 'is not set'})`;
  if (ending.code === 'EACCES')
    return `${target.label} could not start: program ${program} is not executable`;
  return `${target.label} could not start program ${program}${ending.code ? ` (${ending.code})` : ''}`;
}

function cut(line: string): string {
  const chars = Array.from(line);
  return chars.length <= QUOTED_CHARS ? line : `${chars.slice(0, QUOTED_CHARS - 1).join('')}…`;
}
