// One class per kind of secret GitHub keeps: where its public key is, how it is written, and which permission a
// credential needs for it (named in every error).
import { statusOf } from '../core/errors.js';
import type { WriteAnswer } from '../core/interfaces.js';
import { SharedCalls } from '../core/shared.js';
import { githubError } from './errors.js';
import type { GitHub } from './octokit.js';
import type { GitHubTargetSpec, OrgVisibility, SecretApp } from './spec.js';

export interface PublicKey {
  key_id: string;
  key: string;
}

/** One place a token is written to. Targets that share a public key share `keyScope`. */
export interface SecretTarget {
  /** "repository secret FLY_API_TOKEN in acme/web": used in logs, errors and the summary. */
  readonly label: string;
  /** GitHub says when a secret was last written (updated_at), never what it holds. */
  readonly proof: 'timestamp';
  readonly secretName: string;
  /** Identifies the public key this target encrypts with, so each key is fetched once per run. */
  readonly keyScope: string;
  /** The permission a fine-grained token needs for this target, for error messages. */
  readonly permission: string;
  /** Checks, before anything is minted, what the write will rely on (an environment exists, repositories resolve). */
  check?(gh: GitHub): Promise<void>;
  publicKey(gh: GitHub): Promise<PublicKey>;
  /** When the secret was last written (GitHub's updated_at), or undefined when it does not exist yet. */
  lastWritten(gh: GitHub): Promise<string | undefined>;
  /**
   * Writes the sealed value; returns whether the secret was created or replaced. `answers` receives every
   * attempt's answer, retries included (the facts of the rule of evidence, core/evidence.ts).
   */
  write(
    gh: GitHub,
    encryptedValue: string,
    keyId: string,
    signal?: AbortSignal,
    answers?: WriteAnswer[],
  ): Promise<'created' | 'updated'>;
}

const APP_NAMES: Record<SecretApp, string> = {
  actions: 'Actions',
  dependabot: 'Dependabot',
  codespaces: 'Codespaces',
};
const REPO_PERMISSION: Record<SecretApp, string> = {
  actions: 'Secrets',
  dependabot: 'Dependabot secrets',
  codespaces: 'Codespaces secrets',
};
const ORG_PERMISSION: Record<SecretApp, string> = {
  actions: 'Organization permissions › Secrets',
  dependabot: 'Organization permissions › Dependabot secrets',
  codespaces: 'Organization permissions › Codespaces secrets',
};

/** GitHub answers a secret write with 201 or 204 and no body; anything else (a proxy's 200) proves nothing. */
function written(status: number): 'created' | 'updated' {
  if (status === 201) return 'created';
  if (status === 204) return 'updated';
  throw new Error(`GitHub answered HTTP ${status} instead of 201 or 204, so the write is not confirmed`);
}

type Params = Record<string, string>;

/**
 * What every secret store shares: `{base}/secrets/public-key`, `{base}/secrets/{secret_name}` to read and
 * write, and errors that name the permission. Subclasses say where `base` is and what they add.
 */
abstract class SecretStore implements SecretTarget {
  readonly proof = 'timestamp' as const;
  abstract readonly label: string;
  abstract readonly keyScope: string;
  abstract readonly permission: string;
  abstract readonly secretName: string;
  /** Route prefix such as `/repos/{owner}/{repo}/{app}`. */
  protected abstract readonly base: string;
  /** "the Actions public key of acme/web", for errors. */
  protected abstract readonly keyName: string;
  protected abstract params(): Params;

  check?(gh: GitHub): Promise<void>;

  async publicKey(gh: GitHub): Promise<PublicKey> {
    await this.check?.(gh);
    try {
      return (await gh.request(`GET ${this.base}/secrets/public-key`, this.params())).data as PublicKey;
    } catch (err) {
      throw githubError(err, `read ${this.keyName}`, this.permission);
    }
  }

  async lastWritten(gh: GitHub): Promise<string | undefined> {
    try {
      const res = await gh.request(`GET ${this.base}/secrets/{secret_name}`, this.secretParams());
      return (res.data as { updated_at?: string }).updated_at;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw githubError(err, `read when ${this.label} was last written`, this.permission);
    }
  }

  async write(
    gh: GitHub,
    encryptedValue: string,
    keyId: string,
    signal?: AbortSignal,
    answers?: WriteAnswer[],
  ): Promise<'created' | 'updated'> {
    const extra = await this.writeFields(gh);
    try {
      const res = await gh.request(`PUT ${this.base}/secrets/{secret_name}`, {
        ...this.secretParams(),
        encrypted_value: encryptedValue,
        key_id: keyId,
        ...extra,
        // octokit.ts records each attempt's answer in request.answers.
        request: { ...(signal ? { signal } : {}), ...(answers ? { answers } : {}) },
      });
      try {
        return written(res.status);
      } catch (odd) {
        answers?.splice(-1, 1, { lost: 'bad-reply' });
        throw odd;
      }
    } catch (err) {
      throw githubError(err, `write ${this.label}`, this.permission);
    }
  }

  /** Fields a store's write needs besides the sealed value. */
  protected async writeFields(_gh: GitHub): Promise<Record<string, unknown>> {
    return {};
  }

  private secretParams(): Params {
    return { ...this.params(), secret_name: this.secretName };
  }
}

