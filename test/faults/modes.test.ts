// Every mode: dry-run changes nothing (asserted from the emulators' request logs and state; the action's entry
// in this process), and each mode for real through the built action, its job summary as the runner's file
// holds it matching its golden file in test/golden/ (ids and dates replaced). UPDATE_GOLDEN=1 rewrites them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { REPO, type Scenario, startScenario } from '../harness/scenario.js';
import { managed, noLeaks, SECRET, tokenState } from './invariants.js';
import { run, runInProcess, setupRotation, TOKEN_NAME } from './world.js';

const GOLDEN = new URL('../golden/', import.meta.url);

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
  expect(await setupRotation(s)).toEqual([]);
  expect(await setupRotation(s, { 'keep-previous': '1' })).toEqual([]);
});
afterAll(() => s.close());

/** Ids in minting order become <token1>, <token2>…; timestamps become <time>. */
function normalise(text: string): string {
  let out = text;
  s.fly.tokens.forEach((t, i) => {
    out = out.split(t.id).join(`<token${i + 1}>`);
  });
  return out
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/ · (run \d+\/\d+|cli) [0-9a-f]{6}( mark [0-9a-f]{7})?/g, ' · <run>');
}

function golden(name: string, summary: string): void {
  const file = new URL(`${name}.md`, GOLDEN);
  const text = normalise(summary);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

/** Requests that would change something: a create, a revoke, a secret write. */
function changes(): string[] {
  return [
    ...s.fly.server.requests.filter((r) =>
      /createLimitedAccessToken|deleteLimitedAccessToken/.test(r.operation),
    ),
    ...s.gh.server.requests.filter((r) => r.method !== 'GET'),
  ].map((r) => `${r.method} ${r.operation}`);
}

describe('dry-run changes nothing, in every mode', () => {
  test.each([
    ['rotate', {}],
    ['revoke', { 'token-ids': '<first>' }],
    ['revoke-all', {}],
    ['status', {}],
  ] as const)('%s', async (mode, extra) => {
    const inputs: Record<string, string> = { mode, 'dry-run': 'true', ...extra };
    if (inputs['token-ids'] === '<first>') inputs['token-ids'] = managed(s, TOKEN_NAME)[0].id;
    const before = { tokens: tokenState(s), secret: s.gh.secret(REPO, SECRET)?.value };
    s.fly.server.requests.splice(0);
    s.gh.server.requests.splice(0);
    const r = await runInProcess(s, inputs);
    // It did read what the plan needs: the token list at least.
    expect(s.fly.server.requests.length).toBeGreaterThan(0);
    expect(r.code).toBe(0);
    expect(r.outputs['dry-run']).toBe('true');
    expect(changes()).toEqual([]);
    expect(tokenState(s)).toBe(before.tokens);
    expect(s.gh.secret(REPO, SECRET)?.value).toBe(before.secret);
    expect(noLeaks(s, r)).toEqual([]);
    golden(`dry-run-${mode}`, r.summary);
  });
});

describe('each mode, for real: outputs and summary', () => {
  test('status lists the managed tokens and passes while the current one is fresh', async () => {
    const r = await run(s, { mode: 'status' });
    expect(r.code).toBe(0);
    const tokens = JSON.parse(r.outputs.tokens) as { id: string; current: boolean }[];
    expect(tokens.map((t) => t.id)).toEqual(managed(s, TOKEN_NAME).map((t) => t.id));
    expect(tokens.filter((t) => t.current)).toHaveLength(1);
    golden('status', r.summary);
  });

  test('status fails when the current token expires within warn-before', async () => {
    const r = await run(s, { mode: 'status', 'warn-before': '30d' });
    expect(r.code).toBe(1);
    expect(r.errors.join()).toMatch(/expires at .* within warn-before: run a rotation/);
    golden('status-warn', r.summary);
  });

  test('a mode that fails before it can report says so in its own summary', async () => {
    const r = await run(s, { mode: 'status', app: 'no-such-app' });
    expect(r.code).toBe(1);
    expect(r.errors.join()).toMatch(/no-such-app/);
    golden('status-failed', r.summary);
  });

  test('revoke refuses the held token without force, revokes the other', async () => {
    const [kept, current] = managed(s, TOKEN_NAME).filter((t) => !t.revokedAt);
    const r = await run(s, { mode: 'revoke', 'token-ids': `${kept.id},${current.id},unknownid123` });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.outputs['revoked-token-ids'])).toEqual([kept.id]);
    expect(current.revokedAt).toBeNull();
    expect(r.summary).toMatch(/refused/);
    golden('revoke', r.summary);
  });

  test('revoke-all revokes every managed token and says the targets hold revoked tokens', async () => {
    const r = await run(s, { mode: 'revoke-all' });
    expect(r.code).toBe(0);
    expect(managed(s, TOKEN_NAME).every((t) => t.revokedAt)).toBe(true);
    expect(r.summary).toMatch(
      /These targets now hold a revoked token.*repository secret FLY_API_TOKEN in acme\/web/,
    );
    golden('revoke-all', r.summary);
  });

  test('rotate after the kill switch: a valid token again', async () => {
    const r = await run(s);
    expect(r.code).toBe(0);
    expect(
      managed(s, TOKEN_NAME)
        .filter((t) => !t.revokedAt)
        .map((t) => t.id),
    ).toEqual([r.outputs['token-id']]);
    golden('rotate', r.summary);
  });
});
