// Small fetch helper for the GitLab emulator tests.
import type { GitLabEmulator } from '../../emulators/gitlab/index.js';

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON fields.
  body: any;
}

/** Calls `${apiUrl}${path}` with the token as PRIVATE-TOKEN (or as a Bearer token), the body as JSON or a form. */
export async function call(
  em: GitLabEmulator,
  method: string,
  path: string,
  opts: { token?: string; bearer?: boolean; body?: unknown; form?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token) {
    if (opts.bearer) headers.authorization = `Bearer ${opts.token}`;
    else headers['private-token'] = opts.token;
  }
  let payload: string | undefined;
  if (opts.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(opts.form).toString();
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(opts.body);
  }
  const res = await fetch(`${em.apiUrl}${path}`, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
