import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { forgejoClient } from '../../../src/forgejo/client.js';
import type { ForgejoTargetSpec } from '../../../src/forgejo/spec.js';
import { ForgejoWriter } from '../../../src/forgejo/writer.js';
import { type ForgejoEmulator, startForgejoEmulator } from '../../emulators/forgejo/index.js';
import { undecided } from '../fakes.js';

const FLY = { id: 'tok_1', header: 'FlyV1 fm2_lJPECAAAAAAAAAAAsecretvalue,fm2_lJPEtailpart' };
const repo = (owner: string, name: string, secret = 'FLY_API_TOKEN'): ForgejoTargetSpec => ({
  type: 'forgejo-repo',
  owner,
  repo: name,
  secret,
});
const org = (name: string, secret = 'FLY_API_TOKEN'): ForgejoTargetSpec => ({
  type: 'forgejo-org',
  org: name,
  secret,
});
const user = (name: string, secret = 'FLY_API_TOKEN'): ForgejoTargetSpec => ({
  type: 'forgejo-user',
  user: name,
  secret,
});

describe('ForgejoWriter against the Forgejo emulator', () => {
  let em: ForgejoEmulator;
  const writer = (
    specs: ForgejoTargetSpec[],
    token: string,
    opts: { timeoutMs?: number; retries?: number } = {},
  ) => new ForgejoWriter(specs, forgejoClient({ url: `${em.url}/`, token, retryBaseMs: 1, ...opts }));

  beforeAll(async () => {
    em = await startForgejoEmulator();
    for (const u of ['alice', 'bob', 'carol']) em.addUser(u);
    em.addOrg('acme', { owners: ['alice'], members: ['bob'] });
    em.addRepo('acme/web', { collaborators: { bob: 'admin' } });
    em.addRepo('acme/api');
    em.addRepo('acme/noci', { actions: false });
    em.addToken('alice-all', {
      user: 'alice',
      scopes: ['write:repository', 'write:organization', 'write:user'],
    });
    em.addToken('alice-read', {
      user: 'alice',
      scopes: ['read:repository', 'read:organization', 'read:user'],
    });
    em.addToken('alice-repo', { user: 'alice', scopes: ['write:repository'] });
    em.addToken('bob-all', { user: 'bob', scopes: ['all'] });
  });
  afterEach(() => em.server.clearFaults());
  afterAll(() => em.close());

  test('labels name the secret and its level; every target proves nothing beyond existence', () => {
    const w = writer([repo('acme', 'web'), org('acme'), user('alice')], 'alice-all');
    expect(w.targets.map((t) => [t.label, t.proof])).toEqual([
      ['Forgejo secret FLY_API_TOKEN of repository acme/web', 'none'],
      ['Forgejo secret FLY_API_TOKEN of organization acme', 'none'],
      ['Forgejo secret FLY_API_TOKEN of user alice', 'none'],
    ]);
  });

  test('repository, organization and user: prepare writes nothing, store creates then updates', async () => {
    const w = writer([repo('acme', 'web'), org('acme'), user('alice')], 'alice-all');
    const before = em.writes.length;
    await w.prepare();
    expect(em.writes.length).toBe(before);
    const first = await w.store(FLY);
    expect(first.map((o) => [o.result, o.error, undecided(o)])).toEqual([
      ['created', undefined, false],
      ['created', undefined, false],
      ['created', undefined, false],
    ]);
    expect(em.secret({ repo: 'acme/web' }, 'FLY_API_TOKEN')?.value).toBe(FLY.header);
    expect(em.secret({ org: 'acme' }, 'FLY_API_TOKEN')?.value).toBe(FLY.header);
    expect(em.secret({ user: 'alice' }, 'FLY_API_TOKEN')?.value).toBe(FLY.header);
    const second = await w.store({ id: 'tok_2', header: 'FlyV1 fm2_second' });
    expect(second.map((o) => o.result)).toEqual(['updated', 'updated', 'updated']);
    const put = em.server.requests.filter((r) => r.operation === 'updateRepoSecret').at(-1);
    expect(put?.authorization).toBe('token alice-all');
  });

  test('prepare checks each scope once, with one read and one write probe', async () => {
    const w = writer([repo('acme', 'api', 'A'), repo('ACME', 'API', 'B')], 'alice-all');
    const count = () => em.server.requests.filter((r) => r.path.startsWith('/api/v1/repos/acme/api')).length;
    const before = count();
    await w.prepare();
    await w.prepare();
    expect(count() - before).toBe(2);
  });

  test('evidence says whether each secret exists, from the list; user secrets cannot be listed', async () => {
    const w = writer(
      [repo('acme', 'api', 'PRESENT'), repo('acme', 'api', 'absent'), user('alice')],
      'alice-all',
    );
    await writer([repo('acme', 'api', 'present')], 'alice-all').store(FLY);
    expect(await w.evidence()).toEqual([
      { proof: 'none', exists: true },
      { proof: 'none', exists: false },
      { proof: 'none' },
    ]);
  });

  test('evidence pages through long lists, stopping once every name is found', async () => {
    em.addRepo('acme/big');
    const filler = writer(
      Array.from({ length: 120 }, (_, i) => repo('acme', 'big', `S${String(i).padStart(3, '0')}`)),
      'alice-all',
    );
    await filler.store(FLY);
    const lists = () => em.server.count('repoListActionsSecrets');
    let before = lists();
    expect(await writer([repo('acme', 'big', 'S110')], 'alice-all').evidence()).toEqual([
      { proof: 'none', exists: true },
    ]);
    expect(lists() - before).toBe(3);
    before = lists();
    expect(await writer([repo('acme', 'big', 'S005')], 'alice-all').evidence()).toEqual([
      { proof: 'none', exists: true },
    ]);
    expect(lists() - before).toBe(1);
    before = lists();
    expect(await writer([repo('acme', 'big', 'NOPE')], 'alice-all').evidence()).toEqual([
      { proof: 'none', exists: false },
    ]);
    expect(lists() - before).toBe(3);
  });

  test('a read-only token fails prepare, naming the write scope it lacks', async () => {
    const w = writer([repo('acme', 'web')], 'alice-read');
    await expect(w.prepare()).rejects.toThrow(
      /\[write:repository\]\. The token needs the write:repository scope, and its user must own acme\/web/,
    );
    await expect(writer([org('acme')], 'alice-read').prepare()).rejects.toThrow(
      /needs the write:organization scope, and its user must be an owner of organization acme/,
    );
    await expect(writer([user('alice')], 'alice-read').prepare()).rejects.toThrow(
      /needs the write:user scope/,
    );
  });

  test('a token without the read scope of a level fails on the read, naming the scope', async () => {
    await expect(writer([org('acme')], 'alice-repo').prepare()).rejects.toThrow(
      /HTTP 403 while trying to read the secrets of organization acme: token does not have at least one of required scope\(s\): \[read:organization\]/,
    );
  });

  test('403 for a collaborator or an organization member names the role needed', async () => {
    await expect(writer([repo('acme', 'web')], 'bob-all').prepare()).rejects.toThrow(
      /user should be the owner of the repo\. The token needs .*a collaborator, even an administrator, is not enough/,
    );
    await expect(writer([org('acme')], 'bob-all').prepare()).rejects.toThrow(
      /Must be an organization owner\. The token needs .* owner of organization acme/,
    );
  });

  test('404 for a missing repository or organization, or Actions disabled, says what must exist', async () => {
    await expect(writer([repo('acme', 'missing')], 'alice-all').prepare()).rejects.toThrow(
      /HTTP 404 .*The repository acme\/missing must exist, be visible to the token's user and have Actions enabled/,
    );
    await expect(writer([repo('acme', 'noci')], 'alice-all').prepare()).rejects.toThrow(
      /have Actions enabled/,
    );
    await expect(writer([org('alice')], 'alice-all').prepare()).rejects.toThrow(
      /The organization alice must exist \(a user's name is not an organization\)/,
    );
  });

  test("a user target with another user's token fails before anything is minted", async () => {
    const before = em.writes.length;
    await expect(writer([user('alice')], 'bob-all').prepare()).rejects.toThrow(
      'The Forgejo token belongs to user bob, not alice',
    );
    await writer([user('ALICE')], 'alice-all').prepare();
    expect(em.writes.length).toBe(before);
  });

  test('an unknown token is a 401 whose message never quotes the token', async () => {
    const w = writer([repo('acme', 'web')], 'deadbeefcafe0123456789');
    await expect(w.prepare()).rejects.toThrow(/refused the token \(HTTP 401\).*expired or been revoked/);
    em.server.fault(
      '*',
      {
        kind: 'status',
        status: 401,
        body: '{"message":"access token does not exist [sha: deadbeefcafe0123456789]"}',
      },
      { times: Infinity },
    );
    const err = await w.prepare().catch((e: Error) => e);
    expect(String(err)).not.toContain('deadbeefcafe0123456789');
    const [outcome] = await w.store(FLY);
    expect(outcome).toMatchObject({ error: expect.stringContaining('HTTP 401') });
    expect(undecided(outcome)).toBe(false);
    expect(outcome.error).not.toContain('deadbeefcafe0123456789');
  });

  test('no message carries the credential or the Fly token, whatever the server echoes', async () => {
    em.server.fault(
      'updateRepoSecret',
      {
        kind: 'status',
        status: 422,
        body: JSON.stringify({
          message: `bad data ${FLY.header}, tail ${FLY.header.split(',')[1]} for alice-all-token`,
        }),
      },
      { times: 1 },
    );
    em.addToken('alice-all-token', { user: 'alice', scopes: ['all'] });
    const [outcome] = await writer([repo('acme', 'web')], 'alice-all-token').store(FLY);
    expect(outcome.error).toMatch(/HTTP 422/);
    expect(outcome.error).not.toContain('fm2_');
    expect(outcome.error).not.toContain('alice-all-token');
    expect(undecided(outcome)).toBe(false);
  });

  test("a server's message is printable by the one rule: no raw control character, no workflow command", async () => {
    // The old Forgejo filter turned C0 into spaces only: C1 (CSI), bidi marks and `##[` passed through.
    em.server.fault(
      'updateRepoSecret',
      {
        kind: 'status',
        status: 422,
        body: JSON.stringify({ message: 'bad\u0007::error::x \u009b31m \u202e ##[stop-commands]y' }),
      },
      { times: 1 },
    );
    const [outcome] = await writer([repo('acme', 'web')], 'alice-all').store(FLY);
    expect(outcome.error).toContain('bad\\u0007::error::x \\u009b31m \\u202e #\\u0023[stop-commands]y');
    for (const raw of ['\u0007', '\u009b', '\u202e', '##[']) expect(outcome.error).not.toContain(raw);
  });

  test('a 5xx is retried and the write lands once', async () => {
    em.server.fault('updateOrgSecret', { kind: 'status', status: 502 }, { times: 2 });
    const before = em.server.count('updateOrgSecret');
    const [outcome] = await writer([org('acme', 'RETRIED')], 'alice-all').store(FLY);
    expect(outcome).toMatchObject({ result: 'created' });
    expect(em.server.count('updateOrgSecret') - before).toBe(3);
    expect(em.secret({ org: 'acme' }, 'RETRIED')?.value).toBe(FLY.header);
  });

  test('5xx on every attempt is ambiguous', async () => {
    em.server.fault('updateRepoSecret', { kind: 'status', status: 503 }, { times: Infinity });
    const [outcome] = await writer([repo('acme', 'web')], 'alice-all', { retries: 1 }).store(FLY);
    expect(undecided(outcome)).toBe(true);
    expect(outcome).toMatchObject({ error: expect.stringContaining('HTTP 503') });
  });

  test('a hung write is ambiguous after the request timeout; evidence then shows it landed', async () => {
    em.server.fault('updateRepoSecret', { kind: 'hang' }, { times: Infinity, after: true });
    const w = writer([repo('acme', 'api', 'HUNG')], 'alice-all', { timeoutMs: 150, retries: 0 });
    const [outcome] = await w.store(FLY);
    expect(undecided(outcome)).toBe(true);
    expect(outcome).toMatchObject({
      error: expect.stringMatching(/did not answer within 150 ms/),
    });
    em.server.clearFaults();
    expect(await w.evidence()).toEqual([{ proof: 'none', exists: true }]);
  });

  test('a write cut by the caller signal is ambiguous', async () => {
    em.server.fault('updateRepoSecret', { kind: 'hang' }, { times: Infinity });
    const cut = new AbortController();
    setTimeout(() => cut.abort(), 50);
    const [outcome] = await writer([repo('acme', 'api', 'CUT')], 'alice-all', { retries: 0 }).store(
      FLY,
      cut.signal,
    );
    expect(undecided(outcome)).toBe(true);
  });

  test('a reset after the write is ambiguous; a 200 instead of 201/204 is not a confirmation', async () => {
    em.server.fault('updateRepoSecret', { kind: 'reset' }, { after: true });
    const [reset] = await writer([repo('acme', 'api', 'RESET')], 'alice-all', { retries: 0 }).store(FLY);
    expect(undecided(reset)).toBe(true);
    expect(em.secret({ repo: 'acme/api' }, 'RESET')).toBeDefined();
    em.server.fault('updateRepoSecret', { kind: 'status', status: 200, body: '{}' });
    const [odd] = await writer([repo('acme', 'api', 'ODD')], 'alice-all').store(FLY);
    expect(undecided(odd)).toBe(true);
    expect(odd).toMatchObject({ error: expect.stringContaining('instead of 201 or 204') });
  });

  test('a refused write (400 for a name the server rejects) is not ambiguous', async () => {
    const [outcome] = await writer([repo('acme', 'api', 'GITHUB_TOKEN')], 'alice-all').store(FLY);
    expect(outcome).toMatchObject({ error: expect.stringContaining('invalid secret name') });
    expect(undecided(outcome)).toBe(false);
  });

  test('a list that is not a list of secrets is an error, not "absent"', async () => {
    em.server.fault('repoListActionsSecrets', { kind: 'status', status: 200, body: '{"items":[]}' });
    await expect(writer([repo('acme', 'api')], 'alice-all').evidence()).rejects.toThrow(
      /not a list of secrets/,
    );
  });
});

describe('a Forgejo server without the DELETE route of secrets (405)', () => {
  let em: ForgejoEmulator;
  beforeAll(async () => {
    em = await startForgejoEmulator({ deleteRoutes: false });
    em.addUser('alice');
    em.addOrg('acme', { owners: ['alice'] });
    em.addRepo('acme/web');
    em.addRepo('acme/api');
    em.addToken('alice-all', { user: 'alice', scopes: ['write:repository', 'write:organization'] });
  });
  afterAll(() => em.close());

  test('the write check is not silently skipped: one warning per scope, naming the server', async () => {
    const warnings: string[] = [];
    const w = new ForgejoWriter(
      [repo('acme', 'web'), repo('acme', 'web', 'OTHER'), org('acme')],
      forgejoClient({ url: `${em.url}/`, token: 'alice-all', retryBaseMs: 1 }),
      (m) => warnings.push(m),
    );
    await expect(w.prepare()).resolves.toBeUndefined();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe(
      `The Forgejo server ${em.url} has no DELETE route for the secrets of repository acme/web (HTTP 405), so ` +
        'whether the token may write them could not be checked before minting. A token without write access is ' +
        'refused only when the write is sent, after minting; the run then fails and keeps the previous token ' +
        'valid. Releases that can write secrets serve this DELETE with the PUT: a proxy in front of the server ' +
        'that refuses DELETE is the likely cause.',
    );
    expect(warnings[1]).toMatch(/secrets of organization acme \(HTTP 405\)/);
    // The writes themselves still work.
    expect((await w.store(FLY)).map((o) => o.result)).toEqual(['created', 'created', 'created']);
  });

  test('with the route, no warning', async () => {
    const full = await startForgejoEmulator();
    try {
      full.addUser('alice');
      full.addRepo('alice/web');
      full.addToken('t', { user: 'alice', scopes: ['write:repository'] });
      const warnings: string[] = [];
      const w = new ForgejoWriter(
        [repo('alice', 'web')],
        forgejoClient({ url: full.url, token: 't', retryBaseMs: 1 }),
        (m) => warnings.push(m),
      );
      await w.prepare();
      expect(warnings).toEqual([]);
    } finally {
      await full.close();
    }
  });
});
