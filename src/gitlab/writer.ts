// Writes a Fly token into GitLab CI/CD variables and proves each write by reading it back: the value and the
// description (which names the token id) must come back exactly as written.
import { ApiError, errorMessage, InputError } from '../core/errors.js';
import type { Evidence, SecretWriter, StoreOutcome, TokenToStore, WriteAnswer } from '../core/interfaces.js';
import type { GitLabTargetSpec } from '../core/spec.js';
import type { RestClient } from '../net/rest.js';
import { GitLabCheckError, gitlabError, scrub, statusOf, variableMissing } from './errors.js';
import { tokenIdOf, tokenNote } from './note.js';
import { GitLabVariable, gitlabSpecProblem } from './variable.js';

/** The attributes of a variable as the API returns them; every field is the server's word, unchecked. */
interface VariableJson {
  key?: unknown;
  value?: unknown;
  environment_scope?: unknown;
  description?: unknown;
}

export class GitLabWriter implements SecretWriter<GitLabVariable> {
  readonly targets: GitLabVariable[];
  /** One access check per project or group, shared by its variables. */
  private readonly access = new Map<string, Promise<void>>();

  constructor(
    specs: readonly GitLabTargetSpec[],
    private readonly api: RestClient,
  ) {
    this.targets = specs.map((s) => new GitLabVariable(s));
  }

  /**
   * Before anything is minted: each spec fits GitLab's rules, the token has the api scope, and it can manage
   * the variables of every project and group (reading their list needs the same role as writing).
   */
  async prepare(): Promise<void> {
    const problems = this.targets.map((t) => gitlabSpecProblem(t.spec)).filter((p) => p !== undefined);
    if (problems.length) throw new InputError(problems.join(' '));
    await Promise.all([this.checkScopes(), ...this.targets.map((t) => this.checkAccess(t))]);
  }

  /** Nothing to get ready: GitLab takes the value as it is, over TLS. */
  warmUp(): void {}

  store(token: TokenToStore, signal?: AbortSignal): Promise<StoreOutcome<GitLabVariable>[]> {
    return Promise.all(
      this.targets.map(async (target): Promise<StoreOutcome<GitLabVariable>> => {
        // Every answer the PUTs and POSTs got: the facts core/evidence.ts decides from (a read-back's are not).
        const answers: WriteAnswer[] = [];
        try {
          return { target, result: await this.write(target, token, answers, signal) };
        } catch (err) {
          const error = scrub(errorMessage(gitlabError(err, target.requirement)), token.header);
          // After a 2xx the value landed: our own check that then disagreed (another scope, another value) says
          // where; a read-back that could not be had changes nothing (core/evidence.ts).
          const checked =
            err instanceof GitLabCheckError && answers.some((a) => 'status' in a && a.status < 300);
          return { target, error, facts: { answers, ...(checked ? { afterAccepted: error } : {}) } };
        }
      }),
    );
  }

  evidence(value?: string): Promise<Evidence[]> {
    return Promise.all(
      this.targets.map(async (target): Promise<Evidence> => {
        let stored: VariableJson | undefined;
        try {
          stored = await this.read(target);
        } catch (err) {
          // Keeps the error's class (a TransientError stays one), with the value asked about scrubbed out.
          const explained = gitlabError(err, target.requirement);
          if (explained instanceof Error) explained.message = scrub(explained.message, value);
          throw explained;
        }
        if (!stored) return { proof: 'read-back', exists: false };
        const evidence: Evidence = { proof: 'read-back', exists: true };
        const tokenId = tokenIdOf(stored.description);
        if (tokenId) evidence.tokenId = tokenId;
        // A hidden variable answers value null: then whether it matches cannot be told.
        if (value !== undefined && typeof stored.value === 'string')
          evidence.matches = stored.value === storedForm(target, value);
        return evidence;
      }),
    );
  }

  /** Update in place when the variable exists, else create it; then read it back. */
  private async write(
    target: GitLabVariable,
    token: TokenToStore,
    answers: WriteAnswer[],
    signal?: AbortSignal,
  ): Promise<'created' | 'updated'> {
    const note = tokenNote(token.id);
    if (!note)
      throw new GitLabCheckError(`The Fly token id is not one ${target.label} can record; nothing written.`);
    const fields = {
      value: storedForm(target, token.header),
      // raw: GitLab never expands the value, and masks any value without whitespace (the scheme-less token).
      masked: target.spec.masked,
      raw: true,
      protected: target.spec.protected,
      variable_type: 'env_var',
      description: note,
    };
    let result: 'created' | 'updated' = 'updated';
    let written = await this.update(target, fields, answers, signal);
    if (!written) {
      written = await this.create(target, fields, answers, signal);
      result = 'created';
    }
    if (!written) {
      // Another writer created it between our update and create: update theirs.
      written = await this.update(target, fields, answers, signal);
      result = 'updated';
    }
    if (!written) {
      const why =
        target.kind === 'group'
          ? 'without Premium, GitLab keeps group variables for every environment, so one may exist with scope *'
          : 'it may have been deleted while being written';
      throw new GitLabCheckError(
        `GitLab says ${target.label} does not exist, yet calls its key taken (${why}).`,
      );
    }
    this.checkScope(target, written);
    await this.readBack(target, storedForm(target, token.header), note, signal);
    return result;
  }

