import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/core/errors.js';
import { defaultTokenName } from '../../../src/inputs/identity.js';
import { parseTargets, readTargets } from '../../../src/inputs/targets.js';

const get =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? '';
const env = { GITHUB_REPOSITORY: 'acme/web' };

describe('readTargets', () => {
  test('simple form: repository + secret-name, defaulting to the workflow repository', () => {
    expect(readTargets(get({}), env)).toEqual([
      { type: 'repository', app: 'actions', owner: 'acme', repo: 'web', secret: 'FLY_API_TOKEN' },
    ]);
    expect(readTargets(get({ repository: 'other/api', 'secret-name': 'fly_token' }), env)).toEqual([
      { type: 'repository', app: 'actions', owner: 'other', repo: 'api', secret: 'FLY_TOKEN' },
    ]);
  });

  test('targets and repository together are refused', () => {
    expect(() => readTargets(get({ targets: 'repo:acme/web', repository: 'acme/web' }), env)).toThrow(
      /either targets or repository/,
    );
  });

  test('targets lines use secret-name as their default secret', () => {
    const t = readTargets(get({ targets: 'repo:acme/api', 'secret-name': 'DEPLOY' }), env);
    expect(t).toEqual([{ type: 'repository', app: 'actions', owner: 'acme', repo: 'api', secret: 'DEPLOY' }]);
  });
});

