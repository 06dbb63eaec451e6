// Builds the Fly and GitHub clients a run needs from its credentials and the environment.
import { FlyClient } from './fly/client.js';
import { createGitHub, type GitHub } from './github/octokit.js';
import type { RunSpec, TargetSpec } from './spec.js';
import { apiBaseUrl } from './url.js';

export type Env = Record<string, string | undefined>;

export interface Services {
  fly: FlyClient;
  /** The GitHub client that writes a given target. */
  github(target: TargetSpec): Promise<GitHub>;
}

export function createServices(spec: RunSpec, env: Env, log: { warning(message: string): void }): Services {
  const flyBase = apiBaseUrl(env.FLY_API_BASE_URL || 'https://api.fly.io', 'FLY_API_BASE_URL');
  const githubBase = apiBaseUrl(env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL');
  const fly = new FlyClient({ baseUrl: flyBase, token: spec.credentials.fly });
  let gh: GitHub | undefined;
  return {
    fly,
    async github() {
      gh ??= createGitHub({
        token: spec.credentials.github,
        baseUrl: githubBase,
        pacing: env.FLY_TOKEN_ROTATOR_GITHUB_PACING !== 'off',
        log,
      });
      return gh;
    },
  };
}
