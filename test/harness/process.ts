// Runs a program to its end and collects what it printed: the CLI, npx, npm, the emulators script.
import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the run was stopped for taking longer than timeoutMs. */
  timedOut?: boolean;
}

export interface ProcessOptions {
  env: Record<string, string>;
  cwd?: string;
  /**
   * Stop the program (and every process it started) after this long. The program then runs in a process group
   * of its own, and the whole group is killed when it ends, so that nothing it started outlives the test.
   */
  timeoutMs?: number;
}

export function runProcess(cmd: string, args: string[], opts: ProcessOptions): Promise<ProcessResult> {
  const group = opts.timeoutMs !== undefined && process.platform !== 'win32';
  const child = spawn(cmd, args, {
    env: opts.env,
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: group,
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const killGroup = () => {
    try {
      if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // The group has already ended.
    }
  };
  const timer =
    opts.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          killGroup();
        }, opts.timeoutMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      // Whatever the program started and left running (an npm child, a server) ends with it.
      if (group) killGroup();
      resolve({ code, stdout, stderr, timedOut });
    }),
  );
}