export class RepositorySecret extends SecretStore {
  readonly label: string;
  readonly keyScope: string;
  readonly permission: string;
  protected readonly base: string = '/repos/{owner}/{repo}/{app}';
  protected readonly keyName: string;

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly secretName: string,
    readonly app: SecretApp = 'actions',
  ) {
    super();
    const kind = app === 'actions' ? 'repository' : `${APP_NAMES[app]} repository`;
    this.label = `${kind} secret ${secretName} in ${owner}/${repo}`;
    this.keyScope = `${app}:repo:${owner}/${repo}`.toLowerCase();
    this.permission = `${REPO_PERMISSION[app]}: read and write on ${owner}/${repo}`;
    this.keyName = `the ${APP_NAMES[app]} public key of ${owner}/${repo}`;
  }

  protected params(): Params {
    return { owner: this.owner, repo: this.repo, app: this.app };
  }
}

export class EnvironmentSecret extends SecretStore {
  readonly label: string;
  readonly keyScope: string;
  readonly permission: string;
  protected readonly base: string = '/repos/{owner}/{repo}/environments/{environment_name}';
  protected readonly keyName: string;
  private readonly exists = new SharedCalls<void>();

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly environment: string,
    readonly secretName: string,
  ) {
    super();
    this.label = `environment secret ${secretName} in ${owner}/${repo} environment ${environment}`;
    this.keyScope = `actions:env:${owner}/${repo}:${environment}`.toLowerCase();
    this.permission = `Environments: read and write on ${owner}/${repo}`;
    this.keyName = `the public key of environment "${environment}" in ${owner}/${repo}`;
  }

  protected params(): Params {
    return { owner: this.owner, repo: this.repo, environment_name: this.environment };
  }

  /**
   * GitHub would create a missing environment on write; a typo must not become a new, empty environment.
   * The key of a missing environment answers 404 too, so publicKey() runs this first to say why.
   */
  check(gh: GitHub): Promise<void> {
    return this.exists.get('', () => this.find(gh));
  }

  private async find(gh: GitHub): Promise<void> {
    try {
      await gh.request(`GET ${this.base}`, this.params());
    } catch (err) {
      const missing = statusOf(err) === 404;
      throw githubError(
        err,
        missing
          ? `find environment "${this.environment}" in ${this.owner}/${this.repo} (it must already exist: this action never creates environments)`
          : `read environment "${this.environment}" of ${this.owner}/${this.repo}`,
        // "Get an environment" needs Actions: read, not the Environments permission the secret needs.
        `Actions: read and ${this.permission}`,
      );
    }
  }
}

export class OrganizationSecret extends SecretStore {
  readonly label: string;
  readonly keyScope: string;
  readonly permission: string;
  protected readonly base: string = '/orgs/{org}/{app}';
  protected readonly keyName: string;
  /** Resolved once; a failed lookup may be retried by a later call. */
  private readonly repositoryIds = new SharedCalls<number[]>();

  constructor(
    readonly org: string,
    readonly visibility: OrgVisibility,
    readonly repositories: string[],
    readonly secretName: string,
    readonly app: SecretApp = 'actions',
  ) {
    super();
    const kind = app === 'actions' ? 'organization' : `${APP_NAMES[app]} organization`;
    const who =
      visibility === 'selected' ? `repositories ${repositories.join(', ')}` : `${visibility} repositories`;
    this.label = `${kind} secret ${secretName} in ${org} (${who})`;
    this.keyScope = `${app}:org:${org}`.toLowerCase();
    this.permission = `${ORG_PERMISSION[app]}: read and write on organization ${org}`;
    this.keyName = `the ${APP_NAMES[app]} public key of organization ${org}`;
  }

  protected params(): Params {
    return { org: this.org, app: this.app };
  }

  /** Resolves the selected repositories to ids once; a name that does not resolve fails before minting. */
  check(gh: GitHub): Promise<void> {
    return this.ids(gh).then(() => undefined);
  }

  /** Visibility and (for `selected`) the full repository selection, so the selection follows the input. */
  protected async writeFields(gh: GitHub): Promise<Record<string, unknown>> {
    const ids = await this.ids(gh);
    return {
      visibility: this.visibility,
      ...(this.visibility === 'selected' ? { selected_repository_ids: ids } : {}),
    };
  }

  private ids(gh: GitHub): Promise<number[]> {
    if (this.visibility !== 'selected') return Promise.resolve([]);
    return this.repositoryIds.get('', () =>
      Promise.all(this.repositories.map((repo) => this.repositoryId(gh, repo))),
    );
  }

  private async repositoryId(gh: GitHub, repo: string): Promise<number> {
    try {
      const res = await gh.request('GET /repos/{owner}/{repo}', { owner: this.org, repo });
      return Number(res.data.id);
    } catch (err) {
      throw githubError(
        err,
        `look up ${this.org}/${repo}, selected for ${this.label}`,
        `Metadata: read on ${this.org}/${repo}`,
      );
    }
  }
}

/** The writer for a validated target spec. */
export function secretTarget(spec: GitHubTargetSpec): SecretTarget {
  switch (spec.type) {
    case 'repository':
      return new RepositorySecret(spec.owner, spec.repo, spec.secret, spec.app);
    case 'environment':
      return new EnvironmentSecret(spec.owner, spec.repo, spec.environment, spec.secret);
    case 'organization':
      return new OrganizationSecret(spec.org, spec.visibility, spec.repositories, spec.secret, spec.app);
  }
}

/** The account that owns a target: whose GitHub App installation writes it. */
export function targetOwner(spec: GitHubTargetSpec): string {
  return spec.type === 'organization' ? spec.org : spec.owner;
}
