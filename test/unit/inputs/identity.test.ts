// A rotation's managed identity (src/inputs/identity.ts, src/core/names.ts): the default token-name follows the
// first target's full address, every target's name is managed, earlier default names are adopted only where they
// named one address, and rotations that would share a target or a name are found.
import { describe, expect, test } from '@jest/globals';
import { familiesOverlap, isManagedName, type NameFamily, namesOverlap } from '../../../src/core/names.js';
import type { RotationSpec } from '../../../src/core/spec.js';
import {
  defaultTokenName,
  MAX_DEFAULT_NAME,
  managedFamilies,
  rotationConflicts,
  targetTokenName,
  unclaimedFamilies,
} from '../../../src/inputs/identity.js';
import { parseTargets } from '../../../src/inputs/targets.js';

const targets = (lines: string) => parseTargets(lines, 'FLY_API_TOKEN');
const nameOf = (line: string) => targetTokenName(targets(line)[0]);

describe('the default token-name', () => {
  test('is the first target alone: adding or removing the others changes nothing', () => {
    const one = defaultTokenName(targets('repo:acme/web'));
    expect(one).toBe('fly-token-rotator acme/web FLY_API_TOKEN');
    expect(defaultTokenName(targets('repo:acme/web\nrepo:acme/api\norg:acme visibility=all'))).toBe(one);
    expect(defaultTokenName(targets('repo:acme/web\norg:acme visibility=all'))).toBe(one);
  });

  test('differs for every distinct store address', () => {
    const lines = [
      'repo:acme/web',
      'repo:acme/web secret=OTHER',
      'dependabot:acme/web',
      'codespaces:acme/web',
      'env:acme/web/production',
      'org:acme visibility=all',
      'dependabot-org:acme visibility=all',
      'gitlab:acme/web',
      'gitlab:acme/web scope=production',
      'gitlab:acme/web scope=staging',
      'gitlab-group:acme',
      'gitlab-group:acme scope=production',
      'forgejo:acme/web',
      'forgejo-org:acme',
      'command:vault kv put secret/deploy token=-',
      'command:vault kv put secret/migrate token=-',
      'command:/usr/local/bin/vault kv put secret/deploy token=-',
      'command:vault "kv put" secret/deploy',
      'command:vault kv put secret/deploy',
    ];
    const names = lines.map(nameOf);
    expect(new Set(names).size).toBe(lines.length);
    expect(nameOf('gitlab:acme/web scope=production')).toBe(
      'fly-token-rotator gitlab acme/web FLY_API_TOKEN scope=production',
    );
    expect(nameOf('command:vault kv put secret/deploy token=-')).toBe(
      'fly-token-rotator command:vault kv put secret/deploy token=-',
    );
    expect(nameOf('command:vault "kv put" x')).toBe('fly-token-rotator command:vault "kv put" x');
  });

  test('a long or non-ASCII address is cut and hashed: still one name per address, short enough', () => {
    const long = (tail: string) => `command:vault kv put ${'secret/'.repeat(30)}${tail}`;
    const [a, b] = [nameOf(long('a')), nameOf(long('b'))];
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(MAX_DEFAULT_NAME);
    expect(a).toMatch(/^fly-token-rotator command:vault kv put secret\/.* #[0-9a-f]{12}$/);
    const env = nameOf('env:acme/web/prodüction');
    expect(env).toMatch(/^fly-token-rotator acme\/web\/prod\?ction FLY_API_TOKEN #[0-9a-f]{12}$/);
    expect(env).not.toBe(nameOf('env:acme/web/prodöction'));
  });

  test('the GitLab and command forms are never the ambiguous ones of earlier releases', () => {
    // Earlier releases named these `fly-token-rotator gitlab acme/web FLY_API_TOKEN` (any scope) and
    // `fly-token-rotator command vault` (any arguments): another rotation may have minted those.
    for (const [line, earlier] of [
      ['gitlab:acme/web', 'fly-token-rotator gitlab acme/web FLY_API_TOKEN · run 1/1 abc123'],
      ['command:vault', 'fly-token-rotator command vault · run 1/1 abc123'],
      ['command:vault', 'fly-token-rotator command vault +1 · run 1/1 abc123'],
    ]) {
      expect(isManagedName(earlier, managedFamilies(targets(line)))).toBe(false);
      // Mode status points them out instead.
      expect(isManagedName(earlier, unclaimedFamilies(targets(line)))).toBe(true);
    }
    expect(unclaimedFamilies(targets('repo:acme/web\nforgejo:acme/web'))).toEqual([]);
    expect(unclaimedFamilies(targets('command:vault'), 'ci')).toEqual([]);
  });
});

describe('the names a rotation manages', () => {
  const [A, B, C] = ['repo:acme/web', 'repo:acme/web secret=TWO', 'env:acme/web/production'];
  const sorted = (fs: NameFamily[]) => [...fs].sort((x, y) => x.prefix.localeCompare(y.prefix));

  test('the first target names the list, and reordering the targets manages the same names', () => {
    const abc = managedFamilies(targets([A, B, C].join('\n')));
    expect(abc[0]).toEqual({ prefix: defaultTokenName(targets(A)), counted: true });
    expect(sorted(managedFamilies(targets([C, A, B].join('\n'))))).toEqual(sorted(abc));
  });

  test("adopts an earlier release's default name of any of its GitHub or Forgejo targets (`… +N`)", () => {
    const managed = managedFamilies(targets([B, A].join('\n')));
    for (const name of [
      'fly-token-rotator acme/web FLY_API_TOKEN +1 · run 7/1 abc123',
      'fly-token-rotator acme/web FLY_API_TOKEN +12',
      'fly-token-rotator acme/web TWO · run 7/1 abc123',
      'fly-token-rotator acme/web FLY_API_TOKEN · cli abc123',
    ])
      expect(isManagedName(name, managed)).toBe(true);
    for (const name of [
      'fly-token-rotator acme/web FLY_API_TOKEN +x',
      'fly-token-rotator acme/web FLY_API_TOKENS',
      'fly-token-rotator acme/web FLY_API_TOKEN +1 more',
      'fly-token-rotator acme/web/production FLY_API_TOKEN · cli abc123',
    ])
      expect(isManagedName(name, managed)).toBe(false);
    const forgejo = managedFamilies(targets('forgejo:acme/web'));
    expect(isManagedName('fly-token-rotator forgejo acme/web FLY_API_TOKEN +3 · cli 1', forgejo)).toBe(true);
  });

  test('an explicit token-name is the only name managed', () => {
    expect(managedFamilies(targets(A), 'ci')).toEqual([{ prefix: 'ci' }]);
    expect(isManagedName('ci · run 1/1 abc', 'ci')).toBe(true);
    expect(isManagedName('ci +1', 'ci')).toBe(false);
  });
});

describe('overlapping names', () => {
  test.each([
    [{ prefix: 'ci' }, { prefix: 'ci' }, true],
    [{ prefix: 'ci' }, { prefix: 'ci · web' }, true],
    [{ prefix: 'ci' }, { prefix: 'ci web' }, false],
    [{ prefix: 'ci' }, { prefix: 'ci +1' }, false],
    [{ prefix: 'ci', counted: true }, { prefix: 'ci +1' }, true],
    [{ prefix: 'ci', counted: true }, { prefix: 'ci +1x' }, false],
    [{ prefix: 'ci ·' }, { prefix: 'ci' }, true],
    [{ prefix: 'ci', counted: true }, { prefix: 'ci', counted: true }, true],
  ] as [NameFamily, NameFamily, boolean][])('%j and %j: %s', (a, b, overlap) => {
    expect(familiesOverlap(a, b)).toBe(overlap);
    expect(familiesOverlap(b, a)).toBe(overlap);
  });

  test('rotations of different targets never overlap by their default names', () => {
    const lines = [
      'repo:acme/web',
      'repo:acme/web secret=FLY_API_TOKEN_2',
      'gitlab:acme/web',
      'command:vault',
    ];
    for (const a of lines)
      for (const b of lines)
        if (a !== b)
          expect(namesOverlap(managedFamilies(targets(a)), managedFamilies(targets(b)))).toBeUndefined();
  });
});

describe('conflicts between the rotations of one config', () => {
  const rotation = (name: string, lines: string, more: Partial<RotationSpec> = {}): RotationSpec => {
    const ts = targets(lines);
    return {
      name,
      label: name,
      kind: 'deploy',
      scope: { app: 'acme-web' },
      expiryMs: 1,
      keepPrevious: 0,
      targets: ts,
      tokenName: defaultTokenName(ts),
      managed: managedFamilies(ts),
      ...more,
    };
  };
  const conflicts = (...rs: RotationSpec[]) =>
    rotationConflicts(rs.map((r, index) => ({ index, rotation: r }))).map((c) => `${c.index}: ${c.message}`);

  test('two rotations writing one command or one GitLab variable of one scope', () => {
    expect(
      conflicts(
        rotation('deploy', 'command:vault put a'),
        rotation('other', 'repo:acme/api\ncommand:vault put a'),
      ),
    ).toEqual([
      '1: rotations.1 (other) and rotations.0 (deploy) both write "command:vault put a": the last write would win and both would report success. Expected each target in one rotation only.',
    ]);
    expect(
      conflicts(rotation('deploy', 'command:vault put a'), rotation('migrate', 'command:vault put b')),
    ).toEqual([]);
    expect(
      conflicts(
        rotation('p', 'gitlab:acme/web scope=production'),
        rotation('s', 'gitlab:acme/web scope=staging'),
      ),
    ).toEqual([]);
  });

  test('one token-name in one app is a conflict; in two apps it is not (each app has its own token list)', () => {
    const ci = { tokenName: 'ci', managed: [{ prefix: 'ci' }] };
    expect(conflicts(rotation('a', 'repo:acme/a', ci), rotation('b', 'repo:acme/b', ci))).toHaveLength(1);
    expect(
      conflicts(
        rotation('a', 'repo:acme/a', ci),
        rotation('b', 'repo:acme/b', { ...ci, scope: { app: 'acme-api' } }),
      ),
    ).toEqual([]);
    // An explicit name equal to another rotation's default name.
    const taken = { tokenName: 'fly-token-rotator acme/a FLY_API_TOKEN', managed: undefined };
    expect(conflicts(rotation('a', 'repo:acme/a'), rotation('b', 'repo:acme/b', taken))[0]).toMatch(
      /rotations\.1 \(b\) and rotations\.0 \(a\) manage the same token names in app acme-web/,
    );
  });
});
