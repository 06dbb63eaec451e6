import { InputError } from '../core/errors.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Validates an API base URL. Credentials travel in headers, so plain http is only allowed to
 * loopback hosts (the local emulators); everything else must be https.
 */
export function apiBaseUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`${what} "${value}" is not a URL. Expected format https://host[/path]`);
  }
  const loopback = LOOPBACK.has(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      `${what} "${value}" must use https (plain http is accepted only for loopback hosts).`,
    );
  }
  if (url.username || url.password) throw new InputError(`${what} must not contain credentials.`);
  return url.toString().replace(/\/+$/, '');
}
