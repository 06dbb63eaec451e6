import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { httpFetch, proxyFor } from '../../src/http.js';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/moved') return res.writeHead(301, { location: '/echo' }).end();
      if (req.url === '/see-other') return res.writeHead(303, { location: '/echo' }).end();
      if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/hang') return;
      if (req.url === '/reset') return req.socket.destroy();
      res.writeHead(200, {
        'content-type': 'application/json',
        'X-Custom': 'yes',
        'set-cookie': ['a=1', 'b=2'],
      });
      res.end(
        JSON.stringify({ method: req.method, url: req.url, body, auth: req.headers.authorization ?? null }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

test('sends method, headers and body; reads status, headers and body like fetch', async () => {
  const res = await httpFetch(`${base}/echo`, {
    method: 'PUT',
    headers: { authorization: 'token x' },
    body: '{"ä":1}',
  });
  expect(res.status).toBe(200);
  expect(res.ok).toBe(true);
  expect(res.headers.get('X-CUSTOM')).toBe('yes');
  expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
  expect(Object.fromEntries(res.headers)['content-type']).toBe('application/json');
  expect(await res.json()).toEqual({ method: 'PUT', url: '/echo', body: '{"ä":1}', auth: 'token x' });
  expect(new TextDecoder().decode(await res.arrayBuffer())).toBe(await res.text());
});

test('follows redirects; 303 and a POST after 301 continue as GET', async () => {
  const moved = await httpFetch(`${base}/moved`, { method: 'POST', body: 'x' });
  expect(await moved.json()).toMatchObject({ method: 'GET', url: '/echo', body: '' });
  expect(moved.url).toBe(`${base}/echo`);
  const put = await httpFetch(`${base}/moved`, { method: 'PUT', body: 'x' });
  expect(await put.json()).toMatchObject({ method: 'PUT', body: 'x' });
  expect(await (await httpFetch(`${base}/see-other`, { method: 'PUT', body: 'x' })).json()).toMatchObject({
    method: 'GET',
  });
  expect((await httpFetch(`${base}/loop`)).status).toBe(302);
});

test('a timeout rejects with the signal reason, as fetch does', async () => {
  await expect(httpFetch(`${base}/hang`, { signal: AbortSignal.timeout(50) })).rejects.toMatchObject({
    name: 'TimeoutError',
  });
});

test('a reset connection rejects', async () => {
  await expect(httpFetch(`${base}/reset`)).rejects.toThrow();
});

test('proxyFor follows HTTPS_PROXY, HTTP_PROXY and NO_PROXY, and never proxies loopback', () => {
  const env = {
    HTTPS_PROXY: 'proxy.corp:3128',
    http_proxy: 'http://plain:8080',
    NO_PROXY: '.internal, ghe.corp:8443',
  };
  expect(proxyFor(new URL('https://api.fly.io/graphql'), env)?.toString()).toBe('http://proxy.corp:3128/');
  expect(proxyFor(new URL('http://example.com/'), env)?.host).toBe('plain:8080');
  expect(proxyFor(new URL('https://git.internal/x'), env)).toBeUndefined();
  expect(proxyFor(new URL('https://a.b.internal/x'), env)).toBeUndefined();
  expect(proxyFor(new URL('https://ghe.corp:8443/api/v3'), env)).toBeUndefined();
  expect(proxyFor(new URL('https://ghe.corp/api/v3'), env)?.host).toBe('proxy.corp:3128');
  expect(proxyFor(new URL('http://127.0.0.1:4000/'), env)).toBeUndefined();
  expect(proxyFor(new URL('https://api.github.com/'), { ...env, NO_PROXY: '*' })).toBeUndefined();
  expect(proxyFor(new URL('https://api.github.com/'), {})).toBeUndefined();
});

test('requests tunnel through the proxy with CONNECT, with its credentials', async () => {
  const seen: { target?: string; auth?: string }[] = [];
  const proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client, head) => {
    seen.push({ target: req.url, auth: req.headers['proxy-authorization'] });
    if (req.headers['proxy-authorization'] !== `Basic ${Buffer.from('me:p@ss').toString('base64')}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const at = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  try {
    const res = await httpFetch(`${base}/echo`, {
      method: 'POST',
      body: 'via',
      proxy: new URL(`http://me:p%40ss@${at}`),
    });
    expect(await res.json()).toMatchObject({ method: 'POST', body: 'via' });
    expect(seen[0].target).toBe(new URL(base).host);
    await expect(httpFetch(`${base}/echo`, { proxy: new URL(`http://${at}`) })).rejects.toThrow(
      `the proxy ${at} refused to connect to ${new URL(base).host} (HTTP 407)`,
    );
  } finally {
    proxy.closeAllConnections();
    await new Promise((r) => proxy.close(r));
  }
});
