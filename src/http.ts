// A fetch-shaped HTTP client over node:http and node:https, for both API clients. Node's own fetch (undici,
// its WebAssembly parser and web streams) costs ~25 ms of start-up on every run, for a few small JSON
// exchanges. Connections are kept alive, as fetch does; redirects are followed, as fetch does by default.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface HttpInit {
  method?: string;
  headers?: Record<string, string> | [string, string][];
  body?: string | null;
  signal?: AbortSignal | null;
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
    const res = await once(target, method, init.headers, body, init.signal ?? undefined);
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

function once(
  url: URL,
  method: string,
  headers: HttpInit['headers'],
  body: string | undefined,
  signal: AbortSignal | undefined,
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const https = url.protocol === 'https:';
    const outgoing: Record<string, string> = Object.fromEntries(
      Array.isArray(headers) ? headers : Object.entries(headers ?? {}),
    );
    if (body !== undefined) outgoing['content-length'] = String(Buffer.byteLength(body));
    const req = (https ? httpsRequest : httpRequest)(
      url,
      { method, headers: outgoing, agent: https ? agents.https : agents.http },
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
