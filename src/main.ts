// The action's door into the core: read inputs, build the two clients, run the mode, report.
// Collaborators come in as arguments so tests can run the real entry with fakes or real emulators.
import { ApiError, errorMessage, InputError } from './errors.js';
import { FlyClient } from './fly/client.js';
import { DeployTokenIssuer } from './fly/issuers.js';
import { createGitHub } from './github/octokit.js';
import { RepositorySecret } from './github/targets.js';
import { SecretWriter } from './github/writer.js';
import { type Inputs, readInputs } from './inputs.js';
import { revokeTokens } from './revoke.js';
import { type Log, RotationError, rotate } from './rotate.js';
import { revokeSummary, rotationSummary } from './summary.js';
import { apiBaseUrl } from './url.js';

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

export type Env = Record<string, string | undefined>;

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
    const inputs = readInputs(core.getInput, env);
    const flyBase = apiBaseUrl(env.FLY_API_BASE_URL || 'https://api.fly.io', 'FLY_API_BASE_URL');
    const githubBase = apiBaseUrl(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
    const fly = new FlyClient({ baseUrl: flyBase, token: inputs.flyApiToken });
    const issuer = new DeployTokenIssuer(fly, inputs.app);
    if (inputs.mode === 'revoke') {
      const report = await revokeTokens(
        inputs.tokenIds,
        issuer,
        { managedName: inputs.tokenName, force: inputs.force },
        log,
      );
      summary = revokeSummary(issuer.scope, report);
      const revoked = report.filter((r) => r.outcome === 'revoked').map((r) => r.id);
      core.setOutput('revoked-token-ids', JSON.stringify(revoked));
      for (const r of report) core.info(`${r.id}: ${r.outcome}${r.detail ? ` (${r.detail})` : ''}`);
      const bad = report.filter(
        (r) => r.outcome === 'unknown' || r.outcome === 'refused' || r.outcome === 'failed',
      );
      if (bad.length)
        throw new ApiError(`Could not revoke ${bad.map((r) => `${r.id} (${r.outcome})`).join(', ')}.`, 'fly');
      return;
    }
    const writer = githubWriter(inputs, githubBase, env, log);
    try {
      const result = await rotate(inputs, issuer, writer, log);
      core.setOutput('token-id', result.token.id);
      core.setOutput('expires-at', result.token.expiresAt);
      core.setOutput('revoked-token-ids', JSON.stringify(result.revoked));
      summary = rotationSummary(issuer.scope, result);
    } catch (err) {
      if (err instanceof RotationError) {
        summary = rotationSummary(issuer.scope, err.partial ?? {}, err.message);
        if (err.partial?.token) core.setOutput('token-id', err.partial.token.id);
      }
      throw err;
    }
  } catch (err) {
    core.setFailed(
      err instanceof InputError || err instanceof ApiError || err instanceof RotationError
        ? err.message
        : `Unexpected error: ${errorMessage(err)}`,
    );
  } finally {
    if (summary && env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write();
  }
}

function githubWriter(inputs: Inputs, baseUrl: string, env: Env, log: Log): SecretWriter {
  const gh = createGitHub({
    token: inputs.githubToken,
    baseUrl,
    pacing: env.FLY_TOKEN_ROTATOR_GITHUB_PACING !== 'off',
    log,
  });
  return new SecretWriter(
    [new RepositorySecret(inputs.owner, inputs.repo, inputs.secretName)],
    async () => gh,
  );
}
