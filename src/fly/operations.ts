// Every document we send to Fly. A test validates each one against Fly's real schema (test/fixtures/fly/schema.graphql).

export const GET_APP = `query FlyRotatorApp($name: String!) {
  app(name: $name) { id internalNumericId name organization { id internalNumericId slug } }
}`;

export const GET_ORG = `query FlyRotatorOrganization($slug: String!) {
  organization(slug: $slug) { id internalNumericId slug name }
}`;

export const CREATE_TOKEN = `mutation FlyRotatorCreateToken($input: CreateLimitedAccessTokenInput!) {
  createLimitedAccessToken(input: $input) {
    limitedAccessToken { id name createdAt expiresAt tokenHeader }
  }
}`;

const TOKEN_PAGE = `limitedAccessTokens(first: 100, after: $after) {
      nodes { id name createdAt expiresAt revokedAt profile }
      pageInfo { hasNextPage endCursor }
    }`;

export const APP_TOKENS = `query FlyRotatorAppTokens($name: String!, $after: String) {
  app(name: $name) { ${TOKEN_PAGE} }
}`;

export const ORG_TOKENS = `query FlyRotatorOrganizationTokens($slug: String!, $after: String) {
  organization(slug: $slug) { ${TOKEN_PAGE} }
}`;

export const REVOKE_TOKEN = `mutation FlyRotatorRevokeToken($input: DeleteLimitedAccessTokenInput!) {
  deleteLimitedAccessToken(input: $input) { token }
}`;

export const ALL_OPERATIONS = { GET_APP, GET_ORG, CREATE_TOKEN, APP_TOKENS, ORG_TOKENS, REVOKE_TOKEN };
