import { expect, test } from '@jest/globals';
import { apiBaseUrl, isLoopbackHost } from '../../src/inputs/url.js';

test('plain http only for loopback IP literals and localhost, never for names that look like them', () => {
  for (const ok of [
    'http://127.0.0.1:4000',
    'http://127.200.3.4',
    'http://[::1]:8080/api/v3',
    'http://localhost:1',
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
