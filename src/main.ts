// The action's door into the core: read inputs, build the clients, execute, report.
// Collaborators come in as arguments so tests can run the real entry with fakes or real emulators.
import { errorMessage, InputError } from './errors.js';
import { execute } from './execute.js';
import { readInputs } from './inputs.js';
import type { Log } from './rotate.js';
import { createServices, type Env } from './services.js';

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

export async function main(core: ActionCore, env: Env): Promise<void> {
  // Mask the credentials before anything else can print them.
  for (const name of ['fly-api-token', 'github-token']) {
    const value = core.getInput(name).trim();
    if (value) {
      core.setSecret(value);
      core.setSecret(value.replace(/^(FlyV1|Bearer)\s+/i, ''));
    }
  }
  const log: Log = { info: core.info, warning: core.warning, mask: core.setSecret, group: core.group };
  try {
    const spec = readInputs(core.getInput, env);
    const report = await execute(spec, createServices(spec, env, log), log);
    for (const [name, value] of Object.entries(report.outputs)) core.setOutput(name, value);
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(report.summary, true).write();
    if (report.failure) core.setFailed(report.failure);
  } catch (err) {
    core.setFailed(err instanceof InputError ? err.message : `Unexpected error: ${errorMessage(err)}`);
  }
}
