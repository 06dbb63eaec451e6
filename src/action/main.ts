// The action's door: @actions/core's inputs in, outputs, the job summary and setFailed out; the request itself
// runs on the one path every door shares (../run/entry.ts).
// Collaborators come in as arguments so tests can run the real entry with fakes or real emulators; run() is the
// entry as GitHub's runner (../index.ts) and @github/local-action call it, with @actions/core itself.
import * as actionsCore from '@actions/core';
import { errorMessage, InputError } from '../core/errors.js';
import { printableLines } from '../core/printable.js';
import { readRunSpec } from '../inputs/read.js';
import { runRequest } from '../run/entry.js';
import { Scrubber } from '../run/scrub.js';
import type { Env } from '../run/services.js';

/** The slice of @actions/core the action uses. */
export interface ActionCore {
  getInput(name: string): string;
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  info(message: string): void;
  warning(message: string): void;
  setFailed(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  summary: { addRaw(text: string, addEOL?: boolean): { write(): Promise<unknown> } };
}

/** The slice of @actions/github's `context` the action uses. */
export interface ActionContext {
  apiUrl: string;
}

/**
 * The action with @actions/core and @actions/github's context, as the runner starts it. A failed run sets
 * process.exitCode to 1 itself (not only through setFailed, which @github/local-action's stand-in for
 * @actions/core records without setting it) and never calls process.exit: whoever imported it decides when
 * the process ends.
 */
export async function run(): Promise<void> {
  const ok = await main(actionsCore, async () => (await import('@actions/github')).context, process.env);
  if (!ok) process.exitCode = 1;
}

/**
 * `loadContext`: @actions/github's context, loaded only by a mode that calls an API (see ../github/auth.ts).
 * Resolves to false when the run failed (after setFailed), true when it succeeded.
 */
export async function main(
  actionCore: ActionCore,
  loadContext: () => Promise<ActionContext>,
  env: Env,
): Promise<boolean> {
  // Every masked value is also cut out of outputs, the summary and the failure message.
  const scrubber = new Scrubber();
  const core: ActionCore = {
    ...actionCore,
    setSecret: (value) => {
      scrubber.add(value);
      actionCore.setSecret(value);
    },
  };
  const fail = (message: string) => {
    core.setFailed(printableLines(scrubber.scrub(message)));
    return false;
  };
  try {
    const { report } = await runRequest({
      get: core.getInput,
      env,
      mask: core.setSecret,
      sink: { info: core.info, warning: core.warning, group: core.group },
      read: (get) => readRunSpec(get, env),
      apiUrl: async () => (await loadContext()).apiUrl,
    });
    for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, scrubber.scrub(value));
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(scrubber.scrub(report.summary), true).write();
    return report.failure ? fail(report.failure) : true;
  } catch (err) {
    return fail(err instanceof InputError ? err.message : `Unexpected error: ${errorMessage(err)}`);
  }
}
