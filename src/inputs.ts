// The action's inputs → a validated RunSpec. Every check happens here, before anything is minted.
import { parseDuration } from './duration.js';
import { InputError } from './errors.js';
import { type GetInput, parseBoolean, parseCount, parseTokenIds, required } from './inputs/common.js';
import { readKindAndScope } from './inputs/fly-scope.js';
import { defaultTokenName, readTargets } from './inputs/targets.js';
import { MODES, type Mode, type RunSpec } from './spec.js';

export type { GetInput } from './inputs/common.js';
export { parseRepository, parseSecretName, parseTokenIds } from './inputs/common.js';

export const DEFAULT_EXPIRY = '7d';

export function readInputs(get: GetInput, env: Record<string, string | undefined>): RunSpec {
  const mode = (get('mode') || 'rotate').toLowerCase() as Mode;
  if (!MODES.includes(mode))
    throw new InputError(`mode "${mode}" is not supported. Expected one of: ${MODES.join(', ')}.`);
  const fly = required(get, 'fly-api-token', 'a Fly auth token (FlyV1 fm2_… or a personal access token)');
  const { kind, scope, label } = readKindAndScope(get);
  const targets = readTargets(get, env);
  const expiryMs = parseDuration(get('expiry') || DEFAULT_EXPIRY, 'expiry');
  const tokenName = get('token-name').trim() || defaultTokenName(targets);
  if (tokenName.length > 200) throw new InputError('token-name is longer than 200 characters.');
  const tokenIds = mode === 'revoke' ? parseTokenIds(get('token-ids')) : [];
  const github =
    mode === 'rotate'
      ? required(
          get,
          'github-token',
          'a token that can write secrets (fine-grained PAT or GitHub App installation token)',
        )
      : get('github-token').trim();
  return {
    mode,
    force: parseBoolean(get('force') || 'false', 'force'),
    tokenIds,
    credentials: { fly, github },
    rotations: [
      {
        label,
        kind,
        scope,
        expiryMs,
        tokenName,
        keepPrevious: parseCount(get('keep-previous') || '0', 'keep-previous'),
        targets,
      },
    ],
  };
}
