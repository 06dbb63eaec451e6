import { expect, test } from '@jest/globals';
import { apiBaseUrl, isLoopbackHost } from '../../../src/net/url.js';

test('plain http only for loopback IP literals and localhost, never for names that look like them', () => {
  for (const ok of [
    'http://127.0.0.1:4000',
    'http://127.200.3.4',
    'http://[::1]:8080/api/v3',
    'http://localhost:2',
  ])
    expect(apiBaseUrl(ok, 'X')).toBe(ok);
  for (const bad of [
    'http://127.0.0.1.nip.io',
    'http://127.evil.example',
    'http://localhost.evil.example',
    'http://[::2]',
  ])
    expect(() => apiBaseUrl(bad, 'X')).toThrow(
      `X "${bad}" must use https (plain http is accepted only for loopback hosts).`,
    );
  expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  expect(isLoopbackHost('[::1]')).toBe(true);
});

test('credentials in a base URL are refused without being repeated', () => {
  for (const value of [
    'http://alice:s3cr3t@fly.example.com',
    'https://alice:s3cr3t@127.0.0.1',
    'https://alice:s3cr3t@[bad',
  ]) {
    let message = '';
    try {
      apiBaseUrl(value, 'FLY_API_BASE_URL');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^FLY_API_BASE_URL /);
    expect(message).not.toMatch(/alice|s3cr3t/);
  }
});

test("a port Node's fetch refuses (the Fetch standard's bad ports) is refused with the port and why", () => {
  expect(() => apiBaseUrl('http://127.0.0.1:1', 'Fly URL')).toThrow(
    'Fly URL "http://127.0.0.1:1" uses port 1, which Node\'s fetch refuses to connect to: the Fetch standard blocks it because another protocol (an old network service) uses it. Expected another port, such as 443 or 8080.',
  );
  expect(() => apiBaseUrl('https://ghe.example:6000', 'GITHUB_API_URL')).toThrow(/port 6000,.*\(X11\)/);
  for (const ok of ['https://ghe.example:8443', 'http://127.0.0.1:10081', 'https://api.github.com'])
    expect(apiBaseUrl(ok, 'X')).toBe(ok);
});

test("the list of bad ports is the one Node's fetch enforces", async () => {
  // Each refused before any connection is tried: nothing listens, nothing is sent.
  for (const port of [1, 9, 22, 25, 6000, 6697, 10080]) {
    expect(() => apiBaseUrl(`http://127.0.0.1:${port}`, 'X')).toThrow(`port ${port},`);
    const refused = await fetch(`http://127.0.0.1:${port}`).catch((e: Error) => String(e.cause));
    expect(refused).toMatch(/bad port/);
  }
});
