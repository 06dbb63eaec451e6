// Who is calling, and may they do this? `FlyV1 fm2_…` (or `Bearer fm2_…`) carries macaroons, verified
// with the emulator's root key and mapped by kid to a credential record; `Bearer <opaque>` is a legacy
// personal access token.
import { type AccessRequest, allows, type Caveat, statedExpiry } from './caveats.js';
import type { AuthCredential, FlyState, LimitedAccessTokenRecord, UserRecord } from './state.js';
import { CredentialError, verifyBundle } from './tokens.js';

export interface Principal {
  /** `user`: the user's own auth token (may mint and revoke); `limited`: a LimitedAccessToken. */
  kind: 'user' | 'limited';
  user: UserRecord;
  credentialId: string;
  token?: LimitedAccessTokenRecord;
  /** One caveat list per verified, unexpired permission token; a legacy token has one empty list. */
  grants: Caveat[][];
}

export type AuthResult = { ok: true; principal: Principal } | { ok: false; reason: string };

export type AccessQuery = Omit<AccessRequest, 'now'> & { now?: number };

const MACAROON = /^(fm2|fm1r|fm1a|fo1)_/;

export class Authenticator {
  constructor(
    private readonly state: FlyState,
    private readonly rootKey: Uint8Array,
    private readonly now: () => number,
  ) {}

  authenticate(header: string | undefined): AuthResult {
    if (!header) return { ok: false, reason: 'no credential' };
    const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
    if (!m) return { ok: false, reason: 'malformed authorization header' };
    const scheme = m[1].toLowerCase();
    const value = m[2];
    if (scheme === 'bearer' && !MACAROON.test(value)) return this.legacy(value);
    if (scheme !== 'flyv1' && scheme !== 'bearer') return { ok: false, reason: `unknown scheme ${m[1]}` };
    return this.macaroon(value);
  }

  private legacy(value: string): AuthResult {
    for (const cred of this.state.credentials.values()) {
      if (cred.legacy && cred.token === value) return this.fromCredential(cred, [[]]);
    }
    return { ok: false, reason: 'unknown token' };
  }

  private macaroon(bundle: string): AuthResult {
    let verified: ReturnType<typeof verifyBundle>;
    try {
      verified = verifyBundle(this.rootKey, bundle);
    } catch (err) {
      if (err instanceof CredentialError) return { ok: false, reason: err.message };
      throw err;
    }
    const kids = new Set(verified.map((v) => v.kid));
    if (kids.size !== 1) return { ok: false, reason: 'bundle mixes credentials' };
    const [kid] = kids;
    const nowSec = Math.floor(this.now() / 1000);
    const grants = verified
      .map((v) => v.caveats)
      .filter((cavs) => (statedExpiry(cavs) ?? Number.POSITIVE_INFINITY) >= nowSec);
    if (grants.length === 0) return { ok: false, reason: 'token expired (validity window)' };
    const cred = this.state.credentials.get(kid);
    if (cred && !cred.legacy) return this.fromCredential(cred, grants);
    const token = this.state.token(kid);
    if (!token) return { ok: false, reason: 'unknown token id' };
    if (token.revokedAt) return { ok: false, reason: 'token revoked' };
    if (token.expiresAt.getTime() <= this.now()) return { ok: false, reason: 'token expired' };
    const user = this.state.users.get(token.createdBy);
    if (!user) return { ok: false, reason: 'token owner gone' };
    return { ok: true, principal: { kind: 'limited', user, credentialId: token.id, token, grants } };
  }

  private fromCredential(cred: AuthCredential, grants: Caveat[][]): AuthResult {
    if (cred.revokedAt) return { ok: false, reason: 'token revoked' };
    if (cred.expiresAt && cred.expiresAt.getTime() <= this.now())
      return { ok: false, reason: 'token expired' };
    const user = this.state.users.get(cred.userId);
    if (!user) return { ok: false, reason: 'user gone' };
    return { ok: true, principal: { kind: 'user', user, credentialId: cred.id, grants } };
  }

  /** May this principal do this? Users must belong to the org; every caveat of some grant must allow it. */
  authorize(p: Principal, q: AccessQuery): boolean {
    const req: AccessRequest = { ...q, now: q.now ?? Math.floor(this.now() / 1000) };
    if (p.kind === 'user' && req.orgId !== undefined) {
      const member = [...p.user.orgIds].some(
        (id) => this.state.orgs.get(id)?.internalNumericId === req.orgId,
      );
      if (!member) return false;
    }
    return p.grants.some((g) => allows(g, req));
  }
}
