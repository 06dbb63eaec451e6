// GitHub secrets as a store of the run (see ../core/store.ts): repository, environment and organization
// secrets of Actions, Dependabot and Codespaces; github-token or a GitHub App; one client per target owner.
import type { TargetSpec } from '../core/spec.js';
import type { StoreDescriptor, TargetKind } from '../core/store.js';
import type { Credentials } from './connect.js';
import { readGitHubCredentials } from './credentials.js';
import { type GitHubKind, parseGitHubLine } from './lines.js';
import type { GitHubTargetSpec } from './spec.js';

const STORE_MODES = ['rotate', 'revoke', 'revoke-all', 'status'] as const;
const TYPES: readonly string[] = ['repository', 'environment', 'organization'];

const kind = (
  type: GitHubKind['type'],
  app: GitHubKind['app'],
  format?: string,
): TargetKind<GitHubTargetSpec> => ({
  ...(format ? { format } : {}),
  parse: (rest, where, defaultSecret) => parseGitHubLine({ type, app }, rest, where, defaultSecret),
});

function describe(t: GitHubTargetSpec): string {
  if (t.type === 'environment') return `${t.owner}/${t.repo}/${t.environment}`;
  const app = t.app && t.app !== 'actions' ? `${t.app} ` : '';
  return t.type === 'organization' ? `${app}org ${t.org}` : `${app}${t.owner}/${t.repo}`;
}

export const githubStore: StoreDescriptor<GitHubTargetSpec> = {
  id: 'github',
  // Kinds without a format are other spellings of the one before (`repository:` for `repo:`).
  kinds: {
    repo: kind('repository', 'actions', 'repo:OWNER/REPO'),
    repository: kind('repository', 'actions'),
    env: kind('environment', 'actions', 'env:OWNER/REPO/ENVIRONMENT'),
    environment: kind('environment', 'actions'),
    org: kind('organization', 'actions', 'org:ORG visibility=all|private|selected [repos=NAME,NAME]'),
    organization: kind('organization', 'actions'),
    dependabot: kind('repository', 'dependabot', 'dependabot:OWNER/REPO'),
    'dependabot-org': kind('organization', 'dependabot', 'dependabot-org:ORG visibility=…'),
    codespaces: kind('repository', 'codespaces', 'codespaces:OWNER/REPO'),
    'codespaces-org': kind('organization', 'codespaces', 'codespaces-org:ORG visibility=…'),
  },
  inputs: [
    {
      name: 'github-token',
      env: 'GITHUB_TOKEN',
      secret: true,
      modes: STORE_MODES,
      help: { value: 'TOKEN', text: 'or env GITHUB_TOKEN: a token that can write the secrets' },
    },
    {
      name: 'github-app-id',
      env: 'GITHUB_APP_ID',
      modes: STORE_MODES,
      help: {
        value: 'ID',
        text: 'or env GITHUB_APP_ID: a GitHub App instead of a token, with its private key from',
      },
    },
    {
      name: 'github-app-private-key',
      env: 'GITHUB_APP_PRIVATE_KEY',
      secret: true,
      file: { what: 'the GitHub App private key', example: 'the .pem file GitHub gave you' },
      modes: STORE_MODES,
      help: {
        value: 'PATH',
        text:
          'a PEM file, or env GITHUB_APP_PRIVATE_KEY (--github-app-private-key PEM\n' +
          "                            also works, but a flag's value shows in the process list)",
      },
    },
  ],
  // GitHub's CLI reads GH_TOKEN: a program a command target runs must not find a GitHub credential there either.
  secretVariables: ['GH_TOKEN'],
  owns: (t: TargetSpec): t is GitHubTargetSpec => TYPES.includes(t.type),
  describe,
  key: (t) => `${describe(t).toLowerCase()} ${t.secret}`,
  address: (t) => `${describe(t)} ${t.secret}`,
  earlierName: (t) => ({ prefix: `${describe(t)} ${t.secret}`, adopt: true }),
  // A job sees its own repository's secrets and environments, and its organization's secrets.
  handedTo: (t, repository) =>
    t.type === 'organization'
      ? t.org.toLowerCase() === repository.split('/')[0].toLowerCase()
      : `${t.owner}/${t.repo}`.toLowerCase() === repository.toLowerCase(),
  /** Read in every run: a GitHub App given with a bad key is a bad input whatever the targets. */
  credentials: (get, env, mode, targets): Credentials =>
    readGitHubCredentials(get, env, mode === 'rotate' && targets.length > 0),
  // The client and the writer load with the first run that calls an API, not with the bundle.
  connect: async (credentials, ctx) => (await import('./connect.js')).connect(credentials, ctx),
};
