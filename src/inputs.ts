import { parseDuration } from './duration.js';
import { InputError } from './errors.js';
import { MODES, type Mode, type RunSpec } from './spec.js';

/** Reads one input; '' when unset. Matches @actions/core's getInput. */
export type GetInput = (name: string) => string;

export const DEFAULT_EXPIRY = '7d';
export const DEFAULT_SECRET_NAME = 'FLY_API_TOKEN';

/** Validates every input before anything is minted or written; each error says what was expected. */
export function readInputs(get: GetInput, env: Record<string, string | undefined>): RunSpec {
  const mode = (get('mode') || 'rotate').toLowerCase() as Mode;
  if (!MODES.includes(mode))
    throw new InputError(`mode "${mode}" is not supported. Expected one of: ${MODES.join(', ')}.`);
  const fly = required(get, 'fly-api-token', 'a Fly auth token (FlyV1 fm2_… or a personal access token)');
  const app = get('app').trim();
  if (!app)
    throw new InputError(
      'app is required. Expected the name of the Fly app whose deploy token is rotated, e.g. "my-app".',
    );
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(app))
    throw new InputError(`app "${app}" is not a Fly app name. Expected letters, digits and dashes.`);
  const { owner, repo } = parseRepository(get('repository') || env.GITHUB_REPOSITORY || '');
  const secret = parseSecretName(get('secret-name') || DEFAULT_SECRET_NAME);
  const expiryMs = parseDuration(get('expiry') || DEFAULT_EXPIRY, 'expiry');
  const tokenName = get('token-name').trim() || defaultTokenName(owner, repo, secret);
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
        label: `deploy token for app ${app}`,
        kind: 'deploy',
        scope: { app },
        expiryMs,
        tokenName,
        keepPrevious: parseCount(get('keep-previous') || '0', 'keep-previous'),
        targets: [{ type: 'repository', owner, repo, secret }],
      },
    ],
  };
}

function required(get: GetInput, name: string, expected: string): string {
  const v = get(name).trim();
  if (!v) throw new InputError(`${name} is required. Expected ${expected}.`);
  return v;
}

export function parseRepository(value: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/.exec(value.trim());
  if (!m || m[2] === '.' || m[2] === '..') {
    throw new InputError(`repository "${value}" is not valid. Expected format {owner}/{repo}.`);
  }
  return { owner: m[1], repo: m[2] };
}

/** GitHub's rules for secret names, checked here so that a bad name never costs a minted token. */
export function parseSecretName(value: string): string {
  const name = value.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new InputError(
      `secret-name "${value}" is not a valid GitHub secret name. Expected only letters, digits and underscores, not starting with a digit.`,
    );
  }
  if (/^GITHUB_/i.test(name))
    throw new InputError(`secret-name "${value}" must not start with GITHUB_ (GitHub reserves that prefix).`);
  return name.toUpperCase();
}

export function parseTokenIds(value: string): string[] {
  const ids = value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0)
    throw new InputError(
      'token-ids is required for mode revoke. Expected token IDs separated by commas or new lines.',
    );
  for (const id of ids) {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) {
      throw new InputError(
        `token-ids has "${id}", which is not a Fly token ID. Expected IDs like those shown by \`fly tokens list\`.`,
      );
    }
  }
  return [...new Set(ids)];
}

function parseCount(value: string, name: string): number {
  if (!/^\d+$/.test(value.trim()))
    throw new InputError(`${name} "${value}" is not a whole number. Expected 0, 1, 2…`);
  return Number(value.trim());
}

export function defaultTokenName(owner: string, repo: string, secretName: string): string {
  return `fly-token-rotator ${owner}/${repo} ${secretName}`;
}

export function parseBoolean(value: string, name: string): boolean {
  const v = value.trim();
  if (/^(true|True|TRUE)$/.test(v)) return true;
  if (/^(false|False|FALSE)$/.test(v)) return false;
  throw new InputError(`${name} "${value}" is not a boolean. Expected true or false.`);
}
