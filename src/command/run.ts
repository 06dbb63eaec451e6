// Runs one program with a value on its standard input, bounded in time. On POSIX the program leads a process
// group of its own, so a timeout stops what it started too (a wrapper script's `vault`, say), not just the
// wrapper: SIGTERM to the group first, SIGKILL to the group when it has not ended after a grace period.
import { type ChildProcess, spawn } from 'node:child_process';
import { Capture } from './output.js';

const GROUPS = process.platform !== 'win32';
/** How long output may keep arriving after the program exited (from something it started) before it is cut. */
const DRAIN_MS = 500;

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL. */
  killGraceMs: number;
  /** Cuts the run like the timeout does. */
  signal?: AbortSignal;
  outputCap?: number;
}

export type Ending =
  /** The program ran and exited by itself with this status. */
  | { kind: 'exited'; code: number }
  /** Something other than this run killed it. */
  | { kind: 'signalled'; signal: string }
  /** This run stopped it: its own timeout, or `signal`. */
  | { kind: 'stopped'; why: 'timeout' | 'aborted' }
  /** It never ran: `code` is the errno name (ENOENT, EACCES) when there is one. */
  | { kind: 'not-started'; code?: string; aborted?: boolean };

export interface Finished {
  ending: Ending;
  stdout: Capture;
  stderr: Capture;
}

/** Runs argv (no shell) with `input` written to its standard input, which is then closed. Never rejects. */
export function runWithInput(argv: readonly string[], input: string, options: RunOptions): Promise<Finished> {
  const stdout = new Capture(options.outputCap);
  const stderr = new Capture(options.outputCap);
  if (options.signal?.aborted)
    return Promise.resolve({ ending: { kind: 'not-started', aborted: true }, stdout, stderr });

  let child: ChildProcess;
  try {
    child = spawn(argv[0]!, argv.slice(1), {
      shell: false,
      env: options.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: GROUPS,
      windowsHide: true,
    });
  } catch (err) {
    // Arguments spawn refuses outright (a NUL byte): the program never started.
    return Promise.resolve({ ending: { kind: 'not-started', code: errnoName(err) }, stdout, stderr });
  }

  return new Promise<Finished>((resolve) => {
    let exited: Ending | undefined;
    let stoppedBy: 'timeout' | 'aborted' | undefined;
    let done = false;
    const timers: NodeJS.Timeout[] = [];

    const finish = (ending: Ending) => {
      if (done) return;
      done = true;
      for (const t of timers) clearTimeout(t);
      options.signal?.removeEventListener('abort', onAbort);
      // Whatever still holds the pipes (a daemon the program left behind) no longer keeps this run waiting.
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.stdin?.destroy();
      resolve({ ending, stdout, stderr });
    };

    const kill = (sig: NodeJS.Signals) => {
      try {
        if (GROUPS && child.pid !== undefined) process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        // The group is already gone.
      }
    };

    const stop = (why: 'timeout' | 'aborted') => {
      if (exited) {
        // The program had ended; only its output was still open. Its result stands.
        finish(exited);
        return;
      }
      if (stoppedBy) return;
      stoppedBy = why;
      kill('SIGTERM');
      // Not cleared when the run finishes: what the program started may outlive it and ignore SIGTERM.
      setTimeout(() => kill('SIGKILL'), options.killGraceMs);
    };
    const onAbort = () => stop('aborted');

    timers.push(setTimeout(() => stop('timeout'), options.timeoutMs));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout!.on('data', (chunk: Buffer) => stdout.add(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.add(chunk));
    // A program that exits without reading all of its input closes the pipe under the write (EPIPE); its
    // exit status still tells what happened.
    child.stdin!.on('error', () => {});
    child.stdin!.end(input);

    child.on('error', (err) => {
      // Spawn failures (ENOENT, EACCES) come here without a pid; after a start, errors are a failed kill.
      if (child.pid === undefined) finish({ kind: 'not-started', code: errnoName(err) });
    });
    child.on('exit', (code, signal) => {
      if (stoppedBy) exited = { kind: 'stopped', why: stoppedBy };
      else if (code !== null) exited = { kind: 'exited', code };
      else exited = { kind: 'signalled', signal: signal ?? 'unknown signal' };
      const ending = exited;
      timers.push(setTimeout(() => finish(ending), DRAIN_MS));
    });
    child.on('close', () => {
      if (exited) finish(exited);
    });
  });
}

function errnoName(err: unknown): string | undefined {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
