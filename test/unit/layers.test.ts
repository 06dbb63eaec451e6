// The import graph of src/: no circle between files, and each room (a folder, or a top-level file) imports only
// rooms below it in LAYERS. A room in no layer fails the test: placing it is a decision to make on purpose.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@jest/globals';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
/** Bottom first: neutral helpers, the network, the remotes (Fly and each store), the registry, then the doors. */
const LAYERS = [
  ['core'],
  ['net'],
  ['fly', 'github', 'gitlab', 'forgejo', 'command'],
  ['stores'],
  ['config'],
  ['inputs'],
  ['run'],
  ['action', 'cli'],
  ['index'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sources(SRC);
const imports = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const specs = [
      ...text.matchAll(/(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g),
    ].map((m) => resolve(dirname(file), m[1] ?? m[2]).replace(/\.js$/, '.ts'));
    return [file, specs.filter((s) => files.includes(s))] as const;
  }),
);
const room = (file: string) => relative(SRC, file).split('/')[0].replace(/\.ts$/, '');
const layer = (r: string) => LAYERS.findIndex((l) => l.includes(r));

test('every room of src/ has a layer', () => {
  expect([...new Set(files.map(room))].filter((r) => layer(r) < 0)).toEqual([]);
});

test('no room imports a room above it or beside it', () => {
  const up: string[] = [];
  for (const [file, deps] of imports)
    for (const dep of deps) {
      const [a, b] = [room(file), room(dep)];
      if (a !== b && layer(b) >= layer(a)) up.push(`${relative(SRC, file)} → ${relative(SRC, dep)}`);
    }
  expect(up).toEqual([]);
});

test('no file imports itself through others', () => {
  const circles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      circles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const dep of imports.get(file) ?? []) visit(dep, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
  expect(circles).toEqual([]);
});
