import { describe, expect, test } from '@jest/globals';
import { ConfigError, parseConfig, type ReadRotation } from '../../../src/config/load.js';
import { pickRotations } from '../../../src/config/pick.js';
import { InputError, InputErrors } from '../../../src/core/errors.js';
import { readRotation, readRunSpec } from '../../../src/inputs/read.js';

const read: ReadRotation = (get, getList) => readRotation(get, {}, getList);

async function problems(text: string): Promise<string[]> {
  try {
    await parseConfig(text, 'bot.yml', read);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => `${p.line}: ${p.message}`);
    throw err;
  }
  throw new Error('expected the config to be refused');
}

const GOOD = `# yaml-language-server: $schema=../schema/config.schema.json
version: 1
concurrency: 4
defaults:
  expiry: 3d
  keep-previous: 1
rotations:
  - app: acme-web
    targets: [repo:acme/web, "env:acme/web/production secret=FLY_DEPLOY"]
  - name: acme-api-exec
    kind: machine-exec
    app: acme-api
    commands: [/app/bin/migrate]
    expiry: 12h
    targets:
      - repo:acme/api
  - kind: org
    org: acme
    keep-previous: 0
    targets: "org:acme visibility=private secret=FLY_ORG_TOKEN"
`;

describe('config lists: one entry is one command or target, whatever it contains', () => {
  const exec = (commands: string) =>
    `rotations:\n  - kind: machine-exec\n    app: acme-api\n${commands}\n    targets: [repo:acme/api]\n`;

  test('a command with a comma in a YAML list stays one command', async () => {
    const { rotations } = await parseConfig(
      exec('    commands: ["curl -d a,b http://internal"]\n    command-prefixes:\n      - echo x,y'),
      'bot.yml',
      read,
    );
    expect(rotations[0].scope.commands).toEqual([['curl', '-d', 'a,b', 'http://internal']]);
    expect(rotations[0].scope.commandPrefixes).toEqual([['echo', 'x,y']]);
  });

  test('a string in the file is one command per line, commas included', async () => {
    const { rotations } = await parseConfig(
      exec('    commands: |\n      curl -d a,b http://internal\n      uptime'),
      'bot.yml',
      read,
    );
    expect(rotations[0].scope.commands).toEqual([['curl', '-d', 'a,b', 'http://internal'], ['uptime']]);
    const one = await parseConfig(exec('    commands: "ls a,b"'), 'bot.yml', read);
    expect(one.rotations[0].scope.commands).toEqual([['ls', 'a,b']]);
  });

  test("'*' alone in a list still means every command", async () => {
    const { rotations } = await parseConfig(exec('    commands: ["*"]'), 'bot.yml', read);
    expect(rotations[0].scope.allCommands).toBe(true);
  });

  test('an entry with a line break is refused, not split into two', async () => {
    expect(await problems(exec('    commands: ["ls\\nrm -rf /"]'))).toEqual([
      expect.stringMatching(
        /commands has an entry with a line break .*Expected exactly one command per list entry/,
      ),
    ]);
    const targets = 'rotations:\n  - app: acme-web\n    targets: ["repo:acme/web\\nrepo:acme/other"]\n';
    expect(await problems(targets)).toEqual([
      expect.stringMatching(
        /targets line 1 .* has a line break\. Expected exactly one target per list entry/,
      ),
    ]);
  });
});

