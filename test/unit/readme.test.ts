// The README and docs/ say what the code does: every input and output has a README row, the permission table
// is the one the App token is narrowed to, no snippet names a secret GitHub would refuse, and links resolve.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import {
  APP_CANNOT_WRITE,
  PERMISSION_TITLES,
  permissionsFor,
  REQUESTABLE,
  TARGET_KINDS,
  type TargetKind,
} from '../../src/github/permissions.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const action = parse(read('action.yml')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const readme = read('README.md');
const documented = (name: string) => new RegExp(`^\\|\\s*\`${name}\``, 'm').test(readme);
const docs = readdirSync(new URL('docs/', root))
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);
const dir = (path: string) =>
  existsSync(new URL(path, root))
    ? readdirSync(new URL(path, root))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${path}${f}`)
    : [];

test.each(Object.keys(action.inputs))('input %s has a README table row', (name) => {
  expect(documented(name)).toBe(true);
});

test.each(Object.keys(action.outputs))('output %s has a README table row', (name) => {
  expect(documented(name)).toBe(true);
});

describe('docs/targets.md permission table', () => {
  const table = read('docs/targets.md');
  const level = (l: string) => (l === 'write' ? 'read and write' : 'read');
  const row = (kind: TargetKind) => {
    const perms = Object.entries(permissionsFor(kind));
    const human = perms.map(([p, l]) => `${PERMISSION_TITLES[p]}: ${level(l)}`).join('; ');
    const token = APP_CANNOT_WRITE.has(kind)
      ? 'not possible: GitHub Apps cannot read Codespaces public keys; use a token'
      : perms.every(([p]) => REQUESTABLE.has(p))
        ? perms.map(([p, l]) => `\`${p}: ${l}\``).join(', ')
        : "the installation's permissions";
    return `| \`${kind}:\` | ${human} | ${token} |`;
  };

  test.each([...TARGET_KINDS])('%s: the row is what src/github/permissions.ts narrows tokens to', (kind) => {
    expect(table.split('\n')).toContain(row(kind));
  });

  test('has one row per target kind and no other', () => {
    const rows = table.split('\n').filter((l) => /^\| `[a-z-]+:` \|/.test(l));
    expect(rows).toEqual(TARGET_KINDS.map(row));
  });
});

/** Secret names GitHub refuses (GITHUB_ prefix) used as secrets; the runner's own GITHUB_TOKEN is fine. */
function refusedSecretNames(text: string): string[] {
  const found = [
    ...text.matchAll(/secrets\.(GITHUB_\w+)/g), // ${{ secrets.GITHUB_X }}
    ...text.matchAll(/^\s*#?\s*(GITHUB_\w+):/gm), // a secrets: mapping key (workflow_call or caller)
    ...text.matchAll(/secret(?:-name)?[=:]\s*['"]?(GITHUB_\w+)/g), // targets lines, secret-name input
    ...text.matchAll(/secret `(GITHUB_\w+)`/g), // prose: "as secret `NAME`"
  ].map((m) => m[1]);
  return found.filter((name) => name !== 'GITHUB_TOKEN');
}

test('the check finds a secret named GITHUB_…', () => {
  const old = 'secrets:\n  GITHUB_APP_PRIVATE_KEY: secrets.GITHUB_APP_PRIVATE_KEY\ngh: secrets.GITHUB_TOKEN';
  expect(refusedSecretNames(old)).toEqual(['GITHUB_APP_PRIVATE_KEY', 'GITHUB_APP_PRIVATE_KEY']);
  expect(refusedSecretNames('its private key as secret `GITHUB_APP_KEY`')).toEqual(['GITHUB_APP_KEY']);
  expect(refusedSecretNames('targets: repo:a/b secret=GITHUB_X')).toEqual(['GITHUB_X']);
});

test.each(['README.md', ...docs, ...dir('examples/'), ...dir('.github/workflows/')])(
  '%s names no secret starting with GITHUB_',
  (file) => {
    expect(refusedSecretNames(read(file))).toEqual([]);
  },
);

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
const anchors = (markdown: string) =>
  new Set(
    markdown
      .replace(/^```[\s\S]*?^```/gm, '')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => anchor(l.replace(/^#+ /, ''))),
  );

test.each(['README.md', ...docs])('%s: every relative link and anchor resolves', (file) => {
  const text = read(file);
  const broken: string[] = [];
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/.test(target)) continue;
    const [path, hash] = target.split('#');
    const url = path ? new URL(path, new URL(file, root)) : new URL(file, root);
    if (!existsSync(url)) broken.push(target);
    else if (hash && (!path || path.endsWith('.md')) && !anchors(readFileSync(url, 'utf8')).has(hash))
      broken.push(target);
  }
  expect(broken).toEqual([]);
});
