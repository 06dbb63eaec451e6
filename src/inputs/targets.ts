// Where the minted token is written, from the action's inputs: either the simple form (`repository` +
// `secret-name`) or a `targets` input with one target per line, e.g.
//   repo:acme/web
//   env:acme/web/production secret=FLY_DEPLOY
//   org:acme visibility=selected repos=web,api
import { InputError, placed } from '../core/errors.js';
import {
  type GitHubTargetSpec,
  ORG_VISIBILITIES,
  type OrgVisibility,
  type SecretApp,
  type TargetSpec,
} from '../core/spec.js';
import {
  type GetInput,
  type GetList,
  isRepoName,
  LOGIN,
  nameOf,
  noLists,
  parseRepository,
  parseSecretName,
} from './common.js';
import { PLATFORM_TARGET_FORMATS, parseCommand, parseForgejo, parseGitLab } from './platform-targets.js';

export const DEFAULT_SECRET_NAME = 'FLY_API_TOKEN';

export const TARGET_FORMATS = [
  'repo:OWNER/REPO',
  'env:OWNER/REPO/ENVIRONMENT',
  'org:ORG visibility=all|private|selected [repos=NAME,NAME]',
  'dependabot:OWNER/REPO',
  'dependabot-org:ORG visibility=…',
  'codespaces:OWNER/REPO',
  'codespaces-org:ORG visibility=…',
  ...PLATFORM_TARGET_FORMATS,
];

type Kind =
  | { type: 'repository' | 'environment' | 'organization'; app: SecretApp }
  | { type: 'gitlab-project' | 'gitlab-group' | 'forgejo-repo' | 'forgejo-org' | 'forgejo-user' };

// A Map: a plain object would find `constructor:` or `__proto__:` on its prototype.
const KINDS = new Map<string, Kind>(
  Object.entries({
    repo: { type: 'repository', app: 'actions' },
    repository: { type: 'repository', app: 'actions' },
    env: { type: 'environment', app: 'actions' },
    environment: { type: 'environment', app: 'actions' },
    org: { type: 'organization', app: 'actions' },
    organization: { type: 'organization', app: 'actions' },
    dependabot: { type: 'repository', app: 'dependabot' },
    'dependabot-org': { type: 'organization', app: 'dependabot' },
    codespaces: { type: 'repository', app: 'codespaces' },
    'codespaces-org': { type: 'organization', app: 'codespaces' },
    gitlab: { type: 'gitlab-project' },
    'gitlab-group': { type: 'gitlab-group' },
    forgejo: { type: 'forgejo-repo' },
    'forgejo-org': { type: 'forgejo-org' },
    'forgejo-user': { type: 'forgejo-user' },
  } satisfies Record<string, Kind>),
);

/**
 * GitHub allows most characters in environment names, 255 at most. Whitespace and commas would make lines
 * ambiguous, control characters are no name, and `.` or `..` would turn the API path into another one.
 */
function isEnvironmentName(name: string): boolean {
  return /^[^\s,/\p{Cc}][^\s,\p{Cc}]{0,254}$/u.test(name) && name !== '.' && name !== '..';
}

export function readTargets(
  get: GetInput,
  env: Record<string, string | undefined>,
  getList: GetList = noLists,
): TargetSpec[] {
  const [targets, repository] = [nameOf(get, 'targets'), nameOf(get, 'repository')];
  const defaultSecret = parseSecretName(
    get('secret-name') || DEFAULT_SECRET_NAME,
    nameOf(get, 'secret-name'),
  );
  const lines = get('targets');
  if (lines.trim()) {
    if (get('repository').trim()) {
      throw new InputError(
        `Give either ${targets} or ${repository}, not both. Expected ${repository} for one repository secret, or ${targets} with one target per line (add the repository as a repo:OWNER/REPO line).`,
      );
    }
    return parseTargets(getList('targets') ?? lines, defaultSecret, targets);
  }
  const simple = get('repository').trim() || env.GITHUB_REPOSITORY?.trim();
  if (!simple)
    throw new InputError(
      `${targets} is missing: nowhere to write the token. Expected ${targets} (e.g. repo:OWNER/REPO) or ${repository} OWNER/REPO.`,
    );
  const { owner, repo } = parseRepository(simple, repository);
  return [{ type: 'repository', owner, repo, secret: defaultSecret }];
}

