// What kind of credential `fly-api-token` is, read from its caveats without calling Fly. Only a user's own
// auth token may mint and revoke tokens; deploy, org and other limited tokens carry caveats that confine
// them to an app or an organization, and Fly refuses them. Failing here costs nothing and explains why.
import { InputError } from '../core/errors.js';
import { bareToken, isMacaroon } from './auth.js';
import {
  type Caveat,
  CaveatType,
  decodeMacaroon,
  type MsgValue,
  PERMISSION_LOCATION,
  parseHeader,
} from './macaroon/index.js';

export type CredentialKind =
  | 'auth token'
  | 'legacy personal access token'
  | 'deploy token'
  | 'machine-exec token'
  | 'ssh token'
  | 'org token'
  | 'read-only token'
  | 'wireguard token'
  | 'LiteFS Cloud token'
  | 'limited token'
  | 'unreadable token';

export interface CredentialInfo {
  kind: CredentialKind;
  /** False only when the caveats show that Fly will refuse to mint with it. */
  canMint: boolean;
  /** Earliest end of a ValidityWindow in the bundle (ISO 8601), when it states one. */
  expiresAt?: string;
}

/** Caveats that confine a token to some resources or actions; a token with any of them cannot mint. */
const CONFINING = new Set<number>([
  CaveatType.Apps,
  CaveatType.Volumes,
  CaveatType.FeatureSet,
  CaveatType.Mutations,
  CaveatType.Machines,
  CaveatType.IfPresent,
  CaveatType.MachineFeatureSet,
  CaveatType.FromMachineSource,
  CaveatType.Clusters,
  CaveatType.Action,
  CaveatType.Commands,
  CaveatType.AppFeatureSet,
  CaveatType.StorageObjects,
]);

const num = (v: MsgValue | undefined): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;

function confines(c: Caveat): boolean {
  const type = Number(c.type);
  if (type === CaveatType.Organization) return Array.isArray(c.body) && num(c.body[0]) !== 0; // id 0: any org
  return CONFINING.has(type);
}

function has(cavs: Caveat[], type: number): boolean {
  return cavs.some((c) => Number(c.type) === type);
}

function ifPresentHas(cavs: Caveat[], type: number): boolean {
  return cavs.some(
    (c) =>
      Number(c.type) === CaveatType.IfPresent &&
      Array.isArray(c.body) &&
      Array.isArray(c.body[0]) &&
      c.body[0].some((v, i) => i % 2 === 0 && num(v) === type),
  );
}

/** Names a confined token after the flyctl command that makes tokens with these caveats. */
function limitedKind(cavs: Caveat[]): CredentialKind {
  if (has(cavs, CaveatType.Clusters)) return 'LiteFS Cloud token';
  if (ifPresentHas(cavs, CaveatType.Commands)) return 'machine-exec token';
  if (has(cavs, CaveatType.Action) || has(cavs, CaveatType.Mutations)) return 'ssh token';
  if (has(cavs, CaveatType.Apps)) return 'deploy token';
  if (ifPresentHas(cavs, CaveatType.FeatureSet)) return 'wireguard token';
  // Every Organization caveat must allow a request, so the token may do what all their masks share.
  const masks = cavs
    .filter((c) => Number(c.type) === CaveatType.Organization && Array.isArray(c.body))
    .map((c) => num((c.body as MsgValue[])[1]) ?? 0);
  if (masks.length === 0) return 'limited token';
  return (masks.reduce((a, b) => a & b) & ~1) === 0 ? 'read-only token' : 'org token';
}

function notAfter(cavs: Caveat[]): number | undefined {
  let end: number | undefined;
  for (const c of cavs) {
    if (Number(c.type) !== CaveatType.ValidityWindow || !Array.isArray(c.body)) continue;
    const t = num(c.body[1]);
    if (t !== undefined) end = end === undefined ? t : Math.min(end, t);
  }
  return end;
}

export function inspectCredential(token: string): CredentialInfo {
  const bare = bareToken(token);
  if (!isMacaroon(bare)) return { kind: 'legacy personal access token', canMint: true };
  let decoded: ReturnType<typeof decodeMacaroon>[];
  try {
    decoded = parseHeader(bare).map(decodeMacaroon);
  } catch {
    // Not ours to judge: Fly answers for a token we cannot read.
    return { kind: 'unreadable token', canMint: true };
  }
  const permissions = decoded.filter((m) => m.isPermission(PERMISSION_LOCATION));
  if (permissions.length === 0) return { kind: 'unreadable token', canMint: true };
  const ends = decoded.map((m) => notAfter(m.caveats)).filter((e): e is number => e !== undefined);
  const expiresAt = ends.length ? new Date(Math.min(...ends) * 1000).toISOString() : undefined;
  const free = permissions.find((m) => !m.caveats.some(confines));
  const kind = free ? 'auth token' : limitedKind(permissions[0].caveats);
  return { kind, canMint: free !== undefined, ...(expiresAt ? { expiresAt } : {}) };
}

/** Throws when `fly-api-token` is a token Fly will not let mint or revoke tokens. */
export function assertCanMint(token: string, what = 'fly-api-token'): CredentialInfo {
  const info = inspectCredential(token);
  if (!info.canMint) {
    const article = /^[aeiou]/i.test(info.kind) ? 'an' : 'a';
    throw new InputError(
      `${what} is ${article} ${info.kind}, which Fly does not allow to create or revoke tokens. ` +
        'Expected your Fly auth token: create a personal access token at https://fly.io/user/personal_access_tokens ' +
        '(or use the output of `fly auth token`). Tokens from `fly tokens create org` or `fly tokens create deploy` are not enough.',
    );
  }
  return info;
}

/** "auth token, expires 2026-01-31T12:00:00.000Z": for the job summary. Never the token itself. */
export function describeCredential(info: CredentialInfo): string {
  const kind = info.canMint ? info.kind : `${info.kind} (cannot create or revoke tokens)`;
  return `${kind}, ${info.expiresAt ? `expires ${info.expiresAt}` : 'no expiry stated in the token'}`;
}