describe('parseTargets', () => {
  test('every kind, with comments, blank lines and per-line secret names', () => {
    const text = [
      '# where the deploy token goes',
      'repo:acme/web',
      '',
      'env:acme/web/production secret=FLY_PROD',
      'org:acme visibility=selected repos=web,acme/api   # two repositories',
      'org:acme visibility=all secret=FLY_ALL',
      'dependabot:acme/web',
      'dependabot-org:acme visibility=private',
      'codespaces:acme/web secret=FLY_DEV',
      'codespaces-org:acme visibility=selected repos=web',
    ].join('\n');
    expect(parseTargets(text, 'FLY_API_TOKEN')).toEqual([
      { type: 'repository', app: 'actions', owner: 'acme', repo: 'web', secret: 'FLY_API_TOKEN' },
      { type: 'environment', owner: 'acme', repo: 'web', environment: 'production', secret: 'FLY_PROD' },
      {
        type: 'organization',
        app: 'actions',
        org: 'acme',
        visibility: 'selected',
        repositories: ['web', 'api'],
        secret: 'FLY_API_TOKEN',
      },
      {
        type: 'organization',
        app: 'actions',
        org: 'acme',
        visibility: 'all',
        repositories: [],
        secret: 'FLY_ALL',
      },
      { type: 'repository', app: 'dependabot', owner: 'acme', repo: 'web', secret: 'FLY_API_TOKEN' },
      {
        type: 'organization',
        app: 'dependabot',
        org: 'acme',
        visibility: 'private',
        repositories: [],
        secret: 'FLY_API_TOKEN',
      },
      { type: 'repository', app: 'codespaces', owner: 'acme', repo: 'web', secret: 'FLY_DEV' },
      {
        type: 'organization',
        app: 'codespaces',
        org: 'acme',
        visibility: 'selected',
        repositories: ['web'],
        secret: 'FLY_API_TOKEN',
      },
    ]);
  });

  test('repos= alone implies visibility=selected; long kind names work', () => {
    expect(parseTargets('organization:acme repos=web', 'S')[0]).toMatchObject({
      visibility: 'selected',
      repositories: ['web'],
    });
    expect(parseTargets('environment:acme/web/staging', 'S')[0]).toMatchObject({ environment: 'staging' });
    expect(parseTargets('repository:acme/web', 'S')[0]).toMatchObject({ type: 'repository' });
  });

  const bad: [string, RegExp][] = [
    [
      'web',
      /line 1 \("web"\) is not a target\. Expected KIND:WHERE with KIND one of repo, .*gitlab, .*forgejo, .*command, e\.g\. repo:OWNER\/REPO/,
    ],
    ['secrets:acme/web', /is not a target/],
    ['repo:acme', /line 1.*Expected format \{owner\}\/\{repo\}/],
    ['env:acme/web', /Expected format env:\{owner\}\/\{repo\}\/\{environment\}/],
    // `..` would be normalised into another API path (the repository's environments list).
    ['env:acme/web/..', /Expected format env:\{owner\}\/\{repo\}\/\{environment\}/],
    ['env:acme/web/.', /not "\." or "\.\."/],
    ['env:acme/web/prod\u0007', /Expected format env:/],
    [`env:acme/web/${'e'.repeat(256)}`, /255 characters at most/],
    ['env:acme/../prod', /Expected format \{owner\}\/\{repo\}/],
    // Names that exist on Object.prototype are no target kinds.
    ['constructor:acme/web', /is not a target/],
    ['toString:acme/web', /is not a target/],
    ['hasOwnProperty:acme/web', /is not a target/],
    ['repo:acme/web secret=', /has an empty secret=\. Expected secret=NAME/],
    ['org:acme visibility=', /has an empty visibility=\. Expected visibility=all\|private\|selected/],
    ['org:acme visibility=all repos=', /has an empty repos=\. Expected repos=NAME,NAME/],
    [
      'repo:acme--corp/web',
      /Expected format \{owner\}\/\{repo\}: an owner of letters, digits and single hyphens/,
    ],
    [`repo:${'a'.repeat(40)}/web`, /39 at most/],
    ['repo:acme-/web', /Expected format \{owner\}\/\{repo\}/],
    [`repo:acme/${'r'.repeat(101)}`, /100 at most/],
    ['repo:acme/..', /Expected format \{owner\}\/\{repo\}/],
    ['repo:acme/web/extra', /Expected format \{owner\}\/\{repo\}/],
    ['org:acme_corp visibility=all', /not an organization login\. Expected format org:\{org\}/],
    ['dependabot-org:a--b visibility=all', /Expected format dependabot-org:\{org\}/],
    [`org:${'o'.repeat(40)} visibility=all`, /not an organization login/],
    ['org:acme repos=web,..', /repos has "\.\.", which is not a repository name/],
    ['org:acme', /visibility= is missing.*Expected visibility=all/],
    ['org:acme visibility=public', /visibility "public" is not supported/],
    ['org:acme visibility=selected', /visibility=selected needs repos=/],
    ['org:acme visibility=all repos=web', /repos= applies only to visibility=selected/],
    ['org:acme repos=other/web', /not a repository of acme/],
    ['org:-acme visibility=all', /not an organization login/],
    ['repo:acme/web secret=1BAD', /secret "1BAD" is not a valid GitHub secret name/],
    ['repo:acme/web secret=GITHUB_X', /must not start with GITHUB_/],
    ['repo:acme/web visibility=all', /has "visibility=all"\. Expected only secret=/],
    ['repo:acme/web secret=A secret=B', /gives secret= twice/],
    ['repo:acme/web\nrepo:ACME/web', /line 2 .* repeats line 1/],
    ['# only a comment', /targets has no target/],
  ];
  test.each(bad)('refuses %j', (text, message) => {
    expect(() => parseTargets(text, 'FLY_API_TOKEN')).toThrow(InputError);
    expect(() => parseTargets(text, 'FLY_API_TOKEN')).toThrow(message);
  });

  test('the error names the failing line among good ones', () => {
    expect(() => parseTargets('repo:acme/web\n\nenv:acme/web', 'S')).toThrow(
      /targets line 3 \("env:acme\/web"\)/,
    );
  });

  test("names at the limits of GitHub's rules are accepted", () => {
    const env = `env:${'a'.repeat(39)}/${'r'.repeat(100)}/${'e'.repeat(255)}`;
    expect(parseTargets(env, 'S')[0]).toMatchObject({ environment: 'e'.repeat(255) });
    expect(parseTargets('env:acme/web/prod/eu.1', 'S')[0]).toMatchObject({ environment: 'prod/eu.1' });
    expect(parseTargets('repo:a-b-c/.github', 'S')[0]).toMatchObject({ owner: 'a-b-c', repo: '.github' });
  });

  test('the same place with another secret name is a different target', () => {
    expect(parseTargets('repo:acme/web\nrepo:acme/web secret=OTHER', 'S')).toHaveLength(2);
  });
});

describe('defaultTokenName', () => {
  test('one repository keeps the simple name', () => {
    expect(defaultTokenName(parseTargets('repo:acme/web', 'FLY_API_TOKEN'))).toBe(
      'fly-token-rotator acme/web FLY_API_TOKEN',
    );
  });

  test('many targets: the first one, whatever follows it', () => {
    const targets = parseTargets('env:acme/web/prod\norg:acme visibility=all\ndependabot:acme/web', 'FLY');
    expect(defaultTokenName(targets)).toBe('fly-token-rotator acme/web/prod FLY');
    expect(defaultTokenName(parseTargets('codespaces-org:acme visibility=all', 'FLY'))).toBe(
      'fly-token-rotator codespaces org acme FLY',
    );
  });

  test("stays within Fly's 200 characters", () => {
    const env = `env:acme/web/${'e'.repeat(250)}`;
    expect(defaultTokenName(parseTargets(env, 'FLY')).length).toBeLessThanOrEqual(120);
  });
});
