// The config file as YAML with positions: the parsed value plus a way to find the line of any path in it,
// so that every problem can be reported where the user has to fix it.
import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';

export interface ConfigProblem {
  line: number;
  message: string;
  /** Where in the document, when known (schema problems). */
  path?: (string | number)[];
}

export interface ConfigSource {
  value: unknown;
  /** 1-based line of the node at `path`, or of its nearest ancestor that exists. */
  lineOf(path: (string | number)[]): number;
  /** Line of a key inside the mapping at `path` (for "unknown key" problems). */
  lineOfKey(path: (string | number)[], key: string): number;
}

export function parseConfigSource(text: string): { source?: ConfigSource; problems: ConfigProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const problems = doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: e.message.split('\n')[0] }));
  if (problems.length) return { problems };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // yaml refuses aliases that expand past the count (a "billion laughs" file) with a ReferenceError: a
    // problem of the file, not of this program.
    if (!(err instanceof ReferenceError) || !/alias/i.test(err.message)) throw err;
    const alias = /^[^#\n]*\*[\w-]/m.exec(text);
    return {
      problems: [
        {
          line: alias ? lineAt(alias.index) : 1,
          message:
            'its YAML aliases (*name) expand to too many values, as a "billion laughs" file does. Expected each anchor (&name) used a few times at most, or the values written out.',
        },
      ],
    };
  }
  const source: ConfigSource = {
    value,
    lineOf: (path) => lineAt(nodeOffset(doc, path)),
    lineOfKey: (path, key) => {
      const map = path.length ? doc.getIn(path, true) : doc.contents;
      if (isMap(map)) {
        const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return lineAt(range[0]);
      }
      return lineAt(nodeOffset(doc, path));
    },
  };
  return { source, problems: [] };
}

function nodeOffset(doc: Document, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return range[0];
  }
  return 0;
}
