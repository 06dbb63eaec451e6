// GitHub's target lines (see ./store.ts):
//   repo:acme/web, env:acme/web/production, org:acme visibility=selected repos=web,api
//   dependabot:…, dependabot-org:…, codespaces:…, codespaces-org:…   [secret=NAME]
import { InputError } from '../core/errors.js';
import {
  isRepoName,
  LOGIN,
  parseOptions,
  parseRepository,
  parseSecretName,
  splitPlace,
} from '../core/input.js';
import { type GitHubTargetSpec, ORG_VISIBILITIES, type OrgVisibility, type SecretApp } from './spec.js';

export type GitHubKind = { type: GitHubTargetSpec['type']; app: SecretApp };

/**
 * GitHub allows most characters in environment names, 255 at most. Whitespace and commas would make lines
 * ambiguous, control characters are no name, and `.` or `..` would turn the API path into another one.
 */
function isEnvironmentName(name: string): boolean {
  return /^[^\s,/\p{Cc}][^\s,\p{Cc}]{0,254}$/u.test(name) && name !== '.' && name !== '..';
}

export function parseGitHubLine(
  kind: GitHubKind,
  rest: string,
  where: string,
  defaultSecret: string,
): GitHubTargetSpec {
  const { place, words } = splitPlace(rest);
  const options = parseOptions(
    words,
    where,
    kind.type === 'organization'
      ? { secret: 'NAME', visibility: 'all|private|selected', repos: 'NAME,NAME' }
      : { secret: 'NAME' },
  );
  const secret =
    options.secret === undefined ? defaultSecret : parseSecretName(options.secret, `${where} secret`);
  if (kind.type === 'organization') {
    if (!LOGIN.test(place))
      throw new InputError(
        `${where}: "${place}" is not an organization login. Expected format ${kind.app === 'actions' ? 'org' : `${kind.app}-org`}:{org}, the login of letters, digits and single hyphens (39 at most).`,
      );
    return { type: 'organization', app: kind.app, org: place, ...orgAccess(options, where, place), secret };
  }
  if (kind.type === 'environment') {
    const e = /^([^/]+\/[^/]+)\/(.+)$/.exec(place);
    if (!e || !isEnvironmentName(e[2])) {
      throw new InputError(
        `${where} is not valid. Expected format env:{owner}/{repo}/{environment}, the environment's name as GitHub shows it (255 characters at most, no spaces or commas, not "." or "..").`,
      );
    }
    const { owner, repo } = parseRepository(e[1], where);
    return { type: 'environment', owner, repo, environment: e[2], secret };
  }
  const { owner, repo } = parseRepository(place, where);
  return { type: 'repository', app: kind.app, owner, repo, secret };
}

function orgAccess(
  options: Record<string, string>,
  where: string,
  org: string,
): { visibility: OrgVisibility; repositories: string[] } {
  const repositories = options.repos === undefined ? [] : parseRepoNames(options.repos, where, org);
  const visibility = (options.visibility?.toLowerCase() ??
    (options.repos ? 'selected' : '')) as OrgVisibility;
  if (!ORG_VISIBILITIES.includes(visibility)) {
    throw new InputError(
      `${where}: ${options.visibility === undefined ? 'visibility= is missing' : `visibility "${options.visibility}" is not supported`}. ` +
        'Expected visibility=all, visibility=private, or visibility=selected with repos=NAME,NAME.',
    );
  }
  if (visibility === 'selected' && repositories.length === 0) {
    throw new InputError(`${where}: visibility=selected needs repos=NAME,NAME (repositories of ${org}).`);
  }
  if (visibility !== 'selected' && options.repos !== undefined) {
    throw new InputError(`${where}: repos= applies only to visibility=selected.`);
  }
  return { visibility, repositories };
}

function parseRepoNames(value: string, where: string, org: string): string[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      const slash = name.indexOf('/');
      if (slash >= 0) {
        const { owner, repo } = parseRepository(name, `${where} repos`);
        if (owner.toLowerCase() !== org.toLowerCase()) {
          throw new InputError(`${where}: repos has ${name}, which is not a repository of ${org}.`);
        }
        return repo;
      }
      if (!isRepoName(name)) {
        throw new InputError(
          `${where}: repos has "${name}", which is not a repository name. Expected NAME,NAME.`,
        );
      }
      return name;
    });
  return [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
}
