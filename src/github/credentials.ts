// The GitHub credential: a token that can write secrets, or a GitHub App (id + private key) that mints one.
import { createPrivateKey } from 'node:crypto';
import { InputError } from '../core/errors.js';
import { type GetInput, nameOf } from '../core/input.js';
import type { GitHubAppCredentials } from './spec.js';

export const GITHUB_TOKEN_REFUSED =
  "github-token is the workflow's own GITHUB_TOKEN, which can never read or write secrets (GitHub does not grant it " +
  'the Secrets permission, whatever `permissions:` says). Use a fine-grained personal access token with the permissions ' +
  'listed under "Permissions per target" in docs/targets.md, or github-app-id + github-app-private-key.';

export function readGitHubCredentials(
  get: GetInput,
  env: Record<string, string | undefined>,
  needed: boolean,
): { github: string; githubApp?: GitHubAppCredentials } {
  const token = get('github-token').trim();
  const appId = get('github-app-id').trim();
  const rawKey = get('github-app-private-key').trim();
  const [tokenName, idName, keyName] = ['github-token', 'github-app-id', 'github-app-private-key'].map(
    (input) => nameOf(get, input),
  );
  if (appId || rawKey) {
    if (token) throw new InputError(`Give either ${tokenName} or ${idName} + ${keyName}, not both.`);
    if (!appId)
      throw new InputError(
        `${idName} is required with ${keyName}. Expected the numeric app id or the client id (Iv…).`,
      );
    if (!/^(\d{1,12}|Iv[0-9A-Za-z.]{4,40})$/.test(appId)) {
      throw new InputError(
        `${idName} "${appId}" is not valid. Expected the numeric app id or the client id (Iv…).`,
      );
    }
    if (!rawKey)
      throw new InputError(`${keyName} is required with ${idName}. Expected the app's PEM private key.`);
    return { github: '', githubApp: { appId, privateKey: parsePrivateKey(rawKey, keyName) } };
  }
  if (needed && !token) {
    throw new InputError(
      `${tokenName} is required. Expected a token that can write secrets (fine-grained PAT or GitHub App installation token), or ${idName} + ${keyName}.`,
    );
  }
  if (token && env.GITHUB_TOKEN && token === env.GITHUB_TOKEN.trim())
    throw new InputError(GITHUB_TOKEN_REFUSED);
  return { github: token };
}

/** Accepts the PEM as GitHub gives it, also with its line breaks written as \n (as some secret stores keep it). */
function parsePrivateKey(value: string, what: string): string {
  const pem = value.replace(/\\n/g, '\n');
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
  } catch {
    throw new InputError(
      `${what} is not an RSA private key. Expected the PEM file generated in the GitHub App settings (-----BEGIN RSA PRIVATE KEY-----…).`,
    );
  }
  return pem;
}
