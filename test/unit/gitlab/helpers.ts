// Builds the GitLab writer the way the run does, against an in-process emulator.
import type { GitLabTargetSpec } from '../../../src/gitlab/spec.js';
import { GitLabWriter } from '../../../src/gitlab/writer.js';
import { RestClient } from '../../../src/net/rest.js';
import type { GitLabEmulator } from '../../emulators/gitlab/index.js';

/** A Fly token header: a space, commas, and a `$` that raw keeps from being expanded. */
export const FLY = 'FlyV1 fm2_lJPECAAAAAAAAB1g+xBB/Tdg1wNz3==,fm2_lJPEEG9$dG9rZW4gdmFsdWU';
export const FLY2 = 'FlyV1 fm2_c2Vjb25kIHRva2Vu,fm2_YW5vdGhlciBwYXJ0';

export function spec(path: string, opts: Partial<GitLabTargetSpec> = {}): GitLabTargetSpec {
  return {
    type: 'gitlab-project',
    path,
    secret: 'FLY_API_TOKEN',
    environmentScope: '*',
    protected: true,
    masked: false,
    ...opts,
  };
}

export function client(
  em: GitLabEmulator,
  token: string,
  opts: { timeoutMs?: number; retries?: number } = {},
) {
  return new RestClient({
    baseUrl: em.apiUrl,
    auth: ['PRIVATE-TOKEN', token],
    service: 'gitlab',
    serviceName: 'GitLab',
    retryBaseMs: 1,
    ...opts,
  });
}

export function writer(em: GitLabEmulator, token: string, specs: GitLabTargetSpec[], opts = {}) {
  return new GitLabWriter(specs, client(em, token, opts));
}

/** The operations the emulator saw since `from`, in order. */
export const operations = (em: GitLabEmulator, from = 0) =>
  em.server.requests.slice(from).map((r) => r.operation);