  /** PUT with the scope filter; undefined when no variable of that key and scope exists. */
  private async update(target: GitLabVariable, fields: object, answers: WriteAnswer[], signal?: AbortSignal) {
    try {
      const res = await this.api.request<VariableJson>({
        method: 'PUT',
        path: target.item,
        body: fields,
        context: `update ${target.label}`,
        signal,
        answers,
      });
      return res.data ?? {};
    } catch (err) {
      if (variableMissing(err)) return undefined;
      throw err;
    }
  }

  /** POST; undefined when GitLab answers that the key is already taken in that scope. */
  private async create(target: GitLabVariable, fields: object, answers: WriteAnswer[], signal?: AbortSignal) {
    try {
      const res = await this.api.request<VariableJson>({
        method: 'POST',
        path: target.collection,
        body: { key: target.spec.secret, environment_scope: target.spec.environmentScope, ...fields },
        context: `create ${target.label}`,
        // Safe to repeat after a lost answer: a create that did land makes the repeat "already taken", and
        // that is followed by an update with the same value.
        idempotent: true,
        signal,
        answers,
      });
      return res.data ?? {};
    } catch (err) {
      if (statusOf(err) === 400 && /has already been taken/.test((err as Error).message)) return undefined;
      throw err;
    }
  }

  /** Without Premium, GitLab silently stores a group variable for every environment (`*`). */
  private checkScope(target: GitLabVariable, written: VariableJson): void {
    const scope = written.environment_scope;
    if (typeof scope !== 'string' || scope === target.spec.environmentScope) return;
    const why =
      target.kind === 'group'
        ? ' Environment scopes of group variables need GitLab Premium or Ultimate; without them GitLab ignores the scope.'
        : '';
    throw new GitLabCheckError(
      `GitLab stored the new token in ${target.label.replace(/ \(environment [^)]*\)$/, '')} with environment scope "${scope.slice(0, 100)}" instead, ` +
        `where every matching environment reads it.${why} ` +
        `Delete that variable in GitLab, or use environment scope "${scope.slice(0, 100)}".`,
    );
  }

  private async readBack(
    target: GitLabVariable,
    value: string,
    note: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const stored = await this.read(target, signal);
    if (!stored) throw new GitLabCheckError(`${target.label} was written, but GitLab no longer has it.`);
    // A hidden variable never shows its value (value null); the description, written in the same request,
    // still names the token it holds.
    const hidden = stored.value === null;
    const differs = [
      !hidden && stored.value !== value && 'value',
      stored.description !== note && 'description',
    ].filter(Boolean);
    if (differs.length) {
      throw new GitLabCheckError(
        `${target.label} was written, but reading it back gives another ${differs.join(' and ')} ` +
          '(a concurrent writer?), so it may hold another token.',
      );
    }
  }

  /** The variable of this key and scope, or undefined when it does not exist. */
  private async read(target: GitLabVariable, signal?: AbortSignal): Promise<VariableJson | undefined> {
    try {
      const res = await this.api.request<VariableJson>({
        method: 'GET',
        path: target.item,
        context: `read ${target.label}`,
        signal,
      });
      if (!res.data || typeof res.data !== 'object') {
        throw new ApiError(
          `GitLab answered reading ${target.label} with something that is not a variable.`,
          'gitlab',
        );
      }
      return res.data;
    } catch (err) {
      if (variableMissing(err)) return undefined;
      throw err;
    }
  }

  /** A token without `api` fails here, before minting: reading variables alone would not show it. */
  private async checkScopes(): Promise<void> {
    let scopes: unknown;
    try {
      const res = await this.api.request<{ scopes?: unknown }>({
        method: 'GET',
        path: '/personal_access_tokens/self',
        context: 'read the scopes of the GitLab token',
      });
      scopes = res.data?.scopes;
    } catch (err) {
      const status = statusOf(err);
      if (status === 403 && /insufficient_scope/.test((err as Error).message)) {
        throw new ApiError(
          'The GitLab token lacks the api scope, which writing CI/CD variables needs.',
          'gitlab',
          403,
        );
      }
      // Tokens that cannot describe themselves (OAuth) are checked by the access probe alone.
      if (status !== undefined && status >= 400 && status < 500) return;
      throw err;
    }
    if (!Array.isArray(scopes) || scopes.includes('api')) return;
    const held = scopes
      .filter((s): s is string => typeof s === 'string' && /^[a-z_]{1,40}$/.test(s))
      .slice(0, 12)
      .join(', ');
    throw new ApiError(
      `The GitLab token has scopes ${held || '(none)'}; writing CI/CD variables needs scope api (read_api only reads).`,
      'gitlab',
      403,
    );
  }

  private checkAccess(target: GitLabVariable): Promise<void> {
    const key = target.owner.toLowerCase();
    let check = this.access.get(key);
    if (!check) {
      check = this.api
        .request({
          method: 'GET',
          path: `${target.collection}?per_page=1`,
          context: `read the CI/CD variables of ${target.owner}`,
        })
        .then(
          () => undefined,
          (err) => {
            throw gitlabError(err, target.requirement);
          },
        );
      this.access.set(key, check);
      // A failed check may be tried again by a later prepare().
      check.catch(() => this.access.delete(key));
    }
    return check;
  }
}

/**
 * What a variable holds for a token: GitLab masks a raw value only when it has no whitespace, so a masked
 * variable holds the token without its `FlyV1 ` scheme (`fm2_…,fm2_…`), which flyctl and Fly's API accept too.
 */
export function storedForm(target: GitLabVariable, header: string): string {
  return target.spec.masked ? header.replace(/^FlyV1\s+/i, '') : header;
}
