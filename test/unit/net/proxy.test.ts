import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/core/errors.js';
import { proxyFor, proxySettings } from '../../../src/net/proxy.js';

const via = (url: string, env: Record<string, string>) => proxyFor(new URL(url), proxySettings(env))?.href;

describe('proxyFor', () => {
  const env = {
    HTTPS_PROXY: 'proxy.corp:3128',
    http_proxy: 'http://plain:8080',
    NO_PROXY: '.internal, ghe.corp:8443, 10.0.0.0/8, fd00::/8, 192.168.1.7',
  };

  test('HTTPS_PROXY for https, HTTP_PROXY for http; a proxy without a scheme is http://', () => {
    expect(via('https://api.fly.io/graphql', env)).toBe('http://proxy.corp:3128/');
    expect(via('http://example.com/', env)).toBe('http://plain:8080/');
    expect(via('https://api.github.com/', {})).toBeUndefined();
  });

  test('NO_PROXY: names, subdomains, host:port, *', () => {
    expect(via('https://git.internal/x', env)).toBeUndefined();
    expect(via('https://a.b.internal/x', env)).toBeUndefined();
    expect(via('https://ghe.corp:8443/api/v3', env)).toBeUndefined();
    expect(via('https://ghe.corp/api/v3', env)).toBe('http://proxy.corp:3128/');
    expect(via('https://api.github.com/', { ...env, NO_PROXY: '*' })).toBeUndefined();
  });

  test('NO_PROXY: CIDR ranges and addresses, IPv4 and IPv6', () => {
    expect(via('https://10.20.30.40/', env)).toBeUndefined();
    expect(via('https://11.0.0.1/', env)).toBe('http://proxy.corp:3128/');
    expect(via('https://[fd12::1]/', env)).toBeUndefined();
    expect(via('https://[fe80::1]/', env)).toBe('http://proxy.corp:3128/');
    expect(via('https://192.168.1.7/', env)).toBeUndefined();
    expect(via('https://192.168.1.8/', env)).toBe('http://proxy.corp:3128/');
    // A name is never matched as an address range.
    expect(via('https://10.0.0.1.nip.io/', env)).toBe('http://proxy.corp:3128/');
  });

  test('an empty variable does not hide the other spelling', () => {
    const both = { HTTPS_PROXY: 'http://p:1', NO_PROXY: '', no_proxy: '10.0.0.0/8' };
    expect(via('https://10.1.1.1/', both)).toBeUndefined();
    expect(via('https://api.fly.io/', { HTTPS_PROXY: '', https_proxy: 'http://p:1' })).toBe('http://p:1/');
  });

  test('loopback is never proxied', () => {
    for (const url of [
      'http://127.0.0.1:4000/',
      'https://127.9.9.9/',
      'http://[::1]:4000/',
      'http://localhost/',
    ])
      expect(via(url, { HTTP_PROXY: 'http://p:1', HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
  });

  test('an https:// proxy stays https (TLS to the proxy, port 443 by default)', () => {
    const proxy = proxySettings({ HTTPS_PROXY: 'https://user:pass@proxy.corp' }).https;
    expect(proxy?.protocol).toBe('https:');
    expect(proxy?.port).toBe('');
    expect(new URL('https://proxy.corp').port).toBe('');
  });
});

describe('a proxy that cannot be honoured is an error, never a direct connection', () => {
  test('unsupported scheme', () => {
    expect(() => proxySettings({ HTTPS_PROXY: 'socks5://proxy:1080' })).toThrow(
      new InputError(
        'HTTPS_PROXY names a socks5 proxy; only http:// and https:// proxies are supported. Unset it or point it at an HTTP proxy: requests are never sent around a proxy that cannot be used.',
      ),
    );
  });

  test('unparseable, without echoing its credentials', () => {
    let message = '';
    try {
      proxySettings({ http_proxy: 'http://me:hunter2@[proxy' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(
      'http_proxy "http://***@[proxy" is not a proxy URL. Expected http://host:port or https://host:port.',
    );
  });
});
