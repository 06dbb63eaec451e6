// Where the minted token is written, from the action's inputs.
import type { TargetSpec } from '../spec.js';
import { type GetInput, parseRepository, parseSecretName } from './common.js';

export const DEFAULT_SECRET_NAME = 'FLY_API_TOKEN';

export function readTargets(get: GetInput, env: Record<string, string | undefined>): TargetSpec[] {
  const { owner, repo } = parseRepository(get('repository') || env.GITHUB_REPOSITORY || '');
  const secret = parseSecretName(get('secret-name') || DEFAULT_SECRET_NAME);
  return [{ type: 'repository', owner, repo, secret }];
}

/** Names the managed token after its first target, so that tokens this action manages are recognisable. */
export function defaultTokenName(targets: TargetSpec[]): string {
  const t = targets[0];
  return `fly-token-rotator ${t.owner}/${t.repo} ${t.secret}`;
}
