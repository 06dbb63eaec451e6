// A fetch-shaped HTTP client over node:http and node:https, for both API clients. Node's own fetch (undici,
// its WebAssembly parser and web streams) costs ~90 ms of start-up on every run, for a few small JSON
// exchanges. Connections are kept alive, as fetch does; redirects are followed, as fetch does by default;
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY are honoured, as self-hosted runners behind a proxy need.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export interface HttpInit {
  method?: string;
  headers?: Record<string, string> | [string, string][];
  body?: string | null;
  signal?: AbortSignal | null;
  /** The proxy to tunnel through; by default the one the environment names for the URL (see proxyFor). */
  proxy?: URL | null;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  ok: boolean;
  url: string;
  headers: HttpHeaders;
  text(): Promise<string>;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The part of fetch's Headers that callers use: lookup by any case, and iteration as [name, value]. */
export class HttpHeaders implements Iterable<[string, string]> {
  private readonly map = new Map<string, string>();

  constructor(raw: IncomingMessage['headers']) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.map.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export async function httpFetch(url: string | URL, init: HttpInit = {}): Promise<HttpResponse> {
  let target = new URL(url);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body ?? undefined;
  for (let hop = 0; ; hop++) {
    const proxy = init.proxy === undefined ? proxyFor(target) : (init.proxy ?? undefined);
    const res = await once(target, method, init.headers, body, init.signal ?? undefined, proxy);
    const location = res.headers.get('location');
    if (!REDIRECTS.has(res.status) || !location || hop >= MAX_REDIRECTS) return res;
    target = new URL(location, target);
    // Like fetch: 303, and 301/302 after a POST, continue as GET without a body.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/i;

/**
 * The proxy the environment names for a URL (HTTPS_PROXY or HTTP_PROXY, either case), unless NO_PROXY covers
 * its host (`*`, a host, `.domain` or `domain` for its subdomains too, optionally `:port`). Loopback hosts
 * never go through a proxy.
 */
export function proxyFor(url: URL, env: Record<string, string | undefined> = process.env): URL | undefined {
  const https = url.protocol === 'https:';
  const raw = https ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  if (!raw || LOOPBACK.test(url.hostname)) return undefined;
  const host = url.hostname.toLowerCase();
  const port = url.port || (https ? '443' : '80');
  for (const entry of (env.NO_PROXY ?? env.no_proxy ?? '').split(',')) {
    const [name, onlyPort] = entry.trim().toLowerCase().split(':');
    if (name === '*') return undefined;
    const domain = name.replace(/^\*?\./, '');
    if (domain && (host === domain || host.endsWith(`.${domain}`)) && (!onlyPort || onlyPort === port))
      return undefined;
  }
  return new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
}

/** Opens a CONNECT tunnel through the proxy to the URL's host; TLS runs inside it for https. */
function tunnel(proxy: URL, url: URL, signal: AbortSignal | undefined): Promise<Socket> {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const authority = `${url.hostname}:${port}`;
  const headers: Record<string, string> = { host: authority };
  if (proxy.username) {
    const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers,
      signal,
    });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(
          new Error(`the proxy ${proxy.host} refused to connect to ${authority} (HTTP ${res.statusCode})`),
        );
        return;
      }
      resolve(url.protocol === 'https:' ? tlsConnect({ socket, servername: url.hostname }) : socket);
    });
    req.on('error', reject);
    req.end();
  });
}

async function once(
  url: URL,
  method: string,
  headers: HttpInit['headers'],
  body: string | undefined,
  signal: AbortSignal | undefined,
  proxy: URL | undefined,
): Promise<HttpResponse> {
  signal?.throwIfAborted();
  const socket = proxy ? await tunnel(proxy, url, signal) : undefined;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      socket?.destroy();
      reject(signal.reason);
      return;
    }
    const https = url.protocol === 'https:';
    const outgoing: Record<string, string> = Object.fromEntries(
      Array.isArray(headers) ? headers : Object.entries(headers ?? {}),
    );
    if (body !== undefined) outgoing['content-length'] = String(Buffer.byteLength(body));
    // A tunnel carries one request: no keep-alive agent then, only the tunnel's socket.
    const connection = socket
      ? { createConnection: () => socket }
      : { agent: https ? agents.https : agents.http };
    const req = (https ? httpsRequest : httpRequest)(
      url,
      { method, headers: outgoing, ...connection },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          signal?.removeEventListener('abort', abort);
          resolve(response(url, res, Buffer.concat(chunks)));
        });
      },
    );
    const abort = () => req.destroy(signal?.reason);
    signal?.addEventListener('abort', abort, { once: true });
    req.on('error', (err) => {
      signal?.removeEventListener('abort', abort);
      reject(err);
    });
    req.end(body);
  });
}

function response(url: URL, res: IncomingMessage, body: Buffer): HttpResponse {
  const status = res.statusCode ?? 0;
  return {
    status,
    statusText: res.statusMessage ?? '',
    ok: status >= 200 && status < 300,
    url: url.toString(),
    headers: new HttpHeaders(res.headers),
    text: async () => body.toString('utf8'),
    json: async () => JSON.parse(body.toString('utf8')),
    arrayBuffer: async () =>
      body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  };
}
