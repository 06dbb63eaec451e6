// Faults at every call of the stores beyond GitHub: one rotation writes a GitHub secret, a GitLab variable, a
// Forgejo secret and a command target; a fault is injected into one GitLab or Forgejo call (or the command
// hangs), and afterwards every target must hold a valid token, every valid token must be held by some target,
// nothing may leak, and a clean follow-up run must leave exactly one valid token, held by all four.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { CLOCK_SKEW_MS } from '../../src/core/holdings.js';
import type { ForgejoEmulator } from '../emulators/forgejo/index.js';
import type { GitLabEmulator } from '../emulators/gitlab/index.js';
import type { Fault } from '../emulators/http.js';
import { leaks, REPO, type Scenario, startScenario, storedValue } from '../harness/scenario.js';
import {
  FORGEJO_TOKEN,
  GITLAB_TOKEN,
  type Stores,
  startStores,
  writeStoreProgram,
} from '../harness/stores.js';
import { FAST_ENV } from './world.js';

const NAME = 'fault-suite stores';
const dir = mkdtempSync(join(tmpdir(), 'fly-rotator-store-faults-'));
const STORE = writeStoreProgram(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface World {
  s: Scenario;
  gl: GitLabEmulator;
  fj: ForgejoEmulator;
  stores: Stores;
  file: string;
  close(): Promise<void>;
}

let worlds = 0;
async function world(): Promise<World> {
  const [s, stores] = await Promise.all([startScenario(), startStores('alice/web')]);
  const file = join(dir, `store-${++worlds}`);
  const close = async () => void (await Promise.all([s.close(), stores.close()]));
  return { s, gl: stores.gl, fj: stores.fj, stores, file, close };
}

/** One run of the action's own code in this process, as the bundle runs it. */
async function rotate(w: World, opts: { hang?: boolean } = {}) {
  // One-second clocks on both sides: step past the clock allowance so "newest" means what it does in production.
  w.s.fly.advance(CLOCK_SKEW_MS + 5000);
  const r = await w.s.runInProcess(
    {
      'token-name': NAME,
      targets: [
        `repo:${REPO}`,
        'gitlab:alice/web',
        'forgejo:alice/web',
        `command:${process.execPath} ${STORE} ${w.file}${opts.hang ? ' hang' : ''}`,
      ].join('\n'),
      ...w.stores.inputs,
      'request-timeout': '1',
      // Long enough for a node start on a busy machine; only the hanging program meets it.
      'command-timeout': opts.hang ? '2s' : '20s',
    },
    { env: FAST_ENV },
  );
  return {
    ok: r.code === 0,
    errors: r.errors,
    text: [r.stdout, r.summary, JSON.stringify(r.outputs)],
  };
}

/** What each target holds now, as Fly token records (undefined: nothing Fly minted). */
function holdings(w: World) {
  const bare = (h: string) => h.replace(/^FlyV1\s+/, '');
  const find = (v: string | undefined) =>
    v === undefined ? undefined : w.s.fly.tokens.find((t) => bare(storedValue(t)) === bare(v));
  let file: string | undefined;
  try {
    file = readFileSync(w.file, 'utf8');
  } catch {}
  return {
    github: find(w.s.gh.secret(REPO, 'FLY_API_TOKEN')?.value),
    gitlab: find(w.gl.variable('alice/web', 'FLY_API_TOKEN')?.value),
    forgejo: find(w.fj.secret({ repo: 'alice/web' }, 'FLY_API_TOKEN')?.value),
    command: find(file),
  };
}

/**
 * (a) every target holds a valid token, (b) every valid managed token minted after `since` (ids not in it) is
 * held by some target, (c) nothing printed a secret. A failed run may keep the previous tokens valid (it says
 * so); the follow-up is checked with `since` empty, so by then nothing at all may be left over.
 */
function violations(w: World, text: string[], since = new Set<string>()): string[] {
  const v: string[] = [];
  const held = holdings(w);
  for (const [target, t] of Object.entries(held)) {
    if (!t) v.push(`(a) ${target} holds no token Fly minted`);
    else if (t.revokedAt) v.push(`(a) ${target} holds ${t.id}, which is revoked`);
  }
  const heldIds = new Set(Object.values(held).map((t) => t?.id));
  const stray = w.s.fly.tokens.filter(
    (t) => t.name.startsWith(NAME) && !t.revokedAt && !heldIds.has(t.id) && !since.has(t.id),
  );
  if (stray.length) v.push(`(b) valid tokens no target holds: ${stray.map((t) => t.id).join(', ')}`);
  const leaked = leaks(w.s, ...text).concat(
    [GITLAB_TOKEN, FORGEJO_TOKEN].filter((c) =>
      text.some((t) => t.replace(/^::add-mask::.*$/gm, '').includes(c)),
    ),
  );
  if (leaked.length) v.push(`(c) printed: ${leaked.map((l) => `${l.slice(0, 6)}…`).join(', ')}`);
  return v;
}

type Case = {
  id: string;
  side: 'gitlab' | 'forgejo' | 'command';
  operation?: string;
  fault?: Fault;
  after?: boolean;
};
const faults: [string, Fault][] = [
  ['500', { kind: 'status', status: 500, body: '{"message":"500 Internal Server Error"}' }],
  ['reset', { kind: 'reset' }],
  ['hang', { kind: 'hang' }],
  ['malformed', { kind: 'malformed' }],
];
const ops: { side: 'gitlab' | 'forgejo'; operation: string; mutates: boolean }[] = [
  { side: 'gitlab', operation: 'personal-access-tokens/self', mutates: false },
  { side: 'gitlab', operation: 'version', mutates: false },
  { side: 'gitlab', operation: 'project-variables/list', mutates: false },
  { side: 'gitlab', operation: 'project-variables/update', mutates: true },
  { side: 'gitlab', operation: 'project-variables/get', mutates: false },
  { side: 'forgejo', operation: 'repoListActionsSecrets', mutates: false },
  { side: 'forgejo', operation: 'deleteRepoSecret', mutates: false },
  { side: 'forgejo', operation: 'updateRepoSecret', mutates: true },
];
// Every call gets a 500 and a reset; calls that write, and the plan's listing, also a hang, a reply that is not
// JSON and (writes) a 500 after the real handler ran. Reads share the writes' error paths beyond that.
const cases: Case[] = [
  ...ops.flatMap((o) => {
    const kinds = o.mutates || o.operation === 'project-variables/list' ? faults : faults.slice(0, 2);
    return [
      ...kinds.map(([name, fault]) => ({
        id: `${o.operation} ${name}`,
        side: o.side,
        operation: o.operation,
        fault,
      })),
      ...(o.mutates
        ? [
            {
              id: `${o.operation} 500 after the write`,
              side: o.side,
              operation: o.operation,
              fault: faults[0][1],
              after: true,
            },
          ]
        : []),
    ];
  }),
  { id: 'command hangs past command-timeout', side: 'command' },
];

async function runCase(c: Case): Promise<string[]> {
  const w = await world();
  try {
    const setup = await rotate(w);
    if (!setup.ok) return [`setup failed: ${setup.errors.join(' / ')}`];
    if (c.side !== 'command') {
      const server = c.side === 'gitlab' ? w.gl.server : w.fj.server;
      // Every call of the operation in the faulty run: retries meet the fault too.
      server.fault(c.operation!, c.fault!, { times: Number.POSITIVE_INFINITY, after: c.after ?? false });
    }
    const before = new Set(w.s.fly.tokens.map((t) => t.id));
    const faulty = await rotate(w, { hang: c.side === 'command' });
    for (const e of [w.gl, w.fj]) e.server.clearFaults();
    const v = violations(w, faulty.text, before).map((x) => `after the faulty run: ${x}`);
    const next = await rotate(w);
    if (!next.ok) v.push(`the follow-up run failed: ${next.errors.join(' / ')}`);
    v.push(...violations(w, next.text).map((x) => `after the follow-up: ${x}`));
    const valid = w.s.fly.tokens.filter((t) => t.name.startsWith(NAME) && !t.revokedAt);
    if (valid.length !== 1) v.push(`after the follow-up ${valid.length} tokens are valid instead of 1`);
    return v;
  } finally {
    await w.close();
  }
}

// Each case has its own emulators and runs in this process: run them side by side, four at a time, once, and
// report each as a test of its own.
const results = new Map<string, string[]>();
beforeAll(async () => {
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift())
      results.set(c.id, await runCase(c).catch((e) => [`crashed: ${e}`]));
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}, 240_000);

describe('faults at the calls of GitLab, Forgejo and command targets', () => {
  test.each(cases.map((c) => c.id))('%s: every target holds a valid token, none is unaccounted', (id) => {
    expect(results.get(id)).toEqual([]);
  });
});
