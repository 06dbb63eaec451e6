// Issuing credentials: users' auth tokens and the LimitedAccessTokens of createLimitedAccessToken, with the
// caveats Fly's server puts in them.
import { randomBytes } from 'node:crypto';
import { Action, type Caveat, caveats } from '../../../src/fly/macaroon/index.js';
import {
  type AuthCredential,
  type FlyState,
  type LimitedAccessTokenRecord,
  nodeId,
  type Profile,
  wholeSeconds,
} from './state.js';
import { mintHeader } from './tokens.js';

export interface Issuer {
  state: FlyState;
  rootKey: Uint8Array;
  now: () => number;
}

/** A user's personal auth token: a macaroon with no organization restriction, or a legacy opaque token. */
export function issueAuthToken(iss: Issuer, userId: string, legacy: boolean): AuthCredential {
  const id = nodeId(24);
  const token = legacy ? randomBytes(32).toString('base64url') : mintHeader(iss.rootKey, id, []);
  const cred: AuthCredential = {
    id,
    userId,
    legacy,
    token,
    createdAt: wholeSeconds(iss.now()),
    expiresAt: null,
    revokedAt: null,
  };
  iss.state.credentials.set(id, cred);
  return cred;
}

export interface LimitedTokenSpec {
  name: string;
  profile: Profile;
  profileParams: Record<string, unknown>;
  orgId: string;
  appId?: string;
  cluster?: string;
  expiresInMs: number;
  createdBy: string;
}

function caveatsFor(iss: Issuer, spec: LimitedTokenSpec, from: number, until: number): Caveat[] {
  const org = iss.state.orgs.get(spec.orgId)!;
  const cavs: Caveat[] = [caveats.organization(org.internalNumericId, Action.all)];
  if (spec.profile === 'deploy') {
    const app = iss.state.apps.get(spec.appId!)!;
    cavs.push(caveats.apps(new Map([[app.internalNumericId, Action.all]])));
  }
  if (spec.profile === 'litefs_cloud') {
    cavs.push(
      caveats.featureSet({ 'litefs-cloud': Action.all }),
      caveats.clusters({ [spec.cluster!]: Action.all }),
    );
  }
  cavs.push(caveats.validityWindow(Math.floor(from / 1000), Math.floor(until / 1000)));
  return cavs;
}

export function issueLimitedToken(iss: Issuer, spec: LimitedTokenSpec): LimitedAccessTokenRecord {
  const id = nodeId(24);
  const created = wholeSeconds(iss.now()).getTime();
  const expires = wholeSeconds(created + spec.expiresInMs).getTime();
  const record: LimitedAccessTokenRecord = {
    id,
    name: spec.name,
    profile: spec.profile,
    profileParams: spec.profileParams,
    orgId: spec.orgId,
    appId: spec.appId,
    cluster: spec.cluster,
    createdAt: new Date(created),
    expiresAt: new Date(expires),
    revokedAt: null,
    revokedBy: null,
    header: mintHeader(iss.rootKey, id, caveatsFor(iss, spec, created, expires)),
    createdBy: spec.createdBy,
  };
  iss.state.tokens.push(record);
  return record;
}
