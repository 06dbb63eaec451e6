// Where the minted token is written, from the action's inputs: either the simple form (`repository` +
// `secret-name`) or a `targets` input with one target per line, e.g.
//   repo:acme/web
//   env:acme/web/production secret=FLY_DEPLOY
//   org:acme visibility=selected repos=web,api
import { InputError, placed } from '../core/errors.js';
import { type GetInput, type GetList, nameOf, noLists, parseSecretName } from '../core/input.js';
import type { TargetSpec } from '../core/spec.js';
import { LINE_KINDS, SIMPLE_TARGET, storeOf, TARGET_FORMATS } from '../stores.js';

export { TARGET_FORMATS } from '../stores.js';
export const DEFAULT_SECRET_NAME = 'FLY_API_TOKEN';

export function readTargets(
  get: GetInput,
  env: Record<string, string | undefined>,
  getList: GetList = noLists,
): TargetSpec[] {
  const [targets, repository] = [nameOf(get, 'targets'), nameOf(get, 'repository')];
  const defaultSecret = parseSecretName(
    get('secret-name') || DEFAULT_SECRET_NAME,
    nameOf(get, 'secret-name'),
  );
  const lines = get('targets');
  if (lines.trim()) {
    if (get('repository').trim()) {
      throw new InputError(
        `Give either ${targets} or ${repository}, not both. Expected ${repository} for one repository secret, or ${targets} with one target per line (add the repository as a repo:OWNER/REPO line).`,
      );
    }
    return parseTargets(getList('targets') ?? lines, defaultSecret, targets);
  }
  const simple = get('repository').trim() || env.GITHUB_REPOSITORY?.trim();
  if (!simple)
    throw new InputError(
      `${targets} is missing: nowhere to write the token. Expected ${targets} (e.g. repo:OWNER/REPO) or ${repository} OWNER/REPO.`,
    );
  return [SIMPLE_TARGET.parse(simple, repository, defaultSecret)];
}

/**
 * Parses the `targets` input, one target per line of text or per entry of a list (a config file); blank lines
 * and `#` comments are skipped. Every line is checked.
 */
export function parseTargets(
  text: string | readonly string[],
  defaultSecret: string,
  what = 'targets',
): TargetSpec[] {
  const targets: TargetSpec[] = [];
  const seen = new Map<string, number>();
  const lines = typeof text === 'string' ? text.split(/\r?\n/) : text;
  lines.forEach((raw, i) => {
    // A raw kind's rest (a command's arguments) may hold `#`: only a whole-line comment is one there.
    const line = (
      LINE_KINDS.get(/^\s*([a-z-]+):/i.exec(raw)?.[1].toLowerCase() ?? '')?.kind.raw
        ? raw.replace(/^\s*#.*$/, '')
        : raw.replace(/(^|\s)#.*$/, '')
    ).trim();
    if (!line) return;
    const where = `${what} line ${i + 1} (${JSON.stringify(line)})`;
    // The entry as data (InputError.place): a config file reports the line of the entry from it.
    const place = { input: 'targets', entry: i };
    if (/[\r\n]/.test(line))
      throw new InputError(`${where} has a line break. Expected exactly one target per list entry.`, place);
    const target = placed(place, () => parseLine(line, where, defaultSecret));
    const key = targetKey(target);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new InputError(`${where} repeats line ${first}: the same secret would be written twice.`, place);
    }
    seen.set(key, i + 1);
    targets.push(target);
  });
  if (targets.length === 0) {
    throw new InputError(`${what} has no target. Expected one per line: ${TARGET_FORMATS.join(', ')}.`);
  }
  return targets;
}

function parseLine(line: string, where: string, defaultSecret: string): TargetSpec {
  const m = /^([a-z-]+):(.*)$/is.exec(line);
  const found = m ? LINE_KINDS.get(m[1].toLowerCase()) : undefined;
  if (found?.kind.raw) return found.kind.parse(m![2], where, defaultSecret);
  const [head, ...words] = line.split(/\s+/);
  // `repo: acme/web`, as YAML habits write it: the kind is right, the space after its colon is not.
  const spaced = /^([a-z-]+):$/i.exec(head);
  if (spaced && LINE_KINDS.has(spaced[1].toLowerCase()) && words.length)
    throw new InputError(
      `${where} has a space after "${head}". Expected no space between the kind and where it writes: ${head}${words[0]}.`,
    );
  if (!m || !found || !m[2]) {
    throw new InputError(
      `${where} is not a target. Expected KIND:WHERE with KIND one of ${[...LINE_KINDS.keys()].join(', ')}, e.g. ${TARGET_FORMATS.slice(0, 3).join(', ')} (every format is in docs/targets.md).`,
    );
  }
  return found.kind.parse(m[2], where, defaultSecret);
}

/** Where a target writes, case-folded like the stores: two lines with the same key would overwrite each other. */
export function targetKey(t: TargetSpec): string {
  return storeOf(t).key(t);
}

/** "acme/web", "acme/web/production", "dependabot acme/web", "org acme", "gitlab acme/web", "command vault". */
export function describeTarget(t: TargetSpec): string {
  return storeOf(t).describe(t);
}
