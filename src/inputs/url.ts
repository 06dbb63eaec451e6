import { BlockList, isIP } from 'node:net';
import { InputError } from '../core/errors.js';

const loopbackIps = new BlockList();
loopbackIps.addSubnet('127.0.0.0', 8, 'ipv4');
loopbackIps.addAddress('::1', 'ipv6');

/**
 * Whether a URL's hostname is this machine: `localhost` or a loopback IP literal (127.0.0.0/8, [::1]).
 * Names are never judged by their spelling: `127.0.0.1.nip.io` is a name that can resolve anywhere.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') return true;
  const family = isIP(host);
  return family !== 0 && loopbackIps.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/** A URL-ish text safe to print: whatever sits between `//` and `@` (user and password) is cut out. */
export function redactUrl(value: string): string {
  return value.replace(/\/\/[^/?#]*@/, '//***@');
}

/**
 * Validates an API base URL. Credentials travel in headers, so plain http is only allowed to
 * loopback hosts (the local emulators); everything else must be https.
 */
export function apiBaseUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`${what} "${redactUrl(value)}" is not a URL. Expected format https://host[/path]`);
  }
  if (url.username || url.password)
    throw new InputError(`${what} must not contain credentials (user:password@); pass them as inputs.`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new InputError(
      `${what} "${value}" must use https (plain http is accepted only for loopback hosts).`,
    );
  }
  return url.toString().replace(/\/+$/, '');
}
