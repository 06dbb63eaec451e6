import { ApiError, errorMessage } from '../core/errors.js';

interface OctokitError {
  status?: number;
  message?: string;
  response?: { data?: { message?: string } };
}

/**
 * Explains a failed GitHub call in terms of the credential: which permission on which target is missing.
 * `permission` reads like "Secrets: read and write on acme/web".
 */
export function githubError(err: unknown, action: string, permission: string): ApiError {
  const e = err as OctokitError;
  const status = e.status;
  const said = e.response?.data?.message ?? errorMessage(err);
  // Octokit reports a request that got no HTTP answer at all (refused, reset, no DNS) as status 500 without a
  // response: that is no server error, and no status is shown for it.
  if (status === 500 && !e.response) {
    return new ApiError(
      `Could not reach GitHub while trying to ${action}: ${deepestCause(err)}. No HTTP answer came; check the API URL (GITHUB_API_URL), the network and any proxy.`,
      'github',
    );
  }
  if (status === 401) {
    return new ApiError(
      `GitHub rejected github-token (401 ${said}) while trying to ${action}. Check that the token exists and has not expired.`,
      'github',
      401,
    );
  }
  if (status === 403 && /not accessible by integration/i.test(said)) {
    return new ApiError(
      `GitHub refused to ${action}: ${said}. If github-token is the workflow's own GITHUB_TOKEN, it can never read or write secrets; ` +
        `use a fine-grained PAT or a GitHub App (github-app-id + github-app-private-key) with ${permission} (docs/targets.md: "GitHub credentials").`,
      'github',
      403,
    );
  }
  if (status === 403 || status === 404) {
    return new ApiError(
      `GitHub answered ${status} (${said}) while trying to ${action}: github-token needs ${permission}` +
        (status === 404 ? ', and the target must exist and be visible to it.' : '.'),
      'github',
      status,
    );
  }
  if (status === 422) return new ApiError(`GitHub rejected the request to ${action}: ${said}`, 'github', 422);
  return new ApiError(
    `GitHub failed to ${action}${status ? ` (HTTP ${status})` : ''}: ${said}`,
    'github',
    status,
  );
}

/** The innermost cause's message ("connect ECONNREFUSED 127.0.0.1:1"): octokit's own may be "fetch failed". */
function deepestCause(err: unknown): string {
  let e = err as { cause?: unknown } | undefined;
  for (let depth = 0; depth < 5 && e?.cause; depth++) e = e.cause as { cause?: unknown };
  return errorMessage(e);
}