describe('config file', () => {
  test('defaults apply to every rotation and each rotation overrides them', async () => {
    const { rotations, concurrency } = await parseConfig(GOOD, 'bot.yml', read);
    expect(concurrency).toBe(4);
    expect(rotations.map((r) => r.name)).toEqual(['acme-web', 'acme-api-exec', 'acme-org']);
    expect(rotations.map((r) => r.expiryMs)).toEqual([3 * 86_400_000, 12 * 3_600_000, 3 * 86_400_000]);
    expect(rotations.map((r) => r.keepPrevious)).toEqual([1, 1, 0]);
    expect(rotations[0].targets).toHaveLength(2);
    expect(rotations[0].targets[1]).toMatchObject({
      type: 'environment',
      environment: 'production',
      secret: 'FLY_DEPLOY',
    });
    expect(rotations[1].kind).toBe('machine-exec');
    expect(rotations[2]).toMatchObject({ kind: 'org', scope: { org: 'acme' } });
    expect(rotations[0].label).toMatch(/^acme-web: /);
  });

  test('reports every schema problem at once, each with its line', async () => {
    const text = `rotations:
  - app: acme-web
    expiry: soon
    colour: blue
    targets: repo:acme/web
  - kind: teleport
    app: acme-api
    keep-previous: -1
    targets: repo:acme/api
defaults:
  name: shared
`;
    expect(await problems(text)).toEqual([
      '3: rotations.0.expiry is not valid. Expected a duration such as 90m, 72h, 1h30m, 7d or 2w.',
      '4: rotations.0 has unknown key "colour".',
      '6: rotations.1.kind must be one of: deploy, org, readonly, machine-exec, ssh, wireguard, litefs-cloud.',
      '8: rotations.1.keep-previous must be at least 0.',
      '11: defaults must not set "name" (each rotation names itself).',
    ]);
  });

  test('checks each rotation with the action input parsers and points at the offending key', async () => {
    const text = `defaults:
  kind: deploy
rotations:
  - app: acme-web
    targets:
      - repo:acme/web
      - bogus:acme/web
  - org: acme
    targets: [repo:acme/web]
  - app: acme-web
    targets: [repo:acme/other]
`;
    const found = await problems(text);
    expect(found).toHaveLength(3);
    // The second rotation inherits kind deploy from the defaults, so the problem points there.
    expect(found[0]).toMatch(/^2: defaults \(used by acme-deploy\): kind deploy needs `app`/);
    expect(found[1]).toMatch(/^7: rotations\.0 \(acme-web\): targets line 2/);
    expect(found[2]).toMatch(/^10: rotations\.2 is named "acme-web" like rotations\.0/);
  });

  test('YAML syntax errors carry their line', async () => {
    const found = await problems('rotations:\n  - app: a\n    app: b\n');
    expect(found[0]).toMatch(/^3: /);
    expect((await problems('rotations: [\n'))[0]).toMatch(/^\d+: /);
  });

  test('an empty or missing rotations list is refused', async () => {
    const example = 'e.g. "rotations: [{app: my-app, targets: [repo:me/my-app]}]"';
    expect(await problems('defaults: {}\n')).toEqual([`1: the file needs "rotations", ${example}.`]);
    expect(await problems('rotations: []\n')).toEqual([
      `1: rotations must list at least one rotation, ${example}.`,
    ]);
  });

  test('only picks rotations by name and refuses unknown names', async () => {
    const { rotations } = await parseConfig(GOOD, 'bot.yml', read);
    expect(pickRotations(rotations, '').map((r) => r.name)).toHaveLength(3);
    expect(pickRotations(rotations, 'acme-org, acme-web').map((r) => r.name)).toEqual([
      'acme-web',
      'acme-org',
    ]);
    expect(() => pickRotations(rotations, 'acme-db')).toThrow(
      /only names "acme-db".*Expected one of: acme-web/,
    );
  });

  test('the error message lists file:line for each problem', async () => {
    const text = 'rotations:\n  - app: x\n    nope: 1\n    targets: repo:a/x\n';
    await expect(parseConfig(text, 'cfg/bot.yml', read)).rejects.toThrow(
      'cfg/bot.yml has 1 problem:\n  cfg/bot.yml:3: rotations.0 has unknown key "nope".',
    );
  });
});

test('rotations the schema accepts are still checked when others are not', async () => {
  const text = `rotations:
  - app: acme-web
    colour: blue
    targets: [repo:acme/web]
  - app: acme-api
    targets: [nowhere:acme/api]
`;
  const found = await problems(text);
  expect(found).toHaveLength(2);
  expect(found[0]).toBe('3: rotations.0 has unknown key "colour".');
  expect(found[1]).toMatch(/^6: rotations\.1 \(acme-api\): targets line 1/);
});

test('readRunSpec refuses per-token inputs beside config instead of ignoring them', async () => {
  const inputs: Record<string, string> = { config: 'fly-tokens.yml', app: 'acme-web', 'fly-api-token': 'x' };
  await expect(readRunSpec((n) => inputs[n] ?? '', {})).rejects.toThrow(
    'config is set, so app would be ignored. Expected either config or the per-token inputs',
  );
});

