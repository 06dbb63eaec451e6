// Target lines for the secret stores beyond GitHub (see ./targets.ts for the GitHub kinds and the line format):
//   gitlab:acme/web [secret=KEY] [scope=ENVIRONMENT] [protected=true|false] [masked=true|false]
//   gitlab-group:acme/platform …
//   forgejo:OWNER/REPO, forgejo-org:ORG, forgejo-user:LOGIN [secret=NAME]
//   command:PROGRAM ARG…   (the rest of the line, split like a shell without expansion)
import { parseCommandLine } from '../command/argv.js';
import { errorMessage, InputError } from '../core/errors.js';
import type { CommandTargetSpec, ForgejoTargetSpec, GitLabTargetSpec } from '../core/spec.js';
import { FORGEJO_SECRET_NAME_RULE, isForgejoSecretName } from '../forgejo/names.js';
import { isEnvironmentScope, isGitLabKey, isGitLabPath } from '../gitlab/variable.js';
import { isRepoName, LOGIN } from '../core/input.js';

export const PLATFORM_TARGET_FORMATS = [
  'gitlab:GROUP/PROJECT [scope=ENVIRONMENT] [protected=true|false] [masked=true|false]',
  'gitlab-group:GROUP [scope=…] [protected=…] [masked=…]',
  'forgejo:OWNER/REPO',
  'forgejo-org:ORG',
  'forgejo-user:LOGIN',
  'command:PROGRAM [ARG…]',
];

/** GitLab's rule for variable keys. */
export function parseGitLabKey(value: string, where: string): string {
  if (!isGitLabKey(value))
    throw new InputError(
      `${where}: "${value}" is not a GitLab variable key. Expected letters, digits and underscores (255 at most).`,
    );
  return value;
}

export function parseGitLab(
  type: GitLabTargetSpec['type'],
  path: string,
  options: Record<string, string>,
  where: string,
  defaultSecret: string,
): GitLabTargetSpec {
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
    protected: parseBoolean(options.protected, 'protected', where, true),
    masked: parseBoolean(options.masked, 'masked', where, true),
  };
}

function parseBoolean(value: string | undefined, name: string, where: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const v = value.toLowerCase();
  if (v !== 'true' && v !== 'false')
    throw new InputError(
      `${where}: ${name}=${value} is not a boolean. Expected ${name}=true or ${name}=false.`,
    );
  return v === 'true';
}

/** Forgejo's and Gitea's rule for secret names (the strictest of their releases', see ../forgejo/names.ts). */
export function parseForgejoSecretName(value: string, where: string): string {
  if (!isForgejoSecretName(value))
    throw new InputError(
      `${where}: "${value}" is not a Forgejo secret name. Expected ${FORGEJO_SECRET_NAME_RULE}.`,
    );
  return value;
}

export function parseForgejo(
  type: ForgejoTargetSpec['type'],
  place: string,
  options: Record<string, string>,
  where: string,
  defaultSecret: string,
): ForgejoTargetSpec {
  const secret = parseForgejoSecretName(
    options.secret ?? defaultSecret,
    options.secret ? `${where} secret` : where,
  );
  if (type === 'forgejo-repo') {
    const [owner, repo, ...rest] = place.split('/');
    if (rest.length || !isForgejoLogin(owner) || repo === undefined || !isRepoName(repo))
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

/** Forgejo user and organization names: alphanumerics, `-`, `_`, `.`; not starting or ending with a symbol. */
function isForgejoLogin(name: string | undefined): name is string {
  return (
    name !== undefined && (LOGIN.test(name) || /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?$/.test(name))
  );
}

export function parseCommand(rest: string, where: string): CommandTargetSpec {
  let argv: string[];
  try {
    argv = parseCommandLine(rest);
  } catch (err) {
    throw new InputError(`${where}: ${errorMessage(err)}`);
  }
  if (argv.some((a) => /[\0\r\n]/.test(a)))
    throw new InputError(`${where} has a control character in an argument.`);
  return { type: 'command', argv, secret: argv[0].split('/').at(-1)! };
}
