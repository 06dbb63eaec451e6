// Every token kind end to end: the action's entry (in this process) against both emulators. For each kind:
// minted with the right profile, stored (the secret decrypts to the narrowed token), the previous token
// revoked, and the Fly emulator accepts the stored token for what the kind may do and refuses what it may not.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { leaks, REPO, type Scenario, startScenario, storedValue } from '../harness/scenario.js';

let s: Scenario;
beforeEach(async () => {
  s = await startScenario();
  s.fly.addCluster('acme', 'db-1');
});
afterEach(async () => {
  await s.close();
});

/** Seconds-old previous tokens are revoked at once (the sweep grace protects concurrent runs, not these). */
const act = (inputs: Record<string, string>) =>
  s.runInProcess(inputs, { env: { FLY_TOKEN_ROTATOR_SWEEP_GRACE_MS: '0' } });
/** What the runner shows: it consumes ::add-mask:: commands instead of printing them. */
const shown = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

/** Does Fly still take this credential at all (signature, expiry, revocation), whatever it may do? */
const alive = (header: string) => s.fly.authenticator.authenticate(header).ok;
const stored = () => s.gh.secret(REPO, 'FLY_API_TOKEN')!.value;
const machineOf = (app: string) => s.fly.state.apps.get(app)!.machines[0].id;

/** Two runs of one kind: the second must revoke the first, and the secret must hold the second's token. */
async function rotateTwice(inputs: Record<string, string>, profile: string) {
  const first = await act(inputs);
  expect(first.errors).toEqual([]);
  expect(first.code).toBe(0);
  const firstValue = stored();
  const second = await act(inputs);
  expect(second.errors).toEqual([]);
  const [old, minted] = s.fly.tokens;
  expect(s.fly.tokens.map((t) => t.profile)).toEqual([profile, profile]);
  expect(second.outputs['token-id']).toBe(minted.id);
  expect(JSON.parse(second.outputs['revoked-token-ids'])).toEqual([old.id]);
  expect(old.revokedAt).not.toBeNull();
  expect(minted.revokedAt).toBeNull();
  // The revoked token stays refused even though it was narrowed locally: Fly knows it by the same id.
  expect(alive(firstValue)).toBe(false);
  const value = stored();
  expect(value).not.toBe(firstValue);
  expect(alive(value)).toBe(true);
  expect(second.summary).toContain('Minting credential: auth token, no expiry stated in the token');
  expect(
    leaks(
      s,
      shown(first.stdout),
      shown(second.stdout),
      second.stderr,
      second.summary,
      JSON.stringify(second.outputs),
    ),
  ).toEqual([]);
  // Narrowing happens after minting, so the stored secret may differ from the server token; the leak check
  // above covers the server tokens, this one the stored value.
  expect(shown(second.stdout) + second.summary).not.toContain(value.replace(/^FlyV1 /, ''));
  return { run: second, value, server: minted.header };
}

