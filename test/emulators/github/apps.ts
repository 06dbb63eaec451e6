// GitHub Apps: registration, installations and the RS256 JWT an app signs to call /app endpoints.
import { createPublicKey, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { GitHubError } from './responses.js';
import { type Account, type AccountType, type GitHubState, type Permission, timestamp } from './state.js';

export interface App {
  id: number;
  slug: string;
  clientId: string;
  privateKeyPem: string;
  publicKey: KeyObject;
}

export interface Installation {
  id: number;
  appId: number;
  account: Account;
  /** 'owner/repo' names, or '*' for every repository of the account. */
  repos: '*' | string[];
  permissions: Record<string, Permission>;
  createdAt: string;
}

export interface AppOptions {
  id: number;
  clientId?: string;
  slug?: string;
  /** PKCS#1 or PKCS#8 RSA private key; generated (2048-bit) when absent. */
  privateKeyPem?: string;
}

export function addApp(state: GitHubState, opts: AppOptions): App {
  let pem = opts.privateKeyPem;
  if (!pem) {
    pem = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
  }
  const app: App = {
    id: opts.id,
    slug: opts.slug ?? `app-${opts.id}`,
    clientId: opts.clientId ?? `Iv23li${opts.id.toString(16).padStart(14, '0')}`,
    privateKeyPem: pem,
    publicKey: createPublicKey(pem),
  };
  state.apps.set(app.id, app);
  return app;
}

export function installApp(
  state: GitHubState,
  appId: number,
  owner: string,
  opts: {
    repos: '*' | string[];
    permissions: Record<string, Permission>;
    ownerType?: AccountType;
    id?: number;
  },
): Installation {
  if (!state.apps.has(appId)) throw new Error(`no app ${appId}; call addApp first`);
  const account = state.addAccount(owner, { type: opts.ownerType });
  const repos =
    opts.repos === '*' ? '*' : opts.repos.map((r) => (r.includes('/') ? r : `${account.login}/${r}`));
  const installation: Installation = {
    id: opts.id ?? state.newId(),
    appId,
    account,
    repos,
    permissions: { ...opts.permissions },
    createdAt: timestamp(),
  };
  state.installations.set(installation.id, installation);
  return installation;
}

const UNDECODABLE = 'A JSON web token could not be decoded';
const EXP_MESSAGE =
  "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const IAT_MESSAGE =
  "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
/** GitHub refuses JWTs that live longer than ten minutes. */
const MAX_LIFETIME_S = 600;
/** Tolerated clock drift for `iat` in the future. */
const DRIFT_S = 60;

function part(s: string): Record<string, unknown> {
  const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
  return v as Record<string, unknown>;
}

/** Verifies an app JWT like GitHub: RS256 signed by a registered app's key, sane iat/exp. Returns the app id. */
export function verifyAppJwt(state: GitHubState, jwt: string, nowMs = Date.now()): number {
  const [h, p, sig] = jwt.split('.');
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = part(h);
    payload = part(p);
  } catch {
    throw new GitHubError(401, UNDECODABLE);
  }
  if (header.alg !== 'RS256') throw new GitHubError(401, UNDECODABLE);
  const iss = payload.iss;
  const app = [...state.apps.values()].find((a) => String(a.id) === String(iss) || a.clientId === iss);
  if (!app) throw new GitHubError(401, UNDECODABLE);
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${h}.${p}`),
    app.publicKey,
    Buffer.from(sig ?? '', 'base64url'),
  );
  if (!signed) throw new GitHubError(401, UNDECODABLE);
  const now = Math.floor(nowMs / 1000);
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || !Number.isInteger(iat) || iat > now + DRIFT_S)
    throw new GitHubError(401, IAT_MESSAGE);
  if (typeof exp !== 'number' || exp <= now) throw new GitHubError(401, EXP_MESSAGE);
  if (exp > now + MAX_LIFETIME_S)
    throw new GitHubError(401, "'Expiration time' claim ('exp') is too far in the future");
  return app.id;
}

/** Does the installation cover this repository? */
export function installationCovers(inst: Installation, fullName: string): boolean {
  const [owner] = fullName.split('/');
  if (owner.toLowerCase() !== inst.account.login.toLowerCase()) return false;
  return inst.repos === '*' || inst.repos.some((r) => r.toLowerCase() === fullName.toLowerCase());
}
