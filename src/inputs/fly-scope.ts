// The token kind (`token-type`) and its Fly scope (app, org, cluster, commands, …) from the action's inputs.
// Each kind names the scope inputs it needs; a missing or an extra one is an error before anything is minted.

import { parseDuration } from '../core/duration.js';
import { InputError, placed } from '../core/errors.js';
import { type GetInput, type GetList, nameOf, noLists } from '../core/input.js';
import { shellSplit } from '../core/shlex.js';
import type { FlyScope, NotBefore, TokenKind } from '../core/spec.js';
import { TOKEN_KINDS } from '../core/spec.js';

export interface KindAndScope {
  kind: TokenKind;
  scope: FlyScope;
  /** "deploy token for app my-app": for logs and summaries. */
  label: string;
}

type ScopeInput = 'app' | 'org' | 'cluster' | 'commands' | 'command-prefixes';
const SCOPE_INPUTS: ScopeInput[] = ['app', 'org', 'cluster', 'commands', 'command-prefixes'];

/** Which scope inputs each kind needs, and which it may have. Everything else is an error. */
const NEEDS: Record<TokenKind, { required: ScopeInput[]; optional: ScopeInput[] }> = {
  deploy: { required: ['app'], optional: [] },
  org: { required: ['org'], optional: [] },
  readonly: { required: ['org'], optional: [] },
  'machine-exec': { required: ['app'], optional: ['commands', 'command-prefixes'] },
  ssh: { required: ['app'], optional: [] },
  wireguard: { required: ['org'], optional: [] },
  'litefs-cloud': { required: ['org', 'cluster'], optional: [] },
};

const WHAT: Record<ScopeInput, string> = {
  app: 'the name of a Fly app, e.g. "my-app"',
  org: 'the slug of a Fly organization, e.g. "personal" (see `fly orgs list`)',
  cluster: 'the name of a LiteFS Cloud cluster in that organization',
  commands: "the commands the token may run, one per line (or '*' for every command)",
  'command-prefixes': 'command prefixes the token may run, one per line',
};

/** Where an error about the kind itself is (InputError.place). */
const KIND = { input: 'token-type' };

export function readKindAndScope(get: GetInput, getList: GetList = noLists): KindAndScope {
  const kind = (get('token-type').trim() || 'deploy').toLowerCase() as TokenKind;
  const n = (input: string) => nameOf(get, input);
  if (!TOKEN_KINDS.includes(kind))
    throw new InputError(
      `${n('token-type')} "${kind}" is not supported. Expected one of: ${TOKEN_KINDS.join(', ')}.`,
      KIND,
    );
  const need = NEEDS[kind];
  const given = new Map(
    SCOPE_INPUTS.map((input) => [input, get(input).trim()] as const).filter(([, v]) => v !== ''),
  );
  for (const name of need.required) {
    if (!given.has(name))
      throw new InputError(`${n('token-type')} ${kind} needs \`${n(name)}\`: ${WHAT[name]}.`, KIND);
  }
  for (const name of given.keys()) {
    if (!need.required.includes(name) && !need.optional.includes(name)) {
      const uses = [...need.required, ...need.optional].map((u) => `\`${n(u)}\``).join(', ');
      throw new InputError(
        `${n('token-type')} ${kind} does not use \`${n(name)}\` (it uses ${uses}). Remove \`${n(name)}\`.`,
        KIND,
      );
    }
  }
  const scope: FlyScope = {};
  const app = given.get('app');
  if (app !== undefined)
    scope.app = checkName(app, 'app', n('app'), /^[a-z0-9][a-z0-9-]*$/i, 'letters, digits and dashes');
  const org = given.get('org');
  if (org !== undefined)
    scope.org = checkName(org, 'org', n('org'), /^[a-z0-9][a-z0-9-]*$/i, 'letters, digits and dashes');
  const cluster = given.get('cluster');
  if (cluster !== undefined)
    scope.cluster = checkName(
      cluster,
      'cluster',
      n('cluster'),
      /^[a-z0-9][a-z0-9_.-]*$/i,
      'letters, digits, dots, dashes, underscores',
    );
  if (kind === 'machine-exec') {
    // A list (config file) gives one command per entry; text (an input) is split by parseCommandList.
    const list = (name: ScopeInput) => getList(name) ?? given.get(name) ?? '';
    Object.assign(scope, readCommands(list('commands'), list('command-prefixes'), n));
  }
  const notBefore = placed({ input: 'not-before' }, () => readNotBefore(get('not-before'), n('not-before')));
  if (notBefore) scope.notBefore = notBefore;
  return { kind, scope, label: kindLabel(kind, scope) };
}

function checkName(value: string, what: string, input: string, pattern: RegExp, expected: string): string {
  if (!pattern.test(value) || value.length > 100)
    throw new InputError(`${input} "${value}" is not a Fly ${what} name. Expected ${expected}.`, {
      input: what,
    });
  return value;
}

