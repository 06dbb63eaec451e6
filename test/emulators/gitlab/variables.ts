// The project- and group-level CI/CD variables API: list, get, create, update, delete, as the docs describe
// them. Keys may repeat across environment scopes, so get/update/delete take `filter[environment_scope]` and
// answer 409 when a key alone is ambiguous. On a tier without Premium, GitLab drops a group variable's
// environment_scope (every group variable is then `*`). The group update, when its filter finds no variable,
// falls back to the variable of that key in any scope and updates that one (the project update answers 404).
// Before GitLab 16.2 variables had no `description`: an old release neither returns nor stores one.
import type { Reply } from '../http.js';
import { paginate } from './pagination.js';
import type { Declared } from './params.js';
import { GitLabError, invalid, notFound, reply } from './responses.js';
import type { GitLabState, Owner, Variable } from './state.js';
import { validateVariable } from './validate.js';

const TYPES = ['env_var', 'file'];

/** The API's view of a variable: a hidden one never shows its value. */
export function variableJson(v: Variable, state?: GitLabState) {
  const json = {
    variable_type: v.variable_type,
    key: v.key,
    value: v.hidden ? null : v.value,
    hidden: v.hidden,
    protected: v.protected,
    masked: v.masked,
    raw: v.raw,
    environment_scope: v.environment_scope,
    description: v.description,
  };
  if (state && !state.descriptions) {
    const { description: _, ...old } = json;
    return old;
  }
  return json;
}

const missing = (owner: Owner) => notFound(owner.kind === 'project' ? 'Variable' : 'GroupVariable');

/** The one variable `key` (within `scope` when given) names; 404 for none, 409 for several. */
function find(state: GitLabState, owner: Owner, key: string, scope: string | undefined): Variable {
  const found = state
    .variablesOf(owner)
    .filter((v) => v.key === key && (scope === undefined || v.environment_scope === scope));
  if (found.length > 1) {
    throw new GitLabError(409, {
      message:
        "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'",
    });
  }
  if (!found.length) throw missing(owner);
  return found[0];
}

/** A release before 16.2 has no description: Grape ignores a parameter it does not declare. */
function descriptionParam(state: GitLabState, p: Declared): string | undefined {
  return state.descriptions ? p.string('description') : undefined;
}

/** Group variables keep their environment_scope only on Premium and Ultimate. */
function scopeParam(state: GitLabState, owner: Owner, p: Declared): string | undefined {
  const scope = p.string('environment_scope');
  return owner.kind === 'group' && !state.premium ? undefined : scope;
}

export function listVariables(state: GitLabState, owner: Owner, p: Declared, requestUrl: URL): Reply {
  const page = p.integer('page', 1);
  const perPage = p.integer('per_page', 20);
  p.check();
  const { items, headers } = paginate(state.variablesOf(owner), page, perPage, requestUrl);
  return reply(
    200,
    items.map((v) => variableJson(v, state)),
    headers,
  );
}

export function getVariable(state: GitLabState, owner: Owner, key: string, p: Declared): Reply {
  const scope = p.filterScope();
  p.check();
  return reply(200, variableJson(find(state, owner, key, scope), state));
}

export function createVariable(state: GitLabState, owner: Owner, p: Declared): Reply {
  const key = p.string('key', { required: true });
  const value = p.string('value', { required: true });
  const variableType = p.string('variable_type', { values: TYPES });
  const prot = p.boolean('protected');
  const masked = p.boolean('masked');
  const maskedAndHidden = p.boolean('masked_and_hidden');
  const raw = p.boolean('raw');
  const description = descriptionParam(state, p);
  const scope = scopeParam(state, owner, p);
  p.check();
  const v: Variable = {
    // GitLab strips the key before validating it.
    key: (key ?? '').trim(),
    value: value ?? '',
    variable_type: (variableType ?? 'env_var') as Variable['variable_type'],
    protected: prot ?? false,
    masked: (maskedAndHidden || masked) ?? false,
    hidden: maskedAndHidden ?? false,
    raw: raw ?? false,
    environment_scope: scope ?? '*',
    description: description ?? null,
  };
  const errors = validateVariable(v, state.variablesOf(owner));
  if (errors) throw invalid(errors);
  state.variablesOf(owner).push(v);
  state.record(owner, v, 'create');
  return reply(201, variableJson(v, state));
}

export function updateVariable(state: GitLabState, owner: Owner, key: string, p: Declared): Reply {
  const filter = p.filterScope();
  const value = p.string('value');
  const variableType = p.string('variable_type', { values: TYPES });
  const prot = p.boolean('protected');
  const masked = p.boolean('masked');
  const raw = p.boolean('raw');
  const description = descriptionParam(state, p);
  const scope = scopeParam(state, owner, p);
  p.check();
  // Without a filter, GitLab's group endpoint still updates the first variable of that key (kept for old
  // clients); the project endpoint answers 409 when the key is ambiguous.
  // With a filter that finds nothing, the group endpoint falls back the same way: it updates the variable of
  // that key in whatever scope it has (GitLab's find_variable retried without the filter).
  const anyScope = () => state.variablesOf(owner).find((v) => v.key === key);
  const inScope = () => state.variablesOf(owner).some((v) => v.key === key && v.environment_scope === filter);
  const current =
    owner.kind === 'group' && (filter === undefined || !inScope())
      ? (anyScope() ?? find(state, owner, key, undefined))
      : find(state, owner, key, filter);
  const next: Variable = {
    ...current,
    ...(value !== undefined && { value }),
    ...(variableType !== undefined && { variable_type: variableType as Variable['variable_type'] }),
    ...(prot !== undefined && { protected: prot }),
    ...(masked !== undefined && { masked }),
    ...(raw !== undefined && { raw }),
    ...(description !== undefined && { description }),
    ...(scope !== undefined && { environment_scope: scope }),
  };
  const siblings = state.variablesOf(owner).filter((v) => v !== current);
  const errors = validateVariable(next, siblings, current);
  if (errors) throw invalid(errors);
  Object.assign(current, next);
  state.record(owner, current, 'update');
  return reply(200, variableJson(current, state));
}

export function deleteVariable(state: GitLabState, owner: Owner, key: string, p: Declared): Reply {
  const scope = p.filterScope();
  p.check();
  const v = find(state, owner, key, scope);
  const list = state.variablesOf(owner);
  list.splice(list.indexOf(v), 1);
  state.record(owner, v, 'delete');
  return reply(204);
}
