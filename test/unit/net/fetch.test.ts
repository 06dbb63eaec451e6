import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, createServer as createTcpServer } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { apiFetch, MAX_BODY_BYTES, TransportError } from '../../../src/net/fetch.js';

const MiB = 1024 * 1024;
const seen: { url?: string; auth?: string }[] = [];
let server: Server;
let base = '';
/** Another origin (another port), standing in for wherever a redirect might point. */
let elsewhere: Server;
let elsewhereBase = '';

const listen = async (s: Server | ReturnType<typeof createTcpServer>) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as AddressInfo).port;
};
const close = async (s: Server | ReturnType<typeof createTcpServer>) => {
  if ('closeAllConnections' in s) s.closeAllConnections();
  await new Promise((r) => s.close(r));
};

beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    seen.push({ url: req.url, auth: req.headers.authorization });
    res.end('{}');
  });
  elsewhereBase = `http://127.0.0.1:${await listen(elsewhere)}`;
  server = createServer((req, res) => {
    if (req.url === '/redirect') return res.writeHead(307, { location: `${elsewhereBase}/steal` }).end();
    if (req.url === '/big-streamed') {
      // No content-length: the cap must hold while the body streams in.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(MiB, 'a');
      let sent = 0;
      const more = () => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40) res.once('drain', more);
        else res.end();
      };
      res.on('close', () => seen.push({ url: `streamed ${sent} MiB` }));
      return more();
    }
    if (req.url === '/big-declared') return res.writeHead(200, { 'content-length': 5 * MiB }).end();
    if (req.url === '/exactly-cap') return res.end(Buffer.alloc(MAX_BODY_BYTES, 'b'));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  base = `http://127.0.0.1:${await listen(server)}`;
});
afterAll(async () => {
  await close(server);
  await close(elsewhere);
});
afterEach(() => {
  seen.length = 0;
});

test('reads an answer like fetch does', async () => {
  const res = await apiFetch(`${base}/ok`, { headers: { authorization: 'token x' } });
  expect(res.status).toBe(200);
  expect(res.url).toBe(`${base}/ok`);
  expect(await res.json()).toEqual({ ok: true });
});

test('a redirect is an error naming where it points, and nothing is sent there', async () => {
  const req = apiFetch(`${base}/redirect`, {
    method: 'POST',
    headers: { authorization: 'token x' },
    body: 'b',
  });
  await expect(req).rejects.toThrow(
    new TransportError(
      `${base} answered HTTP 307, a redirect to ${elsewhereBase}; not following it, so that credentials are sent nowhere else. Check the API URL.`,
    ),
  );
  expect(seen).toEqual([]);
});

test('a body over 4 MiB is refused while it streams in, and the rest is not read', async () => {
  await expect(apiFetch(`${base}/big-streamed`)).rejects.toThrow(
    new TransportError(`${base} answered with more than 4 MiB; refusing to read more.`),
  );
  await new Promise((r) => setTimeout(r, 100));
  expect(Number(/\d+/.exec(seen[0]?.url ?? '')?.[0])).toBeLessThan(40);
});

test('a declared length over 4 MiB is refused before reading; exactly 4 MiB is read', async () => {
  await expect(apiFetch(`${base}/big-declared`)).rejects.toThrow('answered with more than 4 MiB');
  expect((await (await apiFetch(`${base}/exactly-cap`)).arrayBuffer()).byteLength).toBe(MAX_BODY_BYTES);
});

/** Sets proxy variables for one test; the transport reads the process environment on every request. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const name of Object.keys(vars)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

test('requests tunnel through HTTP_PROXY with its credentials', async () => {
  const connects: { target?: string; auth?: string }[] = [];
  // A tunnel leaves the HTTP server's hands (closeAllConnections cannot end it) and stays open while the
  // client keeps it alive: ended by hand, or closing the proxy waits out the keep-alive, seconds of it.
  const tunnels: Duplex[] = [];
  const proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client, head) => {
    connects.push({ target: req.url, auth: req.headers['proxy-authorization'] });
    // Whatever host was asked for, the test's server answers.
    const upstream = connect(Number(new URL(base).port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.push(client, upstream);
  });
  const port = await listen(proxy);
  try {
    const res = await withEnv({ HTTP_PROXY: `http://me:p%40ss@127.0.0.1:${port}`, NO_PROXY: '' }, () =>
      apiFetch('http://api.example.test:8080/ok'),
    );
    expect(await res.json()).toEqual({ ok: true });
    expect(connects).toEqual([
      { target: 'api.example.test:8080', auth: `Basic ${Buffer.from('me:p@ss').toString('base64')}` },
    ]);
  } finally {
    for (const socket of tunnels) socket.destroy();
    await close(proxy);
  }
});

test('an https:// proxy is spoken to over TLS: nothing, credentials least of all, in plain text', async () => {
  let first: Buffer | undefined;
  const proxy = createTcpServer((socket) => {
    socket.once('data', (d: Buffer) => {
      first = d;
      socket.destroy();
    });
  });
  const port = await listen(proxy);
  try {
    await withEnv({ HTTPS_PROXY: `https://me:hunter2@127.0.0.1:${port}` }, () =>
      expect(apiFetch('https://api.example.test/graphql')).rejects.toThrow(),
    );
    // 0x16: a TLS handshake record, where a plain-text proxy would have read "CONNECT".
    expect(first?.[0]).toBe(0x16);
    expect(first?.toString('latin1')).not.toMatch(/CONNECT|hunter2|bWU6aHVudGVyMg/);
  } finally {
    await close(proxy);
  }
});

test('a proxy variable that cannot be honoured fails the request instead of going direct', async () => {
  await withEnv({ HTTP_PROXY: 'socks5://127.0.0.1:1080' }, () =>
    expect(apiFetch('http://api.example.test/ok')).rejects.toThrow('names a socks5 proxy'),
  );
});