/**
 * Text (an action input, a CLI flag): one command per line; on a single line, commas separate commands (so a
 * command containing a comma must be given on its own line). A list (a config file): exactly one command per
 * entry, commas and all. Each command is split into words like a shell would: `echo "a b"` is two words.
 */
export function parseCommandList(value: string | readonly string[], name: string): string[][] {
  if (typeof value !== 'string') {
    const broken = value.find((item) => /[\r\n]/.test(item));
    if (broken !== undefined)
      throw new InputError(
        `${name} has an entry with a line break (${JSON.stringify(broken)}). Expected exactly one command per list entry.`,
      );
  }
  const items =
    typeof value !== 'string' ? value : value.includes('\n') ? value.split('\n') : value.split(',');
  const out: string[][] = [];
  for (const item of items.map((s) => s.trim()).filter(Boolean)) {
    let argv: string[];
    try {
      argv = shellSplit(item);
    } catch {
      throw new InputError(`${name} has \`${item}\`, which is not a complete command (check its quotes).`);
    }
    if (argv.length === 0 || argv[0] === '')
      throw new InputError(`${name} has an empty command \`${item}\`.`);
    out.push(argv);
  }
  return out;
}

function readCommands(
  commands: string | readonly string[],
  prefixes: string | readonly string[],
  n: (input: string) => string = (input) => input,
): Pick<FlyScope, 'commands' | 'commandPrefixes' | 'allCommands'> {
  if (
    commands === '*' ||
    (typeof commands !== 'string' && commands.length === 1 && commands[0].trim() === '*')
  ) {
    if (prefixes.length)
      throw new InputError(
        `${n('commands')} '*' already allows every command; remove \`${n('command-prefixes')}\` or list commands.`,
        { input: 'commands' },
      );
    return { allCommands: true };
  }
  const exact = placed({ input: 'commands' }, () => parseCommandList(commands, n('commands')));
  const prefix = placed({ input: 'command-prefixes' }, () =>
    parseCommandList(prefixes, n('command-prefixes')),
  );
  for (const argv of [...exact, ...prefix]) {
    if (argv.length === 1 && argv[0] === '*')
      throw new InputError(`'*' (every command) must be the only value of \`${n('commands')}\`.`);
  }
  // Written as YAML where inputs are YAML keys (workflow, config file); as the flag on the command line.
  if (exact.length === 0 && prefix.length === 0)
    throw new InputError(
      `${n('token-type')} machine-exec needs \`${n('commands')}\` (exact commands, one per line) or \`${n('command-prefixes')}\`. A token without a command list may run every command: to ask for that, set ${n('commands') === 'commands' ? 'commands:' : n('commands')} '*'.`,
      KIND,
    );
  return {
    ...(exact.length ? { commands: exact } : {}),
    ...(prefix.length ? { commandPrefixes: prefix } : {}),
  };
}

/** `not-before`: an ISO 8601 time with a zone (2030-01-31T12:00:00Z) or a delay after minting (30m, 1h). */
export function readNotBefore(value: string, what = 'not-before'): NotBefore | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    const at = Date.parse(v);
    if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(v) || Number.isNaN(at))
      throw new InputError(
        `${what} "${v}" is not a valid time. Expected ISO 8601 with a zone, e.g. 2030-01-31T12:00:00Z.`,
      );
    return { atMs: at };
  }
  return { delayMs: parseDuration(v, what, { orTime: true }) };
}

/** The new token must become valid before it expires; checked here so that no token is minted in vain. */
export function checkNotBefore(
  notBefore: NotBefore | undefined,
  expiryMs: number,
  now = Date.now(),
  n: (input: string) => string = (input) => input,
): void {
  if (!notBefore) return;
  const startsIn = 'atMs' in notBefore ? notBefore.atMs - now : notBefore.delayMs;
  if (startsIn >= expiryMs)
    throw new InputError(
      `${n('not-before')} is at or after the new token would expire. Expected a time within \`${n('expiry')}\`.`,
      { input: 'not-before' },
    );
}

const quoteArgv = (argv: string[]) =>
  `\`${argv.map((a) => (/[\s'"]/.test(a) ? JSON.stringify(a) : a)).join(' ')}\``;

export function kindLabel(kind: TokenKind, scope: FlyScope): string {
  switch (kind) {
    case 'deploy':
    case 'ssh':
      return `${kind} token for app ${scope.app}`;
    case 'machine-exec': {
      if (scope.allCommands) return `machine-exec token for app ${scope.app} (every command allowed)`;
      const list = [
        ...(scope.commands ?? []).map(quoteArgv),
        ...(scope.commandPrefixes ?? []).map((a) => `${quoteArgv(a)}…`),
      ];
      return `machine-exec token for app ${scope.app} (commands: ${list.join(', ')})`;
    }
    case 'litefs-cloud':
      return `litefs-cloud token for cluster ${scope.cluster} in organization ${scope.org}`;
    default:
      return `${kind} token for organization ${scope.org}`;
  }
}
