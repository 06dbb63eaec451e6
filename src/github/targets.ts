import type { TargetSpec } from '../spec.js';
import { githubError } from './errors.js';
import type { GitHub } from './octokit.js';

export interface PublicKey {
  key_id: string;
  key: string;
}

/** One place a token is written to. Targets that share a public key share `keyScope`. */
export interface SecretTarget {
  /** "repository secret FLY_API_TOKEN in acme/web": used in logs, errors and the summary. */
  readonly label: string;
  readonly secretName: string;
  /** Identifies the public key this target encrypts with, so each key is fetched once per run. */
  readonly keyScope: string;
  /** The permission a fine-grained token needs for this target, for error messages. */
  readonly permission: string;
  publicKey(gh: GitHub): Promise<PublicKey>;
  /** Writes the sealed value; returns whether the secret was created or replaced. */
  write(gh: GitHub, encryptedValue: string, keyId: string): Promise<'created' | 'updated'>;
}

export class RepositorySecret implements SecretTarget {
  readonly label: string;
  readonly keyScope: string;
  readonly permission: string;

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly secretName: string,
  ) {
    this.label = `repository secret ${secretName} in ${owner}/${repo}`;
    this.keyScope = `actions:repo:${owner}/${repo}`;
    this.permission = `Secrets: read and write on ${owner}/${repo}`;
  }

  async publicKey(gh: GitHub): Promise<PublicKey> {
    try {
      const res = await gh.request('GET /repos/{owner}/{repo}/actions/secrets/public-key', {
        owner: this.owner,
        repo: this.repo,
      });
      return res.data;
    } catch (err) {
      throw githubError(err, `read the Actions public key of ${this.owner}/${this.repo}`, this.permission);
    }
  }

  async write(gh: GitHub, encryptedValue: string, keyId: string): Promise<'created' | 'updated'> {
    try {
      const res = await gh.request('PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}', {
        owner: this.owner,
        repo: this.repo,
        secret_name: this.secretName,
        encrypted_value: encryptedValue,
        key_id: keyId,
      });
      return res.status === 201 ? 'created' : 'updated';
    } catch (err) {
      throw githubError(err, `write ${this.label}`, this.permission);
    }
  }
}

/** The writer for a validated target spec. */
export function secretTarget(spec: TargetSpec): SecretTarget {
  switch (spec.type) {
    case 'repository':
      return new RepositorySecret(spec.owner, spec.repo, spec.secret);
  }
}
