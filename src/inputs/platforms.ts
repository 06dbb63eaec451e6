// Credentials and instances of the secret stores beyond GitHub, read only when a rotation has such a target:
// GitLab (gitlab-token, gitlab-url), Forgejo/Gitea (forgejo-token, forgejo-url), and how long a command target
// may run (command-timeout). Base URLs follow the same rule as the APIs': https, or http to loopback only.
import { parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import type { Mode, PlatformCredentials, TargetSpec } from '../core/spec.js';
import { apiBaseUrl } from '../net/url.js';
import { type GetInput, nameOf } from '../core/input.js';

export const DEFAULT_GITLAB_URL = 'https://gitlab.com';

const uses = (targets: TargetSpec[], prefix: string) => targets.some((t) => t.type.startsWith(prefix));

/**
 * Reads the credentials the targets need. Rotate needs each one (a write without it cannot happen); the other
 * modes read what they are given and report targets they cannot read, like GitHub's.
 */
export function readPlatformCredentials(
  get: GetInput,
  mode: Mode,
  targets: TargetSpec[],
): PlatformCredentials {
  const out: PlatformCredentials = {};
  if (uses(targets, 'gitlab-')) {
    const token = get('gitlab-token').trim();
    if (!token && mode === 'rotate')
      throw new InputError(
        `${nameOf(get, 'gitlab-token')} is required for GitLab targets. Expected a GitLab token with scope api and the Maintainer role on each project (Owner on each group).`,
      );
    const url = apiBaseUrl(get('gitlab-url').trim() || DEFAULT_GITLAB_URL, nameOf(get, 'gitlab-url'));
    if (token) out.gitlab = { url, token };
  }
  if (uses(targets, 'forgejo-')) {
    const token = get('forgejo-token').trim();
    const rawUrl = get('forgejo-url').trim();
    if (!rawUrl && (token || mode === 'rotate'))
      throw new InputError(
        `${nameOf(get, 'forgejo-url')} is required for Forgejo targets. Expected the instance's address, e.g. https://codeberg.org.`,
      );
    if (!token && mode === 'rotate')
      throw new InputError(
        `${nameOf(get, 'forgejo-token')} is required for Forgejo targets. Expected a Forgejo access token with write:repository (repository secrets), write:organization (organization secrets) or write:user (user secrets).`,
      );
    if (token) out.forgejo = { url: apiBaseUrl(rawUrl, nameOf(get, 'forgejo-url')), token };
  }
  // Unset: the command writer's own default (30 s).
  const timeout = get('command-timeout').trim();
  if (timeout && targets.some((t) => t.type === 'command')) {
    out.commandTimeoutMs = parseDuration(timeout, nameOf(get, 'command-timeout'), {
      minMs: 1_000,
      maxMs: 600_000,
    });
  }
  return out;
}