async function graphql(auth: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${s.fly.url}/graphql`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string }> };
}

const readApp = (auth: string, name: string) =>
  graphql(auth, 'query($name: String!) { app(name: $name) { name } }', { name });

async function exec(auth: string, app: string, command: string[]): Promise<number> {
  const res = await fetch(`${s.fly.url}/v1/apps/${app}/machines/${machineOf(app)}/exec`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ command }),
  });
  return res.status;
}

describe('each kind', () => {
  test('deploy: manages its app and cannot read another', async () => {
    const { value, run } = await rotateTwice({ 'token-type': 'deploy' }, 'deploy');
    // Not narrowed: the server token with only the mark of proof by use added (see src/core/held.ts).
    expect(value).toBe(storedValue(s.fly.tokens[1]));
    expect(run.summary).toContain('deploy token for app acme-web');
    expect((await readApp(value, 'acme-web')).data).toEqual({ app: { name: 'acme-web' } });
    expect((await readApp(value, 'acme-api')).errors?.[0].message).toBe('Could not find App "acme-api"');
    expect(s.fly.accepts(value, { app: 'acme-web', action: 'all' })).toBe(true);
  });

  test('org: every app of the organization', async () => {
    const { value } = await rotateTwice({ 'token-type': 'org', app: '', org: 'acme' }, 'deploy_organization');
    expect((await readApp(value, 'acme-api')).data).toEqual({ app: { name: 'acme-api' } });
    expect(s.fly.accepts(value, { app: 'acme-api', action: 'write' })).toBe(true);
  });

  test('readonly: reads everything in the organization and refuses every change', async () => {
    const { value, server } = await rotateTwice(
      { 'token-type': 'readonly', app: '', org: 'acme' },
      'deploy_organization',
    );
    expect(value).not.toBe(server);
    expect((await readApp(value, 'acme-api')).data).toEqual({ app: { name: 'acme-api' } });
    expect(await exec(value, 'acme-web', ['ls'])).toBe(403);
    for (const action of ['write', 'create', 'delete', 'control'] as const) {
      expect(s.fly.accepts(value, { org: 'acme', action })).toBe(false);
      expect(s.fly.accepts(value, { app: 'acme-web', action })).toBe(false);
    }
  });

  test('machine-exec: runs the listed commands and is refused any other', async () => {
    const { value, run } = await rotateTwice(
      { 'token-type': 'machine-exec', commands: 'ls -la\nuptime', 'command-prefixes': 'rails runner' },
      'deploy',
    );
    // The label is plain text in the summary: its backticks are escaped like any other markup.
    expect(run.summary).toContain(
      'machine-exec token for app acme-web (commands: \\`ls -la\\`, \\`uptime\\`, \\`rails runner\\`…)',
    );
    expect(await exec(value, 'acme-web', ['ls', '-la'])).toBe(200);
    expect(await exec(value, 'acme-web', ['uptime'])).toBe(200);
    expect(await exec(value, 'acme-web', ['rails', 'runner', 'Report.run'])).toBe(200);
    expect(await exec(value, 'acme-web', ['ls'])).toBe(403);
    expect(await exec(value, 'acme-web', ['rm', '-rf', '/'])).toBe(403);
    expect(await exec(value, 'acme-api', ['ls', '-la'])).toBe(403);
    expect(s.fly.accepts(value, { app: 'acme-web', action: 'write' })).toBe(false);
  });

  test("machine-exec with commands '*': every command, and the summary says so", async () => {
    const { value, run } = await rotateTwice({ 'token-type': 'machine-exec', commands: '*' }, 'deploy');
    expect(run.summary).toContain('every command allowed');
    expect(await exec(value, 'acme-web', ['anything', 'goes'])).toBe(200);
    expect(await exec(value, 'acme-api', ['anything'])).toBe(403);
  });

  test('ssh: reads the app and may issue SSH certificates, nothing more', async () => {
    const { value } = await rotateTwice({ 'token-type': 'ssh' }, 'deploy');
    expect((await readApp(value, 'acme-web')).data).toEqual({ app: { name: 'acme-web' } });
    expect(s.fly.accepts(value, { app: 'acme-web', mutation: 'issueCertificate', action: 'write' })).toBe(
      true,
    );
    expect(s.fly.accepts(value, { app: 'acme-web', mutation: 'deleteApp', action: 'delete' })).toBe(false);
    expect(await exec(value, 'acme-web', ['ls'])).toBe(403);
  });

  test('wireguard: WireGuard for the organization, no app', async () => {
    const { value } = await rotateTwice(
      { 'token-type': 'wireguard', app: '', org: 'acme' },
      'deploy_organization',
    );
    expect(s.fly.accepts(value, { org: 'acme', feature: 'wg', action: 'all' })).toBe(true);
    expect((await readApp(value, 'acme-web')).errors?.[0].message).toBe('Could not find App "acme-web"');
    expect(await exec(value, 'acme-web', ['ls'])).toBe(403);
  });

  test('litefs-cloud: its cluster only; the summary notes that Fly cannot check it', async () => {
    const { value, run } = await rotateTwice(
      { 'token-type': 'litefs-cloud', app: '', org: 'acme', cluster: 'db-1' },
      'litefs_cloud',
    );
    expect(run.summary).toContain('not checked against Fly');
    const cluster = (name: string) =>
      s.fly.accepts(value, { org: 'acme', feature: 'litefs-cloud', cluster: name, action: 'write' });
    expect(cluster('db-1')).toBe(true);
    expect(cluster('db-2')).toBe(false);
    expect((await readApp(value, 'acme-web')).errors).toBeDefined();
  });
});

describe('refused before anything is minted', () => {
  async function refused(inputs: Record<string, string>, message: string) {
    const r = await act(inputs);
    expect(r.code).not.toBe(0);
    expect(r.errors.join('\n')).toContain(message);
    expect(s.fly.tokens).toHaveLength(0);
    expect(s.fly.server.requests).toHaveLength(0);
    expect(s.gh.server.requests).toHaveLength(0);
    expect(leaks(s, shown(r.stdout), r.stderr, r.summary)).toEqual([]);
  }

  test.each([
    ['deploy', { 'token-type': 'deploy' }],
    ['org', { 'token-type': 'org', app: '', org: 'acme' }],
  ])('a %s token as fly-api-token fails with the credential to use', async (_kind, inputs) => {
    const first = await act(inputs);
    expect(first.code).toBe(0);
    const limited = stored();
    s.fly.tokens.length = 0;
    s.fly.server.requests.length = 0;
    s.gh.server.requests.length = 0;
    await refused(
      { 'fly-api-token': limited },
      `fly-api-token is ${inputs['token-type'] === 'org' ? 'an org' : 'a deploy'} token, which Fly does not allow to create or revoke tokens. Expected your Fly auth token: create a personal access token at https://fly.io/user/personal_access_tokens`,
    );
  });

  test.each([
    [{ 'token-type': 'machine-exec' }, "set commands: '*'"],
    [{ 'token-type': 'org', app: '' }, 'token-type org needs `org`'],
    [{ 'token-type': 'deploy', org: 'acme' }, 'token-type deploy does not use `org`'],
    [{ 'token-type': 'litefs-cloud', app: '', org: 'acme' }, 'token-type litefs-cloud needs `cluster`'],
  ])('%p', async (inputs, message) => {
    await refused(inputs, message);
  });
});

describe('status mode reports the minting credential', () => {
  test('an org token may read the status of org tokens; the summary says it cannot mint', async () => {
    const inputs = { 'token-type': 'readonly', app: '', org: 'acme' };
    expect((await act(inputs)).code).toBe(0);
    const org = await act({ 'token-type': 'org', app: '', org: 'acme', 'secret-name': 'FLY_ORG' });
    expect(org.code).toBe(0);
    const orgToken = s.gh.secret(REPO, 'FLY_ORG')!.value;
    const own = await act({ ...inputs, mode: 'status' });
    expect(own.code).toBe(0);
    expect(own.summary).toContain('Minting credential: auth token, no expiry stated in the token');
    const limited = await act({ ...inputs, mode: 'status', 'fly-api-token': orgToken });
    expect(limited.errors).toEqual([]);
    const expires = s.fly.tokens.at(-1)!.expiresAt.toISOString();
    expect(limited.summary).toContain(
      `Minting credential: org token (cannot create or revoke tokens), expires ${expires}`,
    );
    expect(leaks(s, shown(limited.stdout), limited.stderr, limited.summary)).toEqual([]);
  });
});
