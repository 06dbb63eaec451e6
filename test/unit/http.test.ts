import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { httpFetch } from '../../src/http.js';

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
