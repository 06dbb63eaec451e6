// The emulator's GraphQL schema: a strict subset of Fly's real schema (same type, field and argument
// names and types; test/unit/fly-emulator/schema.test.ts checks it against test/fixtures/fly/schema.graphql).
import {
  buildSchema,
  type GraphQLScalarType,
  type GraphQLSchema,
  Kind,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';

export const SDL = /* GraphQL */ `
schema {
  query: Queries
  mutation: Mutations
}

scalar BigInt
scalar ISO8601DateTime
scalar JSON

interface Node {
  id: ID!
}

interface Principal {
  email: String!
  name: String
}

interface AppRole {
  name: String!
}

type EmptyAppRole implements AppRole {
  name: String!
}

enum OrganizationType {
  PERSONAL
  SHARED
}

enum PlatformVersionEnum {
  detached
  machines
  nomad
}

enum AppState {
  DEPLOYED
  PENDING
  SUSPENDED
}

type PageInfo {
  endCursor: String
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
}

type User implements Node & Principal {
  email: String!
  id: ID!
  internalNumericId: Int!
  name: String
  username: String
}

type Macaroon implements Principal {
  email: String!
  name: String
}

type Organization implements Node {
  billable: Boolean!
  id: ID!
  internalNumericId: BigInt!
  limitedAccessTokens(after: String, before: String, first: Int, last: Int): LimitedAccessTokenConnection!
  name: String!
  paidPlan: Boolean!
  rawSlug: String!
  slug: String!
  type: OrganizationType!
  viewerRole: String!
}

type App implements Node {
  appUrl: String
  cnameTarget: String
  deployed: Boolean!
  hostname: String
  id: ID!
  internalId: String!
  internalNumericId: Int!
  limitedAccessTokens(after: String, before: String, first: Int, last: Int): LimitedAccessTokenConnection!
  name: String!
  network: String
  organization: Organization!
  platformVersion: PlatformVersionEnum
  role: AppRole
  state: AppState!
  status: String!
}

type LimitedAccessToken implements Node {
  createdAt: ISO8601DateTime!
  expiresAt: ISO8601DateTime!
  id: ID!
  name: String!
  organization: Organization!
  profile: String!
  profileParams: JSON
  revokedAt: ISO8601DateTime
  revokedBy: String
  token: String!
  tokenHeader: String
  user: User!
}

type LimitedAccessTokenEdge {
  cursor: String!
  node: LimitedAccessToken
}

type LimitedAccessTokenConnection {
  edges: [LimitedAccessTokenEdge]
  nodes: [LimitedAccessToken]
  pageInfo: PageInfo!
  totalCount: Int!
}

input CreateLimitedAccessTokenInput {
  clientMutationId: String
  expiry: String
  name: String!
  optInThirdParties: [String!]
  optOutThirdParties: [String!]
  organizationId: ID!
  profile: String!
  profileParams: JSON
}

type CreateLimitedAccessTokenPayload {
  clientMutationId: String
  limitedAccessToken: LimitedAccessToken!
}

input DeleteLimitedAccessTokenInput {
  clientMutationId: String
  id: ID
  revokedBy: String
  token: String
}

type DeleteLimitedAccessTokenPayload {
  clientMutationId: String
  revokedBy: String
  token: String
}

type Queries {
  app(internalId: String, name: String): App
  currentUser: User!
  organization(id: ID, name: String, slug: String): Organization
  viewer: Principal!
}

type Mutations {
  createLimitedAccessToken(input: CreateLimitedAccessTokenInput!): CreateLimitedAccessTokenPayload
  deleteLimitedAccessToken(input: DeleteLimitedAccessTokenInput!): DeleteLimitedAccessTokenPayload
}
`;

function literal(ast: ValueNode): unknown {
  return valueFromASTUntyped(ast);
}

/** ISO8601DateTime as Rails prints it: second precision, `Z`. */
export function isoTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const SCALARS: Record<string, Partial<GraphQLScalarType>> = {
  JSON: { serialize: (v: unknown) => v, parseValue: (v: unknown) => v, parseLiteral: literal },
  BigInt: {
    // graphql-ruby's BigInt travels as a string.
    serialize: (v: unknown) => String(v),
    parseValue: (v: unknown) => BigInt(v as string),
    parseLiteral: (ast: ValueNode) =>
      ast.kind === Kind.STRING || ast.kind === Kind.INT ? BigInt(ast.value) : undefined,
  },
  ISO8601DateTime: {
    serialize: (v: unknown) => (v instanceof Date ? isoTime(v) : v),
    parseValue: (v: unknown) => new Date(v as string),
    parseLiteral: (ast: ValueNode) => (ast.kind === Kind.STRING ? new Date(ast.value) : undefined),
  },
};

export function buildFlySchema(): GraphQLSchema {
  const schema = buildSchema(SDL);
  for (const [name, impl] of Object.entries(SCALARS)) {
    Object.assign(schema.getType(name) as GraphQLScalarType, impl);
  }
  return schema;
}
