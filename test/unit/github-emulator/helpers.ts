// Small fetch helpers for the GitHub emulator tests.
import { sign } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import type { GitHubEmulator } from '../../emulators/github/index.js';

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON fields.
  body: any;
}

export async function call(
  em: GitHubEmulator,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string; base?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${opts.base ?? em.url}${path}`, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Fetches the public key at `keyPath` and seals `plaintext` to it, as a real client does. */
export async function sealed(em: GitHubEmulator, keyPath: string, token: string, plaintext: string) {
  await sodium.ready;
  const key = await call(em, 'GET', keyPath, { token });
  if (key.status !== 200) throw new Error(`public key: ${key.status} ${JSON.stringify(key.body)}`);
  const box = sodium.crypto_box_seal(
    plaintext,
    sodium.from_base64(key.body.key, sodium.base64_variants.ORIGINAL),
  );
  return {
    encrypted_value: sodium.to_base64(box, sodium.base64_variants.ORIGINAL),
    key_id: key.body.key_id as string,
  };
}

/** Signs a GitHub App JWT (RS256) the way app libraries do. */
export function appJwt(
  privateKeyPem: string,
  iss: number | string,
  opts: { iat?: number; exp?: number } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${enc({ alg: 'RS256', typ: 'JWT' })}.${enc({ iat: opts.iat ?? now - 30, exp: opts.exp ?? now + 540, iss })}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), privateKeyPem).toString('base64url')}`;
}
