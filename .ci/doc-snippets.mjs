// The YAML snippets of the documentation (README.md, docs/*.md), and how each becomes a workflow actionlint
// can check. Shared by .ci/lint-workflows.mjs (actionlint) and test/unit/readme.test.ts (everything else).
import { parse } from 'yaml';

/** Every ```yaml block of a Markdown text, with the line its first YAML line is on. */
export function yamlBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```ya?ml\s*$/.test(lines[i])) continue;
    const indent = lines[i].indexOf('`');
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    const text = lines
      .slice(start, end)
      .map((l) => l.slice(indent))
      .join('\n');
    blocks.push({ line: start + 1, text });
    i = end;
  }
  return blocks;
}

const TOP_LEVEL = new Set(['concurrency', 'permissions', 'env', 'defaults']);
const isStep = (s) => s !== null && typeof s === 'object' && ('uses' in s || 'run' in s);

/**
 * A snippet as a complete workflow: a workflow as is, a list of steps inside a job, top-level keys such as
 * `concurrency:` beside a trivial job. `header` is how many lines were added before the snippet. Undefined
 * for snippets that are not workflow YAML (action inputs, config files).
 */
export function asWorkflow(text) {
  const value = parse(text);
  if (value && typeof value === 'object' && !Array.isArray(value) && 'jobs' in value)
    return { text, header: 0 };
  const job = 'jobs:\n  snippet:\n    runs-on: ubuntu-latest\n    steps:\n';
  if (Array.isArray(value) && value.length > 0 && value.every(isStep)) {
    const head = `name: snippet\non: workflow_dispatch\n${job}`;
    const body = text
      .split('\n')
      .map((l) => (l ? `      ${l}` : l))
      .join('\n');
    return { text: head + body, header: head.split('\n').length - 1 };
  }
  if (value && typeof value === 'object' && Object.keys(value).every((k) => TOP_LEVEL.has(k))) {
    const head = 'name: snippet\non: workflow_dispatch\n';
    return { text: `${head}${text}\n${job}      - run: "true"\n`, header: 2 };
  }
  return undefined;
}