/**
 * Parses the `targets` input, one target per line of text or per entry of a list (a config file); blank lines
 * and `#` comments are skipped. Every line is checked.
 */
export function parseTargets(
  text: string | readonly string[],
  defaultSecret: string,
  what = 'targets',
): TargetSpec[] {
  const targets: TargetSpec[] = [];
  const seen = new Map<string, number>();
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  lines.forEach((raw, i) => {
    // A command's arguments may hold `#`: only a whole-line comment is one there.
    const line = (
      /^\s*command:/i.test(raw) ? raw.replace(/^\s*#.*$/, '') : raw.replace(/(^|\s)#.*$/, '')
    ).trim();
    if (!line) return;
    const where = `${what} line ${i + 1} (${JSON.stringify(line)})`;
    // The entry as data (InputError.place): a config file reports the line of the entry from it.
    const place = { input: 'targets', entry: i };
    if (/[\r\n]/.test(line))
      throw new InputError(`${where} has a line break. Expected exactly one target per list entry.`, place);
    const target = placed(place, () => parseLine(line, where, defaultSecret));
    const key = targetKey(target);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(`${where} repeats line ${first}: the same secret would be written twice.`, place);
    }
    seen.set(key, i + 1);
    targets.push(target);
  });
  if (targets.length === 0) {
    throw new InputError(`${what} has no target. Expected one per line: ${TARGET_FORMATS.join(', ')}.`);
  }
  return targets;
}

function parseLine(line: string, where: string, defaultSecret: string): TargetSpec {
  const command = /^command:(.*)$/i.exec(line);
  if (command) return parseCommand(command[1], where);
  const [head, ...words] = line.split(/\s+/);
  const m = /^([a-z-]+):(.+)$/i.exec(head);
  const kind = m && KINDS.get(m[1].toLowerCase());
  // `repo: acme/web`, as YAML habits write it: the kind is right, the space after its colon is not.
  const spaced = /^([a-z-]+):$/i.exec(head);
  if (spaced && KINDS.has(spaced[1].toLowerCase()) && words.length)
    throw new InputError(
      `${where} has a space after "${head}". Expected no space between the kind and where it writes: ${head}${words[0]}.`,
    );
  if (!m || !kind) {
    throw new InputError(
      `${where} is not a target. Expected KIND:WHERE with KIND one of ${[...KINDS.keys(), 'command'].join(', ')}, e.g. ${TARGET_FORMATS.slice(0, 3).join(', ')} (every format is in docs/targets.md).`,
    );
  }
  if (!('app' in kind)) {
    const gitlab = kind.type === 'gitlab-project' || kind.type === 'gitlab-group';
    const options = parseOptions(words, where, gitlab ? GITLAB_OPTIONS : ['secret']);
    return gitlab
      ? parseGitLab(kind.type as 'gitlab-project', m[2], options, where, defaultSecret)
      : parseForgejo(kind.type as 'forgejo-repo', m[2], options, where, defaultSecret);
  }
  return parseGitHubLine(kind, m[2], words, where, defaultSecret);
}

const GITLAB_OPTIONS: OptionName[] = ['secret', 'masked', 'scope', 'protected'];

