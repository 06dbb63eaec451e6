// GitLab CI/CD variables as a store of the run (see ../core/store.ts): the `gitlab:` and `gitlab-group:` lines,
// the gitlab-token and gitlab-url inputs, and the REST client (API v4) the writer uses.
//   gitlab:GROUP/PROJECT [secret=KEY] [scope=ENVIRONMENT] [protected=true|false] [masked=true|false]
//   gitlab-group:GROUP[/SUBGROUP] …
import { InputError } from '../core/errors.js';
import { nameOf, parseOptionBoolean, parseOptions, splitPlace } from '../core/input.js';
import type { TargetSpec } from '../core/spec.js';
import type { StoreDescriptor, TargetKind } from '../core/store.js';
import { apiBaseUrl } from '../net/url.js';
import type { Credentials } from './connect.js';
import type { GitLabTargetSpec } from './spec.js';
import { isEnvironmentScope, isGitLabKey, isGitLabPath } from './variable.js';

export const DEFAULT_GITLAB_URL = 'https://gitlab.com';
const OPTIONS = { secret: 'NAME', masked: 'false', scope: 'ENVIRONMENT', protected: 'true|false' };
const STORE_MODES = ['rotate', 'revoke', 'revoke-all', 'status'] as const;

/** GitLab's rule for variable keys. */
export function parseGitLabKey(value: string, where: string): string {
  if (!isGitLabKey(value))
    throw new InputError(
      `${where}: "${value}" is not a GitLab variable key. Expected letters, digits and underscores (255 at most).`,
    );
  return value;
}

function parseGitLab(
  type: GitLabTargetSpec['type'],
  rest: string,
  where: string,
  defaultSecret: string,
): GitLabTargetSpec {
  const { place: path, words } = splitPlace(rest);
  const options = parseOptions(words, where, OPTIONS);
  if (!isGitLabPath(path)) {
    const what = type === 'gitlab-group' ? 'group' : 'project';
    throw new InputError(
      `${where}: "${path}" is not a GitLab ${what} path. Expected format ${type}:{group}/${type === 'gitlab-group' ? '{subgroup}' : '{project}'}, the full path as in its URL.`,
    );
  }
  if (type === 'gitlab-project' && !path.includes('/'))
    throw new InputError(
      `${where}: "${path}" is not a project path. Expected format gitlab:{group}/{project}.`,
    );
  const scope = options.scope ?? '*';
  if (!isEnvironmentScope(scope))
    throw new InputError(
      `${where}: scope=${scope} is not a GitLab environment scope. Expected letters, digits, - _ / $ { } . and * (255 at most).`,
    );
  return {
    type,
    path,
    secret: options.secret === undefined ? defaultSecret : parseGitLabKey(options.secret, `${where} secret`),
    environmentScope: scope,
    protected: parseOptionBoolean(options, 'protected', where, true),
    masked: parseOptionBoolean(options, 'masked', where, true),
  };
}

const kind = (type: GitLabTargetSpec['type'], format: string): TargetKind<GitLabTargetSpec> => ({
  format,
  parse: (rest, where, defaultSecret) => parseGitLab(type, rest, where, defaultSecret),
});

const describe = (t: GitLabTargetSpec) => `gitlab${t.type === 'gitlab-group' ? ' group' : ''} ${t.path}`;

export const gitlabStore: StoreDescriptor<GitLabTargetSpec> = {
  id: 'gitlab',
  kinds: {
    gitlab: kind(
      'gitlab-project',
      'gitlab:GROUP/PROJECT [scope=ENVIRONMENT] [protected=true|false] [masked=true|false]',
    ),
    'gitlab-group': kind('gitlab-group', 'gitlab-group:GROUP [scope=…] [protected=…] [masked=…]'),
  },
  inputs: [
    {
      name: 'gitlab-token',
      env: 'GITLAB_TOKEN',
      secret: true,
      modes: STORE_MODES,
      help: {
        value: 'TOKEN',
        text: 'or env GITLAB_TOKEN: for gitlab targets (scope api; Maintainer, Owner for groups)',
      },
    },
    {
      name: 'gitlab-url',
      env: 'GITLAB_URL',
      modes: STORE_MODES,
      help: { value: 'URL', text: 'or env GITLAB_URL: the GitLab instance (default https://gitlab.com)' },
    },
  ],
  owns: (t: TargetSpec): t is GitLabTargetSpec => t.type === 'gitlab-project' || t.type === 'gitlab-group',
  describe,
  key: (t) => `${describe(t).toLowerCase()} ${t.secret} ${t.environmentScope}`,
  address: (t) => `${describe(t)} ${t.secret} scope=${t.environmentScope}`,
  // Earlier names left the scope out: another rotation of the same key may have minted under them.
  earlierName: (t) => ({ prefix: `${describe(t)} ${t.secret}`, adopt: false }),
  /** Rotate needs the token (a write without it cannot happen); the other modes report targets they cannot read. */
  credentials(get, _env, mode, targets): Credentials | undefined {
    if (!targets.length) return undefined;
    const token = get('gitlab-token').trim();
    if (!token && mode === 'rotate')
      throw new InputError(
        `${nameOf(get, 'gitlab-token')} is required for GitLab targets. Expected a GitLab token with scope api and the Maintainer role on each project (Owner on each group).`,
      );
    const url = apiBaseUrl(get('gitlab-url').trim() || DEFAULT_GITLAB_URL, nameOf(get, 'gitlab-url'));
    return token ? { url, token } : undefined;
  },
  // The client and the writer load with the first run that calls an API, not with the bundle.
  connect: async (credentials, ctx) => (await import('./connect.js')).connect(credentials, ctx),
};
