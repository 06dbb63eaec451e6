// A ready world for end-to-end runs: both emulators on loopback, seeded with a Fly user, org and apps and a
// GitHub repository with a token that may write its secrets. Tests, the demo and the benchmarks share it.

import { fileURLToPath } from 'node:url';
import { nameMark } from '../../src/core/held.js';
import { withMark } from '../../src/fly/mark.js';
import { type FlyEmulator, startFlyEmulator } from '../emulators/fly/index.js';
import { type GitHubEmulator, startGitHubEmulator } from '../emulators/github/index.js';
import { type ActionRun, type RunOptions, runAction } from './run-action.js';
import { type MainOptions, runMain } from './run-main.js';

/**
 * Node's on-disk compile cache for the action processes `run` starts (Node 22+; older versions ignore it): the
 * suite starts the built action several hundred times, and compiling the bundle is much of each start's CPU.
 * Benchmarks start the action themselves, without it, as a runner would.
 */
export const COMPILE_CACHE = fileURLToPath(new URL('../../.cache/node-compile-cache', import.meta.url));

export const REPO = 'acme/web';
export const APP = 'acme-web';
export const GITHUB_TOKEN = 'github_pat_11EMULATOR0secretswriter';

export interface Scenario {
  fly: FlyEmulator;
  gh: GitHubEmulator;
  /** The Fly auth token that mints (a user's personal token). */
  authToken: string;
  /** Environment for the action: API base URLs and the workflow's repository. */
  env: Record<string, string>;
  /** The inputs of the simplest rotation: deploy token for APP into REPO's FLY_API_TOKEN. */
  inputs: Record<string, string>;
  /** The built action (dist/index.js) in a child process, as the runner starts it. */
  run(inputs?: Record<string, string>, opts?: Omit<RunOptions, 'inputs'>): Promise<ActionRun>;
  /** The action's entry (src/action/main.ts) in this process: same inputs and environment, no process start. */
  runInProcess(inputs?: Record<string, string>, opts?: Omit<MainOptions, 'inputs'>): Promise<ActionRun>;
  close(): Promise<void>;
}

/** `pageSize`: the Fly emulator's largest page (default 5, so that tests exercise pagination). */
export async function startScenario(opts: { latencyMs?: number; pageSize?: number } = {}): Promise<Scenario> {
  const [fly, gh] = await Promise.all([
    startFlyEmulator(opts),
    startGitHubEmulator({ latencyMs: opts.latencyMs }),
  ]);
  const authToken = fly.seedDemo();
  // Fly's and GitHub's clocks agree (as NTP makes them in production), also when a test moves Fly's forward.
  gh.state.clock = () => fly.now();
  gh.addRepo(REPO);
  gh.addToken(GITHUB_TOKEN, {
    kind: 'fine-grained',
    repos: [REPO],
    permissions: { secrets: 'write', metadata: 'read' },
  });
  // The default sweep grace applies: runs here follow each other within milliseconds, and a previous token
  // that young is still revoked once every target was written after it was minted.
  const env = { FLY_API_BASE_URL: fly.url, GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: REPO };
  const inputs = { 'fly-api-token': authToken, app: APP, 'github-token': GITHUB_TOKEN };
  return {
    fly,
    gh,
    authToken,
    env,
    inputs,
    run: (extra = {}, o = {}) =>
      runAction({
        ...o,
        inputs: { ...inputs, ...extra },
        env: { NODE_COMPILE_CACHE: COMPILE_CACHE, ...env, ...o.env },
      }),
    runInProcess: (extra = {}, o = {}) =>
      runMain({ inputs: { ...inputs, ...extra }, env: { ...env, ...o.env } }),
    close: async () => {
      await Promise.all([fly.close(), gh.close()]);
    },
  };
}

/**
 * The value the action stores for a token Fly minted: Fly's own value with the mark its name carries (see
 * src/core/held.ts) added as a caveat, or Fly's value as it is for a name without a mark.
 */
export function storedValue(t: { name: string; header: string; expiresAt: Date }): string {
  const mark = nameMark(t.name);
  return mark ? withMark(t.header, mark, t.expiresAt.toISOString()) : t.header;
}

/** Every string that must never be printed: the credentials and every token Fly minted, as minted and as stored. */
export function secretsOf(s: Scenario): string[] {
  const out = [s.authToken, s.authToken.replace(/^FlyV1 /, ''), GITHUB_TOKEN];
  for (const t of s.fly.tokens) {
    for (const header of new Set([t.header, storedValue(t)])) {
      out.push(header, header.replace(/^FlyV1 /, ''));
      for (const part of header.replace(/^FlyV1 /, '').split(',')) out.push(part);
    }
  }
  return out;
}

/** Asserts-friendly: which secret strings appear in any of the texts. */
export function leaks(s: Scenario, ...texts: string[]): string[] {
  // `::add-mask::` lines are commands to the runner, which swallows them; everything else is shown.
  const all = texts
    .join('\n')
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  return secretsOf(s).filter((secret) => secret.length > 8 && all.includes(secret));
}
