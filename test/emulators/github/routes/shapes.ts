// JSON shapes of GitHub resources, trimmed to the fields clients commonly read.

import type { App, Installation } from '../apps.js';
import type { Principal } from '../auth.js';
import type { Account, Environment, Repo } from '../state.js';

const WEB = 'https://github.com';

function nodeId(kind: string, id: number): string {
  return Buffer.from(`0:${kind}${id}`).toString('base64').replace(/=+$/, '');
}

export function accountJson(a: Account, api: string) {
  const kind = a.type === 'Organization' ? 'orgs' : 'users';
  return {
    login: a.login,
    id: a.id,
    node_id: nodeId(a.type, a.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${a.id}?v=4`,
    url: `${api}/${kind}/${a.login}`,
    html_url: `${WEB}/${a.login}`,
    type: a.type,
    site_admin: false,
  };
}

export function minimalRepoJson(r: Repo, api: string) {
  return {
    id: r.id,
    node_id: nodeId('Repository', r.id),
    name: r.name,
    full_name: r.fullName,
    private: r.private,
    owner: accountJson(r.owner, api),
    html_url: `${WEB}/${r.fullName}`,
    description: null,
    fork: false,
    url: `${api}/repos/${r.fullName}`,
  };
}

export function repoJson(r: Repo, api: string, p: Principal) {
  const json: Record<string, unknown> = {
    ...minimalRepoJson(r, api),
    visibility: r.private ? 'private' : 'public',
    default_branch: 'main',
    archived: false,
    disabled: false,
    created_at: r.createdAt,
    updated_at: r.createdAt,
    pushed_at: r.createdAt,
  };
  if (p.kind === 'token' && p.grant.kind === 'pat') {
    json.permissions = { admin: true, maintain: true, push: true, triage: true, pull: true };
  }
  return json;
}

export function environmentJson(r: Repo, e: Environment, api: string) {
  return {
    id: e.id,
    node_id: nodeId('Environment', e.id),
    name: e.name,
    url: `${api}/repos/${r.fullName}/environments/${encodeURIComponent(e.name)}`,
    html_url: `${WEB}/${r.fullName}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    protection_rules: [],
    deployment_branch_policy: null,
  };
}

export function installationJson(inst: Installation, app: App, api: string) {
  const org = inst.account.type === 'Organization';
  return {
    id: inst.id,
    client_id: app.clientId,
    account: accountJson(inst.account, api),
    repository_selection: inst.repos === '*' ? 'all' : 'selected',
    access_tokens_url: `${api}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${api}/installation/repositories`,
    html_url: org
      ? `${WEB}/organizations/${inst.account.login}/settings/installations/${inst.id}`
      : `${WEB}/settings/installations/${inst.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: inst.account.id,
    target_type: inst.account.type,
    permissions: inst.permissions,
    events: [],
    created_at: inst.createdAt,
    updated_at: inst.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
