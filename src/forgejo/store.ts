// Forgejo and Gitea Actions secrets as a store of the run (see ../core/store.ts): the `forgejo:`,
// `forgejo-org:` and `forgejo-user:` lines, the forgejo-token and forgejo-url inputs, and the REST client.
//   forgejo:OWNER/REPO, forgejo-org:ORG, forgejo-user:LOGIN [secret=NAME]
import { InputError } from '../core/errors.js';
import { isRepoName, LOGIN, nameOf, parseOptions, splitPlace } from '../core/input.js';
import type { TargetSpec } from '../core/spec.js';
import type { StoreDescriptor, TargetKind } from '../core/store.js';
import { apiBaseUrl } from '../net/url.js';
import type { Credentials } from './connect.js';
import { FORGEJO_SECRET_NAME_RULE, isForgejoSecretName } from './names.js';
import type { ForgejoTargetSpec } from './spec.js';

const STORE_MODES = ['rotate', 'revoke', 'revoke-all', 'status'] as const;

/** Forgejo's and Gitea's rule for secret names (the strictest of their releases', see ./names.ts). */
export function parseForgejoSecretName(value: string, where: string): string {
  if (!isForgejoSecretName(value))
    throw new InputError(
      `${where}: "${value}" is not a Forgejo secret name. Expected ${FORGEJO_SECRET_NAME_RULE}.`,
    );
  return value;
}

/** Forgejo user and organization names: alphanumerics, `-`, `_`, `.`; not starting or ending with a symbol. */
function isForgejoLogin(name: string | undefined): name is string {
  return (
    name !== undefined && (LOGIN.test(name) || /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?$/.test(name))
  );
}

function parseForgejo(
  type: ForgejoTargetSpec['type'],
  rest: string,
  where: string,
  defaultSecret: string,
): ForgejoTargetSpec {
  const { place, words } = splitPlace(rest);
  const options = parseOptions(words, where, { secret: 'NAME' });
  const secret = parseForgejoSecretName(
    options.secret ?? defaultSecret,
    options.secret ? `${where} secret` : where,
  );
  if (type === 'forgejo-repo') {
    const [owner, repo, ...more] = place.split('/');
    if (more.length || !isForgejoLogin(owner) || repo === undefined || !isRepoName(repo))
      throw new InputError(
        `${where}: "${place}" is not a repository. Expected format forgejo:{owner}/{repo}.`,
      );
    return { type, owner, repo, secret };
  }
  if (!isForgejoLogin(place)) {
    const what = type === 'forgejo-org' ? 'organization' : 'user';
    throw new InputError(
      `${where}: "${place}" is not a Forgejo ${what} name. Expected format ${type}:{name}, letters, digits, '-', '_' and '.'.`,
    );
  }
  return type === 'forgejo-org' ? { type, org: place, secret } : { type, user: place, secret };
}

const kind = (type: ForgejoTargetSpec['type'], format: string): TargetKind<ForgejoTargetSpec> => ({
  format,
  parse: (rest, where, defaultSecret) => parseForgejo(type, rest, where, defaultSecret),
});

function describe(t: ForgejoTargetSpec): string {
  if (t.type === 'forgejo-repo') return `forgejo ${t.owner}/${t.repo}`;
  return t.type === 'forgejo-org' ? `forgejo org ${t.org}` : `forgejo user ${t.user}`;
}

export const forgejoStore: StoreDescriptor<ForgejoTargetSpec> = {
  id: 'forgejo',
  kinds: {
    forgejo: kind('forgejo-repo', 'forgejo:OWNER/REPO'),
    'forgejo-org': kind('forgejo-org', 'forgejo-org:ORG'),
    'forgejo-user': kind('forgejo-user', 'forgejo-user:LOGIN'),
  },
  inputs: [
    {
      name: 'forgejo-token',
      env: 'FORGEJO_TOKEN',
      secret: true,
      modes: STORE_MODES,
      help: { value: 'TOKEN', text: 'or env FORGEJO_TOKEN: for forgejo targets (write:repository, …)' },
    },
    {
      name: 'forgejo-url',
      env: 'FORGEJO_URL',
      modes: STORE_MODES,
      help: {
        value: 'URL',
        text: 'or env FORGEJO_URL: the Forgejo or Gitea instance, e.g. https://codeberg.org',
      },
    },
  ],
  owns: (t: TargetSpec): t is ForgejoTargetSpec =>
    t.type === 'forgejo-repo' || t.type === 'forgejo-org' || t.type === 'forgejo-user',
  describe,
  key: (t) => `${describe(t).toLowerCase()} ${t.secret}`,
  address: (t) => `${describe(t)} ${t.secret}`,
  earlierName: (t) => ({ prefix: `${describe(t)} ${t.secret}`, adopt: true }),
  credentials(get, _env, mode, targets): Credentials | undefined {
    if (!targets.length) return undefined;
    const token = get('forgejo-token').trim();
    const rawUrl = get('forgejo-url').trim();
    if (!rawUrl && (token || mode === 'rotate'))
      throw new InputError(
        `${nameOf(get, 'forgejo-url')} is required for Forgejo targets. Expected the instance's address, e.g. https://codeberg.org.`,
      );
    if (!token && mode === 'rotate')
      throw new InputError(
        `${nameOf(get, 'forgejo-token')} is required for Forgejo targets. Expected a Forgejo access token with write:repository (repository secrets), write:organization (organization secrets) or write:user (user secrets).`,
      );
    return token ? { url: apiBaseUrl(rawUrl, nameOf(get, 'forgejo-url')), token } : undefined;
  },
  // The client and the writer load with the first run that calls an API, not with the bundle.
  connect: async (credentials, ctx) => (await import('./connect.js')).connect(credentials, ctx),
};
