// Which proxy a request goes through, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case). The choice is
// made here, per request; the proxying itself is undici's ProxyAgent (see ./fetch.ts). Not the ready-made
// choosers: undici's EnvHttpProxyAgent and @actions/http-client both ignore CIDR ranges in NO_PROXY, let an
// empty variable hide the other spelling, and fall back to a direct connection (or a guessed http://) for a
// proxy URL they cannot use; NODE_USE_ENV_PROXY exists on Node 24 only and has the same NO_PROXY gaps.
import { BlockList, isIP } from 'node:net';
import { InputError } from '../core/errors.js';
import { isLoopbackHost, redactUrl } from './url.js';

export type Env = Record<string, string | undefined>;

export interface ProxySettings {
  /** For https:// requests (HTTPS_PROXY). */
  https?: URL;
  /** For http:// requests (HTTP_PROXY). */
  http?: URL;
  /** Whether NO_PROXY exempts a request's URL. */
  exempt(url: URL): boolean;
}

/**
 * A variable by either spelling, lower case first (as curl reads them). An empty value counts as unset, so
 * `NO_PROXY=` cannot hide `no_proxy=...`.
 */
function variable(env: Env, name: string): { name: string; value: string } | undefined {
  for (const spelling of [name.toLowerCase(), name]) {
    const value = env[spelling]?.trim();
    if (value) return { name: spelling, value };
  }
  return undefined;
}

/** A proxy URL; without a scheme it is http://, as curl reads `proxy.corp:3128`. */
function proxyUrl(name: string, raw: string): URL {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(
      `${name} "${redactUrl(raw)}" is not a proxy URL. Expected http://host:port or https://host:port.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(
      `${name} names a ${url.protocol.slice(0, -1)} proxy; only http:// and https:// proxies are supported. ` +
        'Unset it or point it at an HTTP proxy: requests are never sent around a proxy that cannot be used.',
    );
  if (!url.hostname) throw new InputError(`${name} "${redactUrl(raw)}" names no proxy host.`);
  return url;
}

/** NO_PROXY: `*`, host names (`.corp` and `corp` cover subdomains too), IP addresses, CIDR ranges, `:port`. */
function noProxy(list: string): (url: URL) => boolean {
  const ranges = new BlockList();
  const names: { name: string; port?: string }[] = [];
  let all = false;
  for (const entry of list
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)) {
    if (entry === '*') {
      all = true;
      continue;
    }
    const cidr = /^\[?([0-9a-f.:]+)\]?\/(\d{1,3})$/.exec(entry);
    const family = cidr ? isIP(cidr[1]) : 0;
    if (cidr && family) {
      ranges.addSubnet(cidr[1], Number(cidr[2]), family === 4 ? 'ipv4' : 'ipv6');
      continue;
    }
    // `[::1]:8080`, `host:443`, or a bare IPv6 address (whose colons are not a port).
    const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]+)(?::(\d+))?$/.exec(entry);
    const name = m ? m[1] : entry;
    names.push({ name: name.replace(/^\*?\./, ''), port: m?.[2] });
  }
  return (url) => {
    if (all) return true;
    const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    const family = isIP(host);
    if (family && ranges.check(host, family === 4 ? 'ipv4' : 'ipv6')) return true;
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return names.some(
      (n) => (host === n.name || (!family && host.endsWith(`.${n.name}`))) && (!n.port || n.port === port),
    );
  };
}

/** Reads and checks the proxy variables: a proxy that cannot be used is an error, never a direct connection. */
export function proxySettings(env: Env): ProxySettings {
  const https = variable(env, 'HTTPS_PROXY');
  const http = variable(env, 'HTTP_PROXY');
  return {
    https: https && proxyUrl(https.name, https.value),
    http: http && proxyUrl(http.name, http.value),
    exempt: noProxy(variable(env, 'NO_PROXY')?.value ?? ''),
  };
}

/** The proxy a request to `url` goes through, if any. Loopback is never proxied. */
export function proxyFor(url: URL, settings: ProxySettings): URL | undefined {
  const proxy = url.protocol === 'https:' ? settings.https : settings.http;
  if (!proxy || isLoopbackHost(url.hostname) || settings.exempt(url)) return undefined;
  return proxy;
}
