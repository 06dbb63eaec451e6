// Organization secrets of Actions, Dependabot and Codespaces, with all/private/selected visibility.
import type { Reply } from '../../http.js';
import { orgAccess } from '../auth.js';
import { GitHubError } from '../responses.js';
import { type Route, type RouteContext, route } from '../router.js';
import type { Account, GitHubState, SecretApp, SecretTarget, Visibility } from '../state.js';
import { checkSecretName, existingSecret, openBody, publicKeyReply, writtenReply } from './secrets.js';
import { minimalRepoJson } from './shapes.js';

interface OrgTarget {
  org: Account;
  target: Extract<SecretTarget, { scope: 'org' }>;
}

function orgTarget(app: SecretApp) {
  return (c: RouteContext): OrgTarget => {
    const org = orgAccess(c.state, c.principal, c.params.org, c.need);
    return { org, target: { scope: 'org', org: org.login, app } };
  };
}

function invalid(detail: string): GitHubError {
  return new GitHubError(422, `Invalid request.\n\n${detail}`);
}

/** Repository ids must name repositories of the organization. */
function checkRepoIds(state: GitHubState, org: Account, ids: number[]): void {
  for (const id of ids) {
    const repo = state.repoById(id);
    if (!repo || repo.owner.id !== org.id)
      throw invalid(`Repository with id ${id} was not found in ${org.login}.`);
  }
}

interface OrgSecretBody {
  encrypted_value?: string;
  key_id?: string;
  visibility: Visibility;
  selected_repository_ids?: (number | string)[];
}

function putOrgSecret(c: RouteContext, { org, target }: OrgTarget): Reply {
  const name = c.params.secret_name;
  checkSecretName(name);
  const b = c.body as OrgSecretBody;
  const existing = c.state.secret(target, name);
  let sealed: { value: string; keyId: string } | undefined;
  if (b.encrypted_value !== undefined || b.key_id !== undefined || !existing) {
    const missing = (['encrypted_value', 'key_id'] as const).filter((k) => b[k] === undefined);
    if (missing.length === 1) throw invalid(`"${missing[0]}" wasn't supplied.`);
    if (missing.length === 2) throw invalid(`"encrypted_value", "key_id" weren't supplied.`);
    sealed = openBody(c.state, target, b);
  }
  const ids = b.selected_repository_ids?.map(Number);
  if (ids?.some((id) => !Number.isInteger(id)))
    throw invalid('selected_repository_ids must be repository ids.');
  if (ids?.length && b.visibility !== 'selected') {
    throw invalid('selected_repository_ids can only be given when visibility is "selected".');
  }
  checkRepoIds(c.state, org, ids ?? []);
  const status = c.state.putSecret(target, {
    name,
    value: sealed?.value ?? existing!.value,
    keyId: sealed?.keyId ?? existing!.keyId,
    visibility: b.visibility,
    selectedRepositoryIds:
      b.visibility === 'selected' ? (ids ?? existing?.selectedRepositoryIds ?? []) : undefined,
  });
  return writtenReply(status);
}

function selectedOnly(c: RouteContext, t: OrgTarget) {
  const secret = existingSecret(c.state, t.target, c.params.secret_name);
  if (secret.visibility !== 'selected') {
    throw new GitHubError(409, "The secret's visibility is not set to selected.");
  }
  return secret;
}

function orgSecretApi(app: SecretApp, permission: string): Route[] {
  const access = orgTarget(app);
  // The Actions variant of get-org-secret says more (selected repositories) and is defined below.
  const get: Route[] =
    app === 'actions'
      ? []
      : [
          route({
            operation: `${app}/get-org-secret`,
            need: { permission, level: 'read', classic: 'admin:org' },
            access,
            handle: (c, t) => {
              const s = existingSecret(c.state, t.target, c.params.secret_name);
              return {
                status: 200,
                body: {
                  name: s.name,
                  created_at: s.createdAt,
                  updated_at: s.updatedAt,
                  visibility: s.visibility ?? 'all',
                },
              };
            },
          }),
        ];
  return [
    ...get,
    route({
      operation: `${app}/get-org-public-key`,
      need: { permission, level: 'read', classic: 'admin:org' },
      access,
      handle: (c, t) => publicKeyReply(c.state, t.target),
    }),
    route({
      operation: `${app}/create-or-update-org-secret`,
      need: { permission, level: 'write', classic: 'admin:org' },
      access,
      handle: putOrgSecret,
    }),
  ];
}

export const orgSecretRoutes: Route[] = [
  ...orgSecretApi('actions', 'organization_secrets'),
  ...orgSecretApi('dependabot', 'organization_dependabot_secrets'),
  ...orgSecretApi('codespaces', 'organization_codespaces_secrets'),
  route({
    operation: 'actions/get-org-secret',
    need: { permission: 'organization_secrets', level: 'read', classic: 'admin:org' },
    access: orgTarget('actions'),
    handle: (c, t) => {
      const s = existingSecret(c.state, t.target, c.params.secret_name);
      const body: Record<string, unknown> = {
        name: s.name,
        created_at: s.createdAt,
        updated_at: s.updatedAt,
        visibility: s.visibility ?? 'all',
      };
      if (s.visibility === 'selected') {
        body.selected_repositories_url = `${c.apiBase}/orgs/${t.org.login}/actions/secrets/${s.name}/repositories`;
      }
      return { status: 200, body };
    },
  }),
  route({
    operation: 'actions/list-selected-repos-for-org-secret',
    need: { permission: 'organization_secrets', level: 'read', classic: 'admin:org' },
    access: orgTarget('actions'),
    handle: (c, t) => {
      const ids = selectedOnly(c, t).selectedRepositoryIds ?? [];
      const repos = ids.map((id) => c.state.repoById(id)).filter((r) => r !== undefined);
      const perPage = Math.min(100, Math.max(1, Number(c.query.get('per_page') ?? 30) || 30));
      const page = Math.max(1, Number(c.query.get('page') ?? 1) || 1);
      const slice = repos.slice((page - 1) * perPage, page * perPage);
      return {
        status: 200,
        body: { total_count: repos.length, repositories: slice.map((r) => minimalRepoJson(r, c.apiBase)) },
      };
    },
  }),
  route({
    operation: 'actions/set-selected-repos-for-org-secret',
    need: { permission: 'organization_secrets', level: 'write', classic: 'admin:org' },
    access: orgTarget('actions'),
    handle: (c, t) => {
      const secret = selectedOnly(c, t);
      const ids = (c.body as { selected_repository_ids: number[] }).selected_repository_ids;
      checkRepoIds(c.state, t.org, ids);
      secret.selectedRepositoryIds = [...ids];
      return { status: 204 };
    },
  }),
];
