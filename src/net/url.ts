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
  const port = Number(url.port);
  if (BAD_PORTS.has(port))
    throw new InputError(
      `${what} "${redactUrl(value)}" uses port ${port}, which Node's fetch refuses to connect to: the Fetch standard blocks it because another protocol (${BAD_PORTS.get(port)}) uses it. Expected another port, such as 443 or 8080.`,
    );
  return url.toString().replace(/\/+$/, '');
}

/**
 * The Fetch standard's "bad ports" (https://fetch.spec.whatwg.org/#port-blocking), which Node's fetch (undici)
 * refuses with a bare "bad port"; each with what uses it, so that the message can say why.
 */
const BAD_PORTS = new Map<number, string>([
  ...[1, 7, 9, 11, 13, 15, 17, 19, 37, 42, 43, 77, 79, 87, 95, 101, 102, 103, 104, 109, 113, 115, 117].map(
    (p) => [p, 'an old network service'] as [number, string],
  ),
  ...[20, 21, 989, 990].map((p) => [p, 'FTP'] as [number, string]),
  [22, 'SSH'],
  [23, 'telnet'],
  ...[25, 465, 587].map((p) => [p, 'mail submission'] as [number, string]),
  [53, 'DNS'],
  [69, 'TFTP'],
  ...[110, 995].map((p) => [p, 'POP3'] as [number, string]),
  [111, 'RPC'],
  ...[119, 563].map((p) => [p, 'NNTP'] as [number, string]),
  [123, 'NTP'],
  ...[135, 137, 139].map((p) => [p, 'Windows networking'] as [number, string]),
  ...[143, 993].map((p) => [p, 'IMAP'] as [number, string]),
  [161, 'SNMP'],
  [179, 'BGP'],
  ...[389, 636].map((p) => [p, 'LDAP'] as [number, string]),
  [427, 'SLP'],
  ...[512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 556, 601].map(
    (p) => [p, 'a Unix network service'] as [number, string],
  ),
  [554, 'RTSP'],
  ...[1719, 1720].map((p) => [p, 'H.323'] as [number, string]),
  [1723, 'PPTP'],
  [2049, 'NFS'],
  ...[3659, 4045, 4190, 6566, 10080].map((p) => [p, 'a network service'] as [number, string]),
  ...[5060, 5061].map((p) => [p, 'SIP'] as [number, string]),
  [6000, 'X11'],
  ...[6665, 6666, 6667, 6668, 6669, 6679, 6697].map((p) => [p, 'IRC'] as [number, string]),
]);
