// What every secrets API shares: public-key answers, secret metadata, and the sealed PUT that GitHub opens
// with the store's private key.
import type { Reply } from '../../http.js';
import { openSealed } from '../keys.js';
import { GitHubError, notFound } from '../responses.js';
import type { GitHubState, SecretTarget, StoredSecret } from '../state.js';

const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function publicKeyReply(state: GitHubState, target: SecretTarget): Reply {
  const key = state.key(target);
  return { status: 200, body: { key_id: key.keyId, key: key.publicKeyBase64 } };
}

export function secretMetaReply(state: GitHubState, target: SecretTarget, name: string): Reply {
  const s = state.secret(target, name);
  if (!s) throw notFound();
  return { status: 200, body: { name: s.name, created_at: s.createdAt, updated_at: s.updatedAt } };
}

export function existingSecret(state: GitHubState, target: SecretTarget, name: string): StoredSecret {
  const s = state.secret(target, name);
  if (!s) throw notFound();
  return s;
}

export function checkSecretName(name: string): void {
  if (!VALID_NAME.test(name) || name.toUpperCase().startsWith('GITHUB_')) {
    throw new GitHubError(
      422,
      'Invalid request.\n\nSecret names may contain only letters, digits and underscores, ' +
        'may not start with a digit, and may not start with GITHUB_.',
    );
  }
}

/** Opens `encrypted_value` with the store's current key; throws GitHub's 422 when it cannot. */
export function openBody(
  state: GitHubState,
  target: SecretTarget,
  body: { encrypted_value?: string; key_id?: string },
) {
  const key = state.key(target);
  if (body.key_id !== key.keyId) throw new GitHubError(422, 'Bad request - key_id is not valid');
  const value = openSealed(key, body.encrypted_value ?? '');
  if (value === undefined) throw new GitHubError(422, 'Bad request - encrypted_value could not be decrypted');
  return { value, keyId: key.keyId };
}

/** 201 with `{}` on create, 204 without a body on update, as GitHub answers. */
export function writtenReply(status: 201 | 204): Reply {
  return status === 201 ? { status, body: {} } : { status };
}

/** The PUT every repository-level secrets API shares (Actions, Dependabot, Codespaces, environments). */
export function putSealed(state: GitHubState, target: SecretTarget, name: string, body: unknown): Reply {
  checkSecretName(name);
  const sealed = openBody(state, target, body as { encrypted_value?: string; key_id?: string });
  return writtenReply(state.putSecret(target, { name, ...sealed }));
}
