// The action's door into the core: read inputs, build the clients, run the mode, report.
// Collaborators come in as arguments so tests can run the real entry with fakes or real emulators.
import { ApiError, errorMessage, InputError } from './errors.js';
import { readInputs } from './inputs.js';
import type { Log } from './rotate.js';
import { RotationError } from './rotate.js';
import { runRevoke, runRotation } from './run.js';
import { createServices, type Env } from './services.js';
import { revokeSummary, rotationSummary } from './summary.js';

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
  let summary = '';
  try {
    const spec = readInputs(core.getInput, env);
    const services = createServices(spec, env, log);
    const rotation = spec.rotations[0];
    if (spec.mode === 'revoke') {
      const report = await runRevoke(spec, rotation, services, log);
      summary = revokeSummary(rotation.label, report);
      core.setOutput(
        'revoked-token-ids',
        JSON.stringify(report.filter((r) => r.outcome === 'revoked').map((r) => r.id)),
      );
      for (const r of report) core.info(`${r.id}: ${r.outcome}${r.detail ? ` (${r.detail})` : ''}`);
      const bad = report.filter(
        (r) => r.outcome === 'unknown' || r.outcome === 'refused' || r.outcome === 'failed',
      );
      if (bad.length)
        throw new ApiError(`Could not revoke ${bad.map((r) => `${r.id} (${r.outcome})`).join(', ')}.`, 'fly');
      return;
    }
    try {
      const result = await runRotation(rotation, services, log);
      core.setOutput('token-id', result.token.id);
      core.setOutput('expires-at', result.token.expiresAt);
      core.setOutput('revoked-token-ids', JSON.stringify(result.revoked));
      summary = rotationSummary(rotation.label, result);
    } catch (err) {
      if (err instanceof RotationError) {
        summary = rotationSummary(rotation.label, err.partial ?? {}, err.message);
        if (err.partial?.token) core.setOutput('token-id', err.partial.token.id);
      }
      throw err;
    }
  } catch (err) {
    const known = err instanceof InputError || err instanceof ApiError || err instanceof RotationError;
    core.setFailed(known ? errorMessage(err) : `Unexpected error: ${errorMessage(err)}`);
  } finally {
    if (summary && env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write();
  }
}
