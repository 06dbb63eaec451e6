// Shared helpers for the Fly emulator tests: a tiny GraphQL client and the documents flyctl sends.
import type { FlyEmulator } from '../../emulators/fly/index.js';

export interface GqlResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests walk arbitrary response JSON
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export async function gql(
  emu: FlyEmulator,
  auth: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GqlResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = auth;
  const res = await fetch(`${emu.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** flyctl's mutation (gql/genqclient.graphql). */
export const CREATE = `mutation CreateLimitedAccessToken($name: String!, $organizationId: ID!, $profile: String!, $profileParams: JSON, $expiry: String!) {
  createLimitedAccessToken(input: {name: $name, organizationId: $organizationId, profile: $profile, profileParams: $profileParams, expiry: $expiry}) {
    limitedAccessToken { id tokenHeader expiresAt profile }
  }
}`;

export const REVOKE = `mutation($input:DeleteLimitedAccessTokenInput!) { deleteLimitedAccessToken(input: $input) { token revokedBy } }`;

export const GET_APP = `query ($appName: String!) { appcompact:app(name: $appName) { id internalNumericId name organization { id internalNumericId slug paidPlan } } }`;

export const GET_ORG = `query($slug: String!) { organization(slug: $slug) { id internalNumericId slug rawSlug name type billable } }`;

export const APP_TOKENS = `query ($appName: String!, $after: String) {
  app(name: $appName) { limitedAccessTokens(after: $after) { totalCount nodes { id name revokedAt user { email } } pageInfo { hasNextPage endCursor } } }
}`;

export const ORG_TOKENS = `query ($slug: String!, $first: Int, $after: String) {
  organization(slug: $slug) { limitedAccessTokens(first: $first, after: $after) { totalCount edges { cursor node { id profile } } pageInfo { hasNextPage endCursor } } }
}`;

export interface Seeded {
  authToken: string;
  orgId: string;
  webId: string;
}

export function seed(emu: FlyEmulator): Seeded {
  const authToken = emu.seedDemo();
  return { authToken, orgId: emu.state.orgBySlug('acme')!.id, webId: emu.state.apps.get('acme-web')!.id };
}

export async function mint(
  emu: FlyEmulator,
  auth: string,
  orgId: string,
  profile: string,
  profileParams: Record<string, unknown> = {},
  expiry = '72h0m0s',
): Promise<GqlResult> {
  return gql(emu, auth, CREATE, {
    name: `t-${profile}`,
    organizationId: orgId,
    profile,
    profileParams,
    expiry,
  });
}

export async function mintHeader(
  emu: FlyEmulator,
  auth: string,
  orgId: string,
  profile: string,
  params = {},
): Promise<string> {
  const r = await mint(emu, auth, orgId, profile, params);
  if (r.errors) throw new Error(r.errors[0].message);
  return r.data!.createLimitedAccessToken.limitedAccessToken.tokenHeader;
}
