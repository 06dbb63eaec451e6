// The GitHub REST operations the emulator serves, by GitHub's operationId. This list is the single source of
// truth for scripts/openapi-extract.ts (which copies their OpenAPI description into openapi-subset.json) and
// for the router (which refuses to start if a served operation has no handler or no description).
export const SERVED_OPERATIONS = [
  'repos/get',
  'actions/get-repo-public-key',
  'actions/get-repo-secret',
  'actions/create-or-update-repo-secret',
  // Environments and their secrets.
  'repos/get-environment',
  'actions/get-environment-public-key',
  'actions/get-environment-secret',
  'actions/create-or-update-environment-secret',
  // Organization Actions secrets.
  'actions/get-org-public-key',
  'actions/get-org-secret',
  'actions/create-or-update-org-secret',
  'actions/list-selected-repos-for-org-secret',
  'actions/set-selected-repos-for-org-secret',
  // Dependabot and Codespaces secrets.
  'dependabot/get-repo-public-key',
  'dependabot/get-repo-secret',
  'dependabot/create-or-update-repo-secret',
  'dependabot/get-org-public-key',
  'dependabot/get-org-secret',
  'dependabot/create-or-update-org-secret',
  'codespaces/get-repo-public-key',
  'codespaces/get-repo-secret',
  'codespaces/create-or-update-repo-secret',
  'codespaces/get-org-public-key',
  'codespaces/get-org-secret',
  'codespaces/create-or-update-org-secret',
  // GitHub Apps.
  'apps/get-repo-installation',
  'apps/get-org-installation',
  'apps/get-user-installation',
  'apps/create-installation-access-token',
  'apps/revoke-installation-access-token',
] as const;

export type OperationId = (typeof SERVED_OPERATIONS)[number];
