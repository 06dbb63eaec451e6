// Target lines of the stores beyond GitHub: GitLab variables, Forgejo secrets, commands.
import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/core/errors.js';
import { describeTarget, parseTargets } from '../../src/inputs/targets.js';

const parse = (...lines: string[]) => parseTargets(lines, 'FLY_API_TOKEN');

describe('gitlab targets', () => {
  test('project and group variables, with scope, protection, masking and key', () => {
    expect(
      parse(
        'gitlab:acme/platform/web',
        'gitlab-group:acme/platform masked=false secret=FLY_DEPLOY scope=production protected=false',
      ),
    ).toEqual([
      {
        type: 'gitlab-project',
        path: 'acme/platform/web',
        secret: 'FLY_API_TOKEN',
        environmentScope: '*',
        protected: true,
        masked: true,
      },
      {
        type: 'gitlab-group',
        path: 'acme/platform',
        secret: 'FLY_DEPLOY',
        environmentScope: 'production',
        protected: false,
        masked: false,
      },
    ]);
  });

  test.each([
    ['gitlab:web masked=false', /not a project path\. Expected format gitlab:\{group\}\/\{project\}/],
    ['gitlab:acme/web.git masked=false', /not a GitLab project path/],
    ['gitlab:acme/../web masked=false', /not a GitLab project path/],
    ['gitlab:acme/web masked=false secret=FLY-TOKEN', /not a GitLab variable key/],
    ['gitlab:acme/web masked=false protected=yes', /protected=yes is not a boolean/],
    ['gitlab:acme/web masked=no', /masked=no is not a boolean\. Expected masked=true or masked=false/],
    ['gitlab:acme/web scope=prod,eu', /scope=prod,eu is not a GitLab environment scope/],
    ['gitlab:acme/web masked=false visibility=all', /Expected only secret=…, masked=…, scope=…, protected=…/],
  ])('%s is refused', (line, message) => {
    expect(() => parse(line)).toThrow(message);
    expect(() => parse(line)).toThrow(InputError);
  });

  test('the same key in the same scope twice is refused; another scope is another variable', () => {
    expect(() => parse('gitlab:acme/web masked=false', 'gitlab:acme/web masked=false')).toThrow(
      /repeats line 1/,
    );
    expect(
      parse('gitlab:acme/web masked=false', 'gitlab:acme/web masked=false scope=production'),
    ).toHaveLength(2);
  });
});

describe('forgejo targets', () => {
  test('repository, organization and user secrets', () => {
    expect(parse('forgejo:acme/web', 'forgejo-org:acme secret=DEPLOY', 'forgejo-user:alice')).toEqual([
      { type: 'forgejo-repo', owner: 'acme', repo: 'web', secret: 'FLY_API_TOKEN' },
      { type: 'forgejo-org', org: 'acme', secret: 'DEPLOY' },
      { type: 'forgejo-user', user: 'alice', secret: 'FLY_API_TOKEN' },
    ]);
  });

  test.each([
    ['forgejo:acme', /not a repository\. Expected format forgejo:\{owner\}\/\{repo\}/],
    ['forgejo-org:acme/web', /not a Forgejo organization name/],
    ['forgejo:acme/web secret=GITEA_TOKEN', /not a Forgejo secret name/],
    ['forgejo:acme/web secret=1TOKEN', /not a Forgejo secret name/],
  ])('%s is refused', (line, message) => {
    expect(() => parse(line)).toThrow(message);
  });
});

describe('command targets', () => {
  test('the rest of the line is the program and its arguments, split like a shell, # included', () => {
    const [t] = parse(`command:vault kv put -mount=secret "fly/acme web" token=- #not-a-comment`);
    expect(t).toEqual({
      type: 'command',
      argv: ['vault', 'kv', 'put', '-mount=secret', 'fly/acme web', 'token=-', '#not-a-comment'],
      secret: 'vault',
    });
    expect(describeTarget(t)).toBe('command vault');
  });

  test('a whole-line comment is still a comment', () => {
    expect(parse('# command:vault kv put x token=-', 'repo:acme/web')).toHaveLength(1);
  });

  test.each([
    ['command:', /Expected/],
    ['command:vault "unterminated', /Expected/],
  ])('%s is refused', (line, message) => {
    expect(() => parse(line)).toThrow(message);
    expect(() => parse(line)).toThrow(InputError);
  });

  test('two targets running the same command are refused; other arguments are another target', () => {
    expect(() => parse('command:doppler secrets set FLY', 'command:doppler secrets set FLY')).toThrow(
      /repeats line 1/,
    );
    expect(parse('command:doppler secrets set A', 'command:doppler secrets set B')).toHaveLength(2);
  });
});
