// Runs after ncc in `npm run build`: two rewrites of dist/*.js that keep every value and statement as it is
// and let Node 24 start the bundle with less work (docs/BENCHMARKS.md, section 2).
//
// 1. Module factories in parentheses. Webpack emits each module as `((module, exports, require) => {…})`;
//    V8 compiles a parenthesized function at once, and any other only pre-parses, then parses again in full
//    when it first runs. ncc's --minify (terser) drops those parentheses, so each module that runs at start,
//    nearly all of index.js, was parsed twice.
// 2. ASCII only. One character beyond Latin-1 (an ellipsis in a message) makes Node decode the file the slow
//    way and V8 keep the whole source at two bytes a character. Written as \uXXXX inside string, template and
//    regular-expression literals and comments, each means what it meant; terser prints them back as
//    characters, so this happens after it.
//
// Usage: npx tsx scripts/finish-bundle.ts [dir] (default dist). It refuses, naming the place, what it cannot
// rewrite safely: a non-ASCII character outside a literal or comment, or in a tagged template (the tag could
// read the raw text, where \uXXXX differs from the character).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const LITERALS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
]);
const NON_ASCII = /\P{ASCII}/u;

interface Edit {
  start: number;
  end: number;
  text: string;
}

const parse = (file: string, text: string) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);

/** Applies edits that do not overlap (an insertion has start = end). */
function apply(text: string, edits: Edit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Each UTF-16 unit beyond ASCII as \uXXXX: the same value in any literal (a surrogate pair stays one). */
const escapeNonAscii = (s: string) =>
  s.replace(/\P{ASCII}/gu, (c) =>
    [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );

function place(sf: ts.SourceFile, pos: number): string {
  const { line, character } = sf.getLineAndCharacterOfPosition(pos);
  return `${sf.fileName}:${line + 1}:${character + 1} (${JSON.stringify(sf.text.slice(pos - 20, pos + 20))})`;
}

/** A piece of a tagged template's text, which the tag may read raw. */
function inTaggedTemplate(node: ts.Node): boolean {
  const template = ts.isNoSubstitutionTemplateLiteral(node)
    ? node
    : ts.isTemplateHead(node)
      ? node.parent
      : ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
        ? node.parent.parent
        : undefined;
  return template !== undefined && ts.isTaggedTemplateExpression(template.parent);
}

/** The text with every non-ASCII character of its literals and comments escaped; throws on any other. */
export function toAscii(file: string, text: string): string {
  if (!NON_ASCII.test(text)) return text;
  const sf = parse(file, text);
  const edits: Edit[] = [];
  const comments = new Map<number, number>();
  // Every token, punctuation included, so that every comment is found in the trivia around one.
  const visit = (node: ts.Node) => {
    if (ts.isJSDoc(node)) return;
    const children = node.getChildren(sf);
    if (children.length > 0) {
      for (const child of children) visit(child);
      return;
    }
    // Comments on the line a token ends count as trailing it; the rest as leading the next.
    for (const r of [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ])
      comments.set(r.pos, r.end);
    const start = node.getStart(sf);
    const source = text.slice(start, node.end);
    if (!LITERALS.has(node.kind) || !NON_ASCII.test(source)) return;
    if (inTaggedTemplate(node)) throw new Error(`non-ASCII text in a tagged template at ${place(sf, start)}`);
    edits.push({ start, end: node.end, text: escapeNonAscii(source) });
  };
  visit(sf);
  for (const [start, end] of comments)
    edits.push({ start, end, text: escapeNonAscii(text.slice(start, end)) });
  const out = apply(text, edits);
  const left = out.search(NON_ASCII);
  if (left >= 0)
    throw new Error(`non-ASCII text outside literals and comments at ${place(parse(file, out), left)}`);
  return out;
}

/** Webpack's module maps: top-level `var t = { 770: (module, exports, require) => {…}, … }`. */
function moduleMaps(sf: ts.SourceFile): ts.ObjectLiteralExpression[] {
  const isFactory = (p: ts.ObjectLiteralElementLike) =>
    ts.isPropertyAssignment(p) &&
    ts.isNumericLiteral(p.name) &&
    (ts.isArrowFunction(p.initializer) ||
      ts.isFunctionExpression(p.initializer) ||
      ts.isParenthesizedExpression(p.initializer));
  return sf.statements
    .filter(ts.isVariableStatement)
    .flatMap((s) => s.declarationList.declarations.map((d) => d.initializer))
    .filter((init): init is ts.ObjectLiteralExpression => !!init && ts.isObjectLiteralExpression(init))
    .filter((map) => map.properties.length > 0 && map.properties.every(isFactory));
}

/** The text with each module factory in parentheses, and how many module maps it has. */
export function parenthesizeFactories(file: string, text: string): { text: string; maps: number } {
  const sf = parse(file, text);
  const maps = moduleMaps(sf);
  const edits: Edit[] = [];
  for (const map of maps)
    for (const p of map.properties as ts.NodeArray<ts.PropertyAssignment>) {
      if (ts.isParenthesizedExpression(p.initializer)) continue;
      const start = p.initializer.getStart(sf);
      const end = p.initializer.end;
      edits.push({ start, end: start, text: '(' }, { start: end, end, text: ')' });
    }
  return { text: apply(text, edits), maps: maps.length };
}

function main(dir: string) {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const file = join(dir, name);
    const { text, maps } = parenthesizeFactories(file, toAscii(file, readFileSync(file, 'utf8')));
    // The entry holds the runtime's module map: without one, ncc's output changed shape and this needs a look.
    if (name === 'index.js' && maps === 0) throw new Error(`${file}: no module map found`);
    writeFileSync(file, text);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv[2] ?? 'dist');