describe('every problem of every rotation, at once', () => {
  test('schema problems and input problems of the same rotation are all reported, without repeats', async () => {
    const text = `version: 2
concurrency: 0
defaults:
  expiry: 1s
rotations:
  - app: Bad_App!
    targets: [repo:acme/web, "nowhere:x"]
    keep-previous: -1
  - app: acme-web
  - kind: teleport
    targets: repo:acme/web
  - kind: org
    app: acme-web
    token-name: ""
    targets: []
  - kind: machine-exec
    app: acme-exec
    commands: 5
    keep-previous: x
    targets: repo:acme/exec
`;
    expect(await problems(text)).toEqual([
      '1: version must be 1.',
      '2: concurrency must be at least 1.',
      '4: defaults (used by Bad_App!, acme-web, rotation, acme-web-org, acme-exec-machine-exec): expiry "1s" is shorter than one minute.',
      '6: rotations.0.app is not valid. Expected a Fly app name: letters, digits and dashes.',
      '7: rotations.0 (Bad_App!): targets line 2 ("nowhere:x") is not a target. Expected KIND:WHERE with KIND one of repo, repository, env, environment, org, organization, dependabot, dependabot-org, codespaces, codespaces-org, gitlab, gitlab-group, forgejo, forgejo-org, forgejo-user, command, e.g. repo:OWNER/REPO, env:OWNER/REPO/ENVIRONMENT, org:ORG visibility=all|private|selected [repos=NAME,NAME] (every format is in docs/targets.md).',
      '8: rotations.0.keep-previous must be at least 0.',
      '9: rotations.1 (acme-web): targets is missing: nowhere to write the token. Expected targets (e.g. repo:OWNER/REPO) or repository OWNER/REPO.',
      '10: rotations.2.kind must be one of: deploy, org, readonly, machine-exec, ssh, wireguard, litefs-cloud.',
      '12: rotations.3 (acme-web-org): kind org needs `org`: the slug of a Fly organization, e.g. "personal" (see `fly orgs list`).',
      '14: rotations.3.token-name must not be empty.',
      '15: rotations.3.targets must list at least 1 entry.',
      '18: rotations.4.commands must be text or a list.',
      '19: rotations.4.keep-previous must be a whole number.',
    ]);
  });

  test('a rotation with several input problems reports each at its key', async () => {
    const text = `rotations:
  - kind: org
    org: acme
    app: acme-web
    expiry: 1s
    targets: [repo:acme/web, "repo:acme/web"]
`;
    expect(await problems(text)).toEqual([
      '2: rotations.0 (acme-web-org): kind org does not use `app` (it uses `org`). Remove `app`.',
      '5: rotations.0 (acme-web-org): expiry "1s" is shorter than one minute.',
      '6: rotations.0 (acme-web-org): targets line 2 ("repo:acme/web") repeats line 1: the same secret would be written twice.',
    ]);
  });
});

describe('a problem is placed by the position its error carries, not by its words', () => {
  const text = `defaults:
  expiry: 3d
rotations:
  - app: acme-web
    kind: deploy
    targets:
      - repo:acme/web
      - repo:acme/api
`;
  const refusing =
    (...errors: InputError[]): ReadRotation =>
    () => {
      throw errors.length === 1 ? errors[0] : new InputErrors(errors);
    };
  const lines = async (reader: ReadRotation) => {
    try {
      await parseConfig(text, 'bot.yml', reader);
    } catch (err) {
      if (err instanceof ConfigError) return err.problems.map((p) => `${p.line}: ${p.message}`);
      throw err;
    }
    throw new Error('expected the config to be refused');
  };

  test('a list entry, a key under its input name (kind for token-type) and a default, worded anyhow', async () => {
    expect(
      await lines(
        refusing(
          new InputError('The second target is wrong.', { input: 'targets', entry: 1 }),
          new InputError('Wrong kind.', { input: 'token-type' }),
          new InputError('Bad expiry.', { input: 'expiry' }),
        ),
      ),
    ).toEqual([
      '2: defaults (used by acme-web): Bad expiry.',
      '5: rotations.0 (acme-web): Wrong kind.',
      '8: rotations.0 (acme-web): The second target is wrong.',
    ]);
  });

  test('the parsers set it: a targets line keeps its line whatever the message says', async () => {
    const reworded: ReadRotation = (get, getList) => {
      try {
        return read(get, getList);
      } catch (err) {
        if (err instanceof InputError) throw new InputError(`Reworded: ${err.message}`, err.place);
        throw err;
      }
    };
    const broken = text.replace('repo:acme/api', 'nowhere:acme/api');
    const found = await problems(broken);
    expect(found).toEqual([expect.stringMatching(/^8: rotations\.0 \(acme-web\): targets line 2/)]);
    try {
      await parseConfig(broken, 'bot.yml', reworded);
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.line)).toEqual([8]);
      return;
    }
    throw new Error('expected the config to be refused');
  });

  test('an error without a place is at the rotation', async () => {
    expect(await lines(refusing(new InputError('Something about nothing.')))).toEqual([
      '4: rotations.0 (acme-web): Something about nothing.',
    ]);
  });
});
