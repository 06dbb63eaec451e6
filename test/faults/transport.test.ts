// What the transport refuses, against the emulators: a redirect (credentials would follow it) and an answer
// over 4 MiB. Both are final: neither client repeats the request.
import { afterEach, describe, expect, test } from '@jest/globals';
import { ApiError } from '../../src/core/errors.js';
import { FlyClient } from '../../src/fly/client.js';
import { createGitHub } from '../../src/github/octokit.js';
import { GITHUB_TOKEN, type Scenario, startScenario } from '../harness/scenario.js';

let s: Scenario | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const KEY = 'actions/get-repo-public-key';
const huge = (size = 5 * 1024 * 1024) => ({ kind: 'status' as const, status: 200, body: 'x'.repeat(size) });

describe('GitHub client', () => {
  const getKey = (scenario: Scenario) =>
    createGitHub({ token: GITHUB_TOKEN, baseUrl: scenario.gh.url, pacing: false, retryBaseMs: 10 }).request(
      'GET /repos/{owner}/{repo}/actions/secrets/public-key',
      { owner: 'acme', repo: 'web' },
    );

  test('a redirect to another origin is an error; nothing reaches that origin; not retried', async () => {
    s = await startScenario();
    s.gh.server.fault(KEY, {
      kind: 'status',
      status: 302,
      body: '',
      headers: { location: `${s.fly.url}/x` },
    });
    await expect(getKey(s)).rejects.toThrow(`a redirect to ${s.fly.url}; not following it`);
    expect(s.gh.server.count(KEY)).toBe(1);
    expect(s.fly.server.requests).toHaveLength(0);
  });

  test('an answer over 4 MiB is refused and not retried', async () => {
    s = await startScenario();
    s.gh.server.fault(KEY, huge());
    await expect(getKey(s)).rejects.toThrow('answered with more than 4 MiB; refusing to read more.');
    expect(s.gh.server.count(KEY)).toBe(1);
  });
});

describe('Fly client', () => {
  const fly = (scenario: Scenario) =>
    new FlyClient({ baseUrl: scenario.fly.url, token: scenario.authToken, retryBaseMs: 10 });

  test('a redirect to another origin is an error; nothing reaches that origin; not retried', async () => {
    s = await startScenario();
    s.fly.server.fault('app', {
      kind: 'status',
      status: 308,
      body: '',
      headers: { location: `${s.gh.url}/x` },
    });
    const lookup = fly(s).getApp('acme-web');
    await expect(lookup).rejects.toBeInstanceOf(ApiError);
    await expect(lookup).rejects.toThrow(`a redirect to ${s.gh.url}; not following it`);
    expect(s.fly.server.count('app')).toBe(1);
    expect(s.gh.server.requests).toHaveLength(0);
  });

  test('an answer over 4 MiB is refused and not retried', async () => {
    s = await startScenario();
    s.fly.server.fault('app', huge());
    await expect(fly(s).getApp('acme-web')).rejects.toThrow(
      `Fly API, trying to look up app "acme-web": ${s.fly.url} answered with more than 4 MiB; refusing to read more.`,
    );
    expect(s.fly.server.count('app')).toBe(1);
  });

  test('an answer just under the cap is read (and, not being GraphQL, retried as before)', async () => {
    s = await startScenario();
    s.fly.server.fault('app', huge(4 * 1024 * 1024 - 100));
    await expect(fly(s).getApp('acme-web')).resolves.toMatchObject({ name: 'acme-web' });
    expect(s.fly.server.count('app')).toBe(2);
  });
});