function parseGitHubLine(
  kind: { type: GitHubTargetSpec['type']; app: SecretApp },
  where_: string,
  words: string[],
  where: string,
  defaultSecret: string,
): GitHubTargetSpec {
  const options = parseOptions(
    words,
    where,
    kind.type === 'organization' ? ['secret', 'visibility', 'repos'] : ['secret'],
  );
  const secret =
    options.secret === undefined ? defaultSecret : parseSecretName(options.secret, `${where} secret`);
  if (kind.type === 'organization') {
    if (!LOGIN.test(where_))
      throw new InputError(
        `${where}: "${where_}" is not an organization login. Expected format ${kind.app === 'actions' ? 'org' : `${kind.app}-org`}:{org}, the login of letters, digits and single hyphens (39 at most).`,
      );
    return { type: 'organization', app: kind.app, org: where_, ...orgAccess(options, where, where_), secret };
  }
  if (kind.type === 'environment') {
    const e = /^([^/]+\/[^/]+)\/(.+)$/.exec(where_);
    if (!e || !isEnvironmentName(e[2])) {
      throw new InputError(
        `${where} is not valid. Expected format env:{owner}/{repo}/{environment}, the environment's name as GitHub shows it (255 characters at most, no spaces or commas, not "." or "..").`,
      );
    }
    const { owner, repo } = parseRepository(e[1], where);
    return { type: 'environment', owner, repo, environment: e[2], secret };
  }
  const { owner, repo } = parseRepository(where_, where);
  return { type: 'repository', app: kind.app, owner, repo, secret };
}

type Options = {
  secret?: string;
  visibility?: string;
  repos?: string;
  masked?: string;
  scope?: string;
  protected?: string;
};
type OptionName = keyof Options;

const OPTION_VALUE: Record<OptionName, string> = {
  secret: 'NAME',
  visibility: 'all|private|selected',
  repos: 'NAME,NAME',
  masked: 'false',
  scope: 'ENVIRONMENT',
  protected: 'true|false',
};

function parseOptions(words: string[], where: string, allowed: OptionName[]): Options {
  const options: Options = {};
  for (const word of words) {
    const o = /^([a-z]+)=(.*)$/i.exec(word);
    const name = allowed.find((a) => a === o?.[1].toLowerCase());
    if (!o || !name) {
      throw new InputError(
        `${where} has "${word}". Expected only ${allowed.map((a) => `${a}=…`).join(', ')}.`,
      );
    }
    if (options[name] !== undefined) throw new InputError(`${where} gives ${name}= twice.`);
    if (!o[2])
      throw new InputError(`${where} has an empty ${name}=. Expected ${name}=${OPTION_VALUE[name]}.`);
    options[name] = o[2];
  }
  return options;
}

function orgAccess(
  options: Options,
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

/** Where a target writes, case-folded like the stores: two lines with the same key would overwrite each other. */
export function targetKey(t: TargetSpec): string {
  if (t.type === 'command') return `command ${JSON.stringify(t.argv)}`;
  const scope = t.type === 'gitlab-project' || t.type === 'gitlab-group' ? ` ${t.environmentScope}` : '';
  return `${describeTarget(t).toLowerCase()} ${t.secret}${scope}`;
}

/** "acme/web", "acme/web/production", "dependabot acme/web", "org acme", "gitlab acme/web", "command vault". */
export function describeTarget(t: TargetSpec): string {
  switch (t.type) {
    case 'environment':
      return `${t.owner}/${t.repo}/${t.environment}`;
    case 'gitlab-project':
      return `gitlab ${t.path}`;
    case 'gitlab-group':
      return `gitlab group ${t.path}`;
    case 'forgejo-repo':
      return `forgejo ${t.owner}/${t.repo}`;
    case 'forgejo-org':
      return `forgejo org ${t.org}`;
    case 'forgejo-user':
      return `forgejo user ${t.user}`;
    case 'command':
      return `command ${t.secret}`;
    default: {
      const app = t.app && t.app !== 'actions' ? `${t.app} ` : '';
      return t.type === 'organization' ? `${app}org ${t.org}` : `${app}${t.owner}/${t.repo}`;
    }
  }
}
