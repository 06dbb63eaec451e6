// Runs the action's own entry, src/action/main.ts (what dist/index.js is built from), inside the test process:
// the same inputs and environment the runner would give it, with a core that records what @actions/core would
// send the runner. A child process costs a quarter second of CPU or more per run; most end-to-end and fault cases ask
// what the action does, not how a process starts, so they run here. What only a real process shows (exit
// code, stdout as the runner reads it, the runner's files, a kill) stays with ./run-action.ts.
import { main } from '../../src/action/main.js';
import { recordingCore } from './recording-core.js';
import type { ActionRun, RunOptions } from './run-action.js';

export type MainOptions = Omit<RunOptions, 'killWhen' | 'timeoutMs'>;

export async function runMain(opts: MainOptions): Promise<ActionRun> {
  // As ./run-action.ts sets them for the child, so that a case means the same whichever way it runs.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    // main writes the summary only when the runner names a summary file; the recording core keeps it instead.
    GITHUB_STEP_SUMMARY: 'recorded',
    FLY_TOKEN_ROTATOR_GITHUB_PACING: 'off',
    ...opts.env,
  };
  const r = recordingCore(opts.inputs);
  // @actions/github's context: GITHUB_API_URL, or github.com's API when the variable is unset.
  await main(r.core, async () => ({ apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com' }), env);
  return {
    // @actions/core's setFailed is what sets the exit code 1; nothing else in main does.
    code: r.errors.length ? 1 : 0,
    signal: null,
    stdout: r.stdout(),
    stderr: '',
    outputs: r.outputs,
    summary: r.summary(),
    errors: r.errors,
  };
}
