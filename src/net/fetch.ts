// Every HTTP request of both API clients goes through apiFetch: Node's fetch with three rules of our own.
// Credentials stay with the origin they were meant for (a redirect is an error, never followed), a body is
// read only up to MAX_BODY_BYTES, and the environment's proxy is used (or the run fails), never skipped.
// undici 6, the copy @actions/core and @actions/github bundle anyway, not 7 (Node 24's own major): 7 is loaded
// at every start through @actions/core's HTTP client once it is the project's undici, which measured over
// 100 ms more CPU per start than 6 here, and beside their 6 it would be a second copy past the 2 MB budget. A 6
// ProxyAgent plugs into Node 20's and Node 24's fetch alike (both checked, TLS to an https:// proxy included).
import { type Dispatcher, ProxyAgent } from 'undici';
import { errorMessage } from '../core/errors.js';
import { proxyFor, proxySettings } from './proxy.js';

/** More than any answer of either API this action reads; a bigger one is refused while it streams in. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** A request the transport refused to complete. Final: repeating it would meet the same answer. */
export class TransportError extends Error {
  override name = 'TransportError';
}

/** One dispatcher per proxy URL, so its connections are kept alive across requests. */
const proxies = new Map<string, Dispatcher>();

function dispatcherFor(url: URL): Dispatcher | undefined {
  let proxy: URL | undefined;
  try {
    proxy = proxyFor(url, proxySettings(process.env));
  } catch (err) {
    throw new TransportError(errorMessage(err));
  }
  if (!proxy) return undefined;
  let dispatcher = proxies.get(proxy.href);
  if (!dispatcher) {
    // Tunnels with CONNECT, speaks TLS to an https:// proxy (port 443 by default) and sends the URL's
    // user:password as Proxy-Authorization.
    dispatcher = new ProxyAgent({ uri: proxy.href });
    proxies.set(proxy.href, dispatcher);
  }
  return dispatcher;
}

/** Node's fetch as the API clients use it: no redirects, a capped body, the environment's proxy. */
export async function apiFetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input);
  const dispatcher = dispatcherFor(url);
  const res = await fetch(url, {
    ...init,
    // Followed, a redirect would carry Authorization (and a POST body) to wherever it points, http:// too.
    redirect: 'manual',
    ...(dispatcher ? ({ dispatcher } as object) : {}),
  });
  const location = res.headers.get('location');
  if (res.status >= 300 && res.status < 400 && location) {
    await res.body?.cancel();
    throw new TransportError(
      `${url.origin} answered HTTP ${res.status}, a redirect to ${originOf(location, url)}; not following it, ` +
        'so that credentials are sent nowhere else. Check the API URL.',
    );
  }
  return withBody(res, await readCapped(res, url));
}

function originOf(location: string, base: URL): string {
  try {
    return new URL(location, base).origin;
  } catch {
    return 'an address that does not parse';
  }
}

/** Reads a body while it streams in, refusing it once it passes MAX_BODY_BYTES. */
async function readCapped(res: Response, url: URL): Promise<Uint8Array> {
  const tooBig = () =>
    new TransportError(
      `${url.origin} answered with more than ${MAX_BODY_BYTES / 1024 / 1024} MiB; refusing to read more.`,
    );
  if (Number(res.headers.get('content-length')) > MAX_BODY_BYTES) {
    await res.body?.cancel();
    throw tooBig();
  }
  if (!res.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** The same answer with its body already read, for callers (octokit) that read it themselves. */
export function withBody(res: Response, body: Uint8Array | string): Response {
  // These statuses may not carry a body; the Response constructor refuses one.
  const empty = res.status === 204 || res.status === 205 || res.status === 304;
  const copy = new Response(empty ? null : body, {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
  Object.defineProperty(copy, 'url', { value: res.url });
  return copy;
}
