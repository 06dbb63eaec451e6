// This repository's workflows and the examples do what README and docs/development.md promise: every action
// pinned by a full commit SHA with its version beside it, dist/ checked on every push, and a release that
// checks, tests, publishes with provenance, then releases and moves the major tag.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const files = ['.github/workflows/', 'examples/'].flatMap((dir) =>
  readdirSync(new URL(dir, root))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => `${dir}${f}`),
);

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps?: Step[];
}
const workflow = (path: string) =>
  parse(read(path)) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const runs = (job: Job) => (job.steps ?? []).map((s) => s.run ?? '').join('\n');

test.each(files)('%s: every uses: is pinned by a full commit SHA with the version as a comment', (file) => {
  const lines = read(file)
    .split('\n')
    .filter((l) => /^\s*(-\s+)?uses:/.test(l));
  const unpinned = lines.filter((line) => {
    if (/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/.test(line)) return false;
    // This action in the examples: the SHA of the release the reader picks.
    if (/uses: fly-token-rotator\/fly-token-rotator@<commit-sha> # v\d+\.\d+\.\d+$/.test(line)) return false;
    // The reusable workflow calls this action at the major tag: a commit cannot name its own SHA, and the
    // caller pins the workflow file itself (docs/bot.md).
    return !(
      file.endsWith('rotate-fly-tokens.yml') && /uses: fly-token-rotator\/fly-token-rotator@v0$/.test(line)
    );
  });
  expect(unpinned).toEqual([]);
});

describe('ci.yml', () => {
  const ci = workflow('.github/workflows/ci.yml');

  test('runs on every push and pull request', () => {
    expect(ci.on.push).toEqual({ branches: ['**'] });
    expect(ci.on).toHaveProperty('pull_request');
  });

  test('check-dist rebuilds and fails when dist/ differs', () => {
    const steps = runs(ci.jobs['check-dist']);
    expect(steps).toContain('npm run build');
    expect(steps).toMatch(/git status --porcelain -- dist[\s\S]*exit 1/);
  });

  test('the package job packs and dry-runs the publish', () => {
    const steps = runs(ci.jobs.package);
    expect(steps).toContain('npm pack --json --dry-run');
    expect(steps).toContain('npm publish --dry-run');
  });
});

describe('release.yml', () => {
  const release = workflow('.github/workflows/release.yml');

  test('on a version tag: check-dist and tests, then publish with provenance, then the release', () => {
    expect(release.on.push).toEqual({ tags: ['v*.*.*'] });
    expect(runs(release.jobs['check-dist'])).toContain('npm run build');
    expect(runs(release.jobs.test)).toContain('npm test');
    const publish = release.jobs.publish;
    expect(publish.needs).toEqual(['check-dist', 'test']);
    expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(runs(publish)).toContain('npm publish --provenance');
    expect(release.jobs.release.needs).toBe('publish');
    expect(runs(release.jobs.release)).toContain('gh release create');
    expect(runs(release.jobs.release)).toMatch(/major="\$\{TAG%%\.\*\}"/);
  });
});
