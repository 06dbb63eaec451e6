// The GitHub REST operations the emulator serves, by GitHub's operationId. This list is the single source of
// truth for scripts/openapi-extract.ts (which copies their OpenAPI description into openapi-subset.json) and
// for the router (which refuses to start if a served operation has no handler or no description).
export const SERVED_OPERATIONS = [
  'repos/get',
  'actions/get-repo-public-key',
  'actions/get-repo-secret',
  'actions/create-or-update-repo-secret',
] as const;

export type OperationId = (typeof SERVED_OPERATIONS)[number];
