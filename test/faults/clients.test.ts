// The API clients' own resilience against the emulators: retries, Retry-After, timeouts, and no blind retry of
// a create. In-process (no bundle needed), so the timing is measured directly.
import { afterEach, describe, expect, test } from '@jest/globals';
import { TransientError } from '../../src/core/errors.js';
import { FlyClient } from '../../src/fly/client.js';
import { createGitHub } from '../../src/github/octokit.js';
import { GITHUB_TOKEN, REPO, type Scenario, startScenario } from '../harness/scenario.js';
import { FAULT_KINDS } from './points.js';

let s: Scenario | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const kind = (name: string) => FAULT_KINDS.find((k) => k.name === name)!.fault;
const KEY = 'actions/get-repo-public-key';

function github(scenario: Scenario, timeoutMs = 1000) {
  return createGitHub({
    token: GITHUB_TOKEN,
    baseUrl: scenario.gh.url,
    pacing: false,
    timeoutMs,
    retryBaseMs: 10,
  });
}
const getKey = (gh: ReturnType<typeof github>) =>
  gh.request('GET /repos/{owner}/{repo}/actions/secrets/public-key', { owner: 'acme', repo: 'web' });

describe('GitHub client (pacing off, as against emulators)', () => {
  test.each(['429 Retry-After', '403 rate limit'])(
    '%s: waits Retry-After (1 s), then succeeds',
    async (name) => {
      s = await startScenario();
      s.gh.server.fault(KEY, kind(name));
      const started = Date.now();
      const res = await getKey(github(s));
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(s.gh.server.count(KEY)).toBe(2);
    },
  );

  test.each(['HTTP 500', '502 HTML', 'reset', 'malformed JSON', 'hang'])('%s: retried', async (name) => {
    s = await startScenario();
    s.gh.server.fault(KEY, kind(name));
    const res = await getKey(github(s, 500));
    expect(res.status).toBe(200);
    expect(s.gh.server.count(KEY)).toBe(2);
  });

  test('a plain 429 (no rate-limit message) still waits what Retry-After says', async () => {
    s = await startScenario();
    s.gh.server.fault(KEY, {
      kind: 'status',
      status: 429,
      body: '{"message":"Too Many Requests"}',
      headers: { 'retry-after': '1' },
    });
    const started = Date.now();
    const res = await getKey(github(s));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(s.gh.server.count(KEY)).toBe(2);
  });

  test('a 404 is not retried', async () => {
    s = await startScenario();
    const gh = github(s);
    await expect(
      gh.request('GET /repos/{owner}/{repo}/actions/secrets/public-key', { owner: 'acme', repo: 'nope' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(s.gh.server.requests).toHaveLength(1);
    expect(REPO).toBe('acme/web');
  });
});

describe('Fly client', () => {
  const fly = (scenario: Scenario, timeoutMs = 1000) =>
    new FlyClient({ baseUrl: scenario.fly.url, token: scenario.authToken, timeoutMs, retryBaseMs: 10 });

  test.each(['429 Retry-After', '403 rate limit'])(
    '%s: waits Retry-After (1 s), then succeeds',
    async (name) => {
      s = await startScenario();
      s.fly.server.fault('app', kind(name));
      const started = Date.now();
      await expect(fly(s).getApp('acme-web')).resolves.toMatchObject({ name: 'acme-web' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    },
  );

  test.each(['HTTP 500', '502 HTML', 'reset', 'malformed JSON', 'hang'])(
    '%s on a read: retried',
    async (name) => {
      s = await startScenario();
      s.fly.server.fault('app', kind(name));
      await expect(fly(s, 500).listTokens({ app: 'acme-web' })).resolves.toEqual([]);
      expect(s.fly.server.count('app')).toBe(2);
    },
  );

  test.each(['HTTP 500', 'reset', 'hang', 'malformed JSON'])(
    '%s on create: never retried, reported as ambiguous',
    async (name) => {
      s = await startScenario();
      s.fly.server.fault('createLimitedAccessToken', kind(name), { after: true });
      const client = fly(s, 500);
      const app = await client.getApp('acme-web');
      const create = client.createToken({
        name: 'x',
        organizationId: app.org.id,
        profile: 'deploy',
        profileParams: { app_id: app.id },
        expiry: '1h0m0s',
      });
      await expect(create).rejects.toBeInstanceOf(TransientError);
      expect(s.fly.server.count('createLimitedAccessToken')).toBe(1);
      // The token exists on Fly though its answer was lost: what rotate's re-list finds and sweeps.
      expect(s.fly.tokens.filter((t) => t.name === 'x')).toHaveLength(1);
    },
  );
});
