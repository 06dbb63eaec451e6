export const id = 957;
export const ids = [957];
export const modules = {

/***/ 2957:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6197);
// The fly-token-rotator command: the action's core for laptops and other CI systems (see --help). Loaded by
// src/index.ts when bin/fly-token-rotator.js starts the bundle, so the action never pays for it. It sets the
// exit code and lets the process end by itself once its output is written and its connections are closed.

process.exitCode = await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), process.env, {
    stdout: process.stdout,
    stderr: process.stderr,
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: VERSION, readCliSpec

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/printable.ts
var printable = __webpack_require__(8080);
// EXTERNAL MODULE: ./src/core/spec.ts
var spec = __webpack_require__(4400);
// EXTERNAL MODULE: ./src/inputs/read.ts + 6 modules
var read = __webpack_require__(1387);
// EXTERNAL MODULE: ./src/run/entry.ts + 1 modules
var entry = __webpack_require__(2223);
// EXTERNAL MODULE: ./src/run/scrub.ts
var scrub = __webpack_require__(2286);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/stores.ts + 7 modules
var stores = __webpack_require__(7247);
;// CONCATENATED MODULE: ./src/cli/args.ts
// Command-line flags \u2192 the same named inputs the action reads, so the CLI shares every check with it.




/** Flags that take a value; each is the action input of the same name. */
const VALUE_FLAGS = [
    'config',
    'only',
    'mode',
    'token-type',
    'app',
    'org',
    'cluster',
    'commands',
    'command-prefixes',
    'not-before',
    'expiry',
    'token-name',
    'keep-previous',
    'targets',
    'repository',
    'secret-name',
    'token-ids',
    'warn-before',
    'request-timeout',
    'timeout',
    'fly-api-token',
    'held',
    'revoke-previous',
    // Every store's inputs (gitlab-token\u2026), declared in its folder's store.ts.
    ...stores/* STORE_INPUTS */.G7.map((i) => i.name),
];
/**
 * Flags naming a file whose content is an input: a private key given as a flag's value would sit in the process
 * list (`ps`) for every user of the machine to read.
 */
const FILE_FLAGS = Object.fromEntries(stores/* STORE_INPUTS */.G7.flatMap((i) => (i.file ? [[`${i.name}-file`, i.name]] : [])));
/** Flags without a value: inputs set to "true", and the CLI's own switches. */
const SWITCHES = ['force', 'dry-run'];
const OWN = ['json', 'help', 'version'];
/** Flags that may repeat; their values become one input with one value per line. */
const REPEATABLE = new Set(['targets', 'target', 'commands', 'command-prefixes', 'token-ids', 'only']);
const ALIASES = { target: 'targets', kind: 'token-type', h: 'help', V: 'version' };
/** Env credentials stand in for flags that are not given. */
const FROM_ENV = {
    'fly-api-token': 'FLY_API_TOKEN',
    // A value on the command line shows in the process list: the environment is the better way in.
    held: 'FLY_TOKEN_ROTATOR_HELD',
    ...Object.fromEntries(stores/* STORE_INPUTS */.G7.flatMap((i) => (i.env ? [[i.name, i.env]] : []))),
};
/** How messages name an input on the command line: `--target`, `--fly-api-token (or FLY_API_TOKEN)`. */
function describeFlag(name) {
    const flag = `--${name === 'targets' ? 'target' : name}`;
    return FROM_ENV[name] ? `${flag} (or ${FROM_ENV[name]})` : flag;
}
/**
 * --help and --version answer whatever else the command line holds, even flags that would be refused, so
 * that they never run anything. Help wins when both are given.
 */
function infoRequest(argv) {
    // Nothing to run: no arguments at all is a request for help, not a rotation that lacks its Fly token.
    if (argv.length === 0)
        return 'help';
    const names = argv.map((arg) => /^--?([A-Za-z][a-z-]*)$/.exec(arg)?.[1]).map((n) => n && (ALIASES[n] ?? n));
    if (names.includes('help'))
        return 'help';
    if (names.includes('version'))
        return 'version';
    return undefined;
}
function parseArgs(argv, env) {
    const values = new Map();
    const own = new Set();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const m = /^--?([A-Za-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
        if (!m) {
            // `fly-token-rotator status`, as git-style commands are written: a mode is a flag's value here.
            if (spec/* MODES */.FN.includes(arg.toLowerCase()))
                throw new errors/* InputError */.dz(`unexpected argument "${arg}": a mode is chosen with --mode. Expected --mode ${arg.toLowerCase()} (see --help).`);
            throw new errors/* InputError */.dz(`unexpected argument "${arg}". Expected flags such as --config bot.yml (see --help).`);
        }
        const name = ALIASES[m[1]] ?? m[1];
        if (OWN.includes(name) || SWITCHES.includes(name)) {
            if (m[2] !== undefined && OWN.includes(name))
                throw new errors/* InputError */.dz(`--${name} takes no value.`);
            if (OWN.includes(name))
                own.add(name);
            else
                values.set(name, [m[2] ?? 'true']);
            continue;
        }
        if (!VALUE_FLAGS.includes(name) && !FILE_FLAGS[name])
            throw new errors/* InputError */.dz(`unknown flag --${m[1]}. Run fly-token-rotator --help for the flags it takes.`);
        const value = m[2] ?? argv[++i];
        if (value === undefined)
            throw new errors/* InputError */.dz(`--${m[1]} needs a value.`);
        const prior = values.get(name);
        if (prior && !REPEATABLE.has(name))
            throw new errors/* InputError */.dz(`--${name} is given twice. Expected it once.`);
        values.set(name, [...(prior ?? []), value]);
    }
    const onCommandLine = stores/* STORE_INPUTS */.G7.filter((i) => i.file && values.has(i.name));
    for (const [flag, input] of Object.entries(FILE_FLAGS)) {
        const [path] = values.get(flag) ?? [];
        if (path === undefined)
            continue;
        if (values.has(input))
            throw new errors/* InputError */.dz(`Give either --${flag} or --${input}, not both. Expected --${flag} PATH.`);
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch (err) {
            throw new errors/* InputError */.dz(`--${flag} "${path}" cannot be read (${(0,errors/* errorMessage */.gJ)(err)}). Expected the path of a file holding it, e.g. ${stores/* STORE_INPUTS */.G7.find((i) => i.name === input)?.file?.example ?? 'a key file'}.`);
        }
        values.delete(flag);
        values.set(input, [text]);
    }
    const get = (name) => values.get(name)?.join('\n') ?? (FROM_ENV[name] ? (env[FROM_ENV[name]] ?? '') : '');
    get.describe = describeFlag;
    return { get, given: new Set(values.keys()), json: own.has('json'), onCommandLine };
}

;// CONCATENATED MODULE: ./src/cli/effect.ts
// A flag that would change nothing is a mistake the user should hear about (`--only` without `--config`
// once rotated everything), so each flag names where it takes effect and anything else is refused.
// Only flags count: credentials from the environment are welcome in every mode.


/** Per-rotation settings that a config file sets itself (the rest are refused by readRunSpec). */
const IN_CONFIG = ['token-type', 'secret-name', 'expiry', 'not-before', 'keep-previous'];
/** The modes in which each flag does something; flags not listed work in every mode. */
const MODES_OF = {
    'token-ids': ['revoke'],
    force: ['revoke'],
    'warn-before': ['status'],
    'dry-run': ['rotate', 'revoke', 'revoke-all'],
    expiry: ['rotate'],
    'not-before': ['rotate'],
    'keep-previous': ['rotate'],
    // Store credentials write in rotate and read what each target holds in the other modes (each store says).
    ...Object.fromEntries(stores/* STORE_INPUTS */.G7.flatMap((i) => (i.modes ? [[i.name, [...i.modes]]] : []))),
    'fly-api-token': ['rotate', 'revoke', 'revoke-all', 'status'],
    // The plan matrix shows names, kinds and how many targets: not what the secrets or tokens are called.
    'token-name': ['rotate', 'revoke', 'revoke-all', 'status'],
    'secret-name': ['rotate', 'revoke', 'revoke-all', 'status'],
    'request-timeout': ['rotate', 'revoke', 'revoke-all', 'status'],
    timeout: ['rotate', 'revoke', 'revoke-all', 'status'],
};
/** Throws for the first flag in `given` that has no effect with this mode and config. */
function refuseIneffectiveFlags(given, mode, config) {
    if (given.has('only') && !config)
        throw new errors/* InputError */.dz('--only has no effect without --config: it picks rotations of a config file. Expected --config FILE --only NAME.');
    for (const name of IN_CONFIG) {
        if (config && given.has(name))
            throw new errors/* InputError */.dz(`--${name} has no effect with --config. Expected it in the config file (under defaults or a rotation).`);
    }
    for (const [name, modes] of Object.entries(MODES_OF)) {
        if (given.has(name) && !modes.includes(mode))
            throw new errors/* InputError */.dz(`--${name} has no effect in mode ${mode}. Expected it only with --mode ${modes.join(' or ')}.`);
    }
}

;// CONCATENATED MODULE: ./src/cli/help.ts
// `fly-token-rotator --help`: what the CLI does, its flags, examples and exit codes.

const EXIT = { ok: 0, failed: 1, usage: 2, unexpected: 3 };
/** Each store's inputs as flags, in a column as the lines around them: `  --gitlab-url URL          or env \u2026`. */
const STORE_FLAGS = stores/* STORE_INPUTS */.G7.flatMap((i) => {
    if (!i.help)
        return [];
    const flag = `  --${i.name}${i.file ? '-file' : ''} ${i.help.value}`;
    return [`${flag.length < 28 ? flag.padEnd(28) : `${flag}   `}${i.help.text}\n`];
}).join('');
const HELP = `fly-token-rotator: mint short-lived Fly.io tokens, store them in secrets, revoke the old ones.
Secrets of GitHub, GitLab and Forgejo/Gitea, and any store a command can write.

Usage:
  fly-token-rotator --config FILE [--mode MODE] [--only NAME] [--json]
  fly-token-rotator --app APP --repository OWNER/REPO [flags]

Credentials (flags win over the environment):
  --fly-api-token TOKEN     or env FLY_API_TOKEN: a Fly auth token that may mint (personal access token)
${STORE_FLAGS}
Run:
  --config FILE             YAML config with many rotations (JSON Schema: schema/config.schema.json in the package)
  --only NAME[,NAME]        rotate only these rotations of the config
  --mode MODE               rotate (default), revoke, revoke-all, status, plan
  --dry-run                 print what would happen; create, write and revoke nothing
  --token-ids ID[,ID]       mode revoke: the tokens to revoke
  --force                   mode revoke: also revoke the token a secret holds now
  --json                    print one JSON document on stdout (progress still goes to stderr)
  --timeout 55              bound the whole run (seconds, or 5m); it fails naming the step that waited
  --held VALUE              or env FLY_TOKEN_ROTATOR_HELD (better: not in the process list): the values the
                            targets hold, one value for one target or NAME=value lines; proof by use
  --revoke-previous after-use   rotate leaves the previous token valid; status revokes it once held shows
                            every target holds the newest
  --help, --version         print this text or the version, and run nothing (no arguments: this text)

A flag that would have no effect (--only without --config, --force outside mode revoke, \u2026) is refused.

One rotation without a config (the action's inputs, as flags):
  --token-type KIND         deploy (default), org, readonly, machine-exec, ssh, wireguard, litefs-cloud
  --app APP  --org ORG  --cluster NAME  --commands CMD (repeatable)  --command-prefixes CMD (repeatable)
  --target LINE             repeatable: repo:OWNER/REPO, env:OWNER/REPO/ENV, org:ORG visibility=\u2026, \u2026 [secret=NAME]
                            gitlab:GROUP/PROJECT, forgejo:OWNER/REPO, command:PROGRAM ARG\u2026
  --command-timeout 30s     how long a command target may run
  --repository OWNER/REPO --secret-name NAME   the simple form: one repository secret
  --expiry 7d  --token-name NAME  --keep-previous N  --not-before TIME  --warn-before 2d  --request-timeout 10

Examples:
  # Everything in the bot's config, eight rotations at a time:
  FLY_API_TOKEN=\u2026 GITHUB_TOKEN=\u2026 fly-token-rotator --config fly-tokens.yml
  # Check the file and list its rotations as a matrix, with no credentials and no API call:
  fly-token-rotator --config fly-tokens.yml --mode plan --json
  # One app into a repository and its production environment:
  fly-token-rotator --app my-app --target repo:me/my-app --target "env:me/my-app/production secret=FLY_DEPLOY"
  # One app into a GitLab project's variable and a Vault secret (the command reads the token on stdin):
  fly-token-rotator --app my-app --target gitlab:me/my-app --target "command:vault kv put -mount=secret fly token=-"
  # Revoke two tokens by id:
  fly-token-rotator --app my-app --repository me/my-app --mode revoke --token-ids tok_1,tok_2

Exit codes:
  0  everything asked for succeeded
  1  a rotation (or status check) failed; the output lists exactly which
  2  bad flags, inputs or config file; nothing was minted, written or revoked
  3  unexpected error (a bug: please report it)
`;

;// CONCATENATED MODULE: ./src/cli/run.ts
// The CLI's door: flags and the environment in; output for people (progress on a TTY, plain lines otherwise) or
// for programs (--json), and an exit code, out. The request runs on the path every door shares
// (../run/entry.ts). Every masked value is redacted from everything it prints.










/** The package's version, embedded in the bundle when it is built. */
const VERSION = package_namespaceObject.rE;
async function runCli(argv, env, io) {
    // No runner masks anything here: every masked value is cut out of all the CLI prints.
    const scrubber = new scrub/* Scrubber */.h();
    const out = (text) => io.stdout.write(scrubber.scrub(text));
    const err = (text) => io.stderr.write(scrubber.scrub(text));
    const mask = (value) => scrubber.add(value);
    // Before any other flag is looked at, so that these two never run anything.
    const info = infoRequest(argv);
    if (info) {
        out(info === 'help' ? HELP : `fly-token-rotator ${VERSION}\n`);
        return EXIT.ok;
    }
    try {
        const args = parseArgs(argv, env);
        const tty = Boolean(io.stderr.isTTY) && !args.json;
        const progress = (o, done, total) => {
            const line = (0,printable/* printable */.g$)(`${o.error ? 'FAIL' : 'ok  '} [${done}/${total}] ${o.rotation.label}${o.error ? `: ${o.error}` : ''}`);
            err(tty ? `\x1b[2K\r${o.error ? '\x1b[31m' : '\x1b[32m'}${line}\x1b[0m\n` : `${line}\n`);
        };
        let done = 0;
        const { spec, report } = await (0,entry/* runRequest */.B)({
            get: args.get,
            env,
            mask,
            sink: {
                // On a TTY the per-rotation progress line replaces the step-by-step log.
                info: (m) => (tty ? undefined : err(`${m}\n`)),
                warning: (m) => err(`warning: ${m}\n`),
                group: (_name, fn) => fn(),
            },
            read: () => readCliSpec(args, env),
            warnings: args.onCommandLine.map((k) => `${k.file?.what} is on the command line, where any user of this machine can read it (ps). Expected --${k.name}-file PATH${k.env ? ` or env ${k.env}` : ''}.`),
            onDone: (o, total) => progress(o, ++done, total),
        });
        out(args.json
            ? `${(0,printable/* printableJson */.et)(JSON.stringify(jsonReport(spec.mode, report), null, 2))}\n`
            : plainReport(report));
        if (report.failure)
            err(`error: ${(0,printable/* printableLines */.fk)(report.failure)}\n`);
        return report.failure ? EXIT.failed : EXIT.ok;
    }
    catch (e) {
        const input = e instanceof errors/* InputError */.dz;
        const message = input ? e.message : (0,errors/* errorMessage */.gJ)(e);
        const code = input ? EXIT.usage : EXIT.unexpected;
        // --json promises one JSON document on stdout, also when the flags or the config were refused (the flags
        // may not have parsed, so it is looked for among the raw arguments).
        if (argv.includes('--json'))
            out(`${(0,printable/* printableJson */.et)(JSON.stringify({ ok: false, exitCode: code, [input ? 'inputError' : 'unexpectedError']: message }, null, 2))}\n`);
        err(`${input ? 'error' : 'unexpected error'}: ${(0,printable/* printableLines */.fk)(message)}\n`);
        return code;
    }
}
/**
 * Flags \u2192 a validated RunSpec, touching no API: the same checks as the action's inputs, and no flag that
 * would have no effect.
 */
async function readCliSpec(args, env) {
    const mode = (args.get('mode') || 'rotate').toLowerCase();
    // An unknown mode is reported by readRunSpec, in the same words as the action's.
    if (spec/* MODES */.FN.includes(mode))
        refuseIneffectiveFlags(args.given, mode, args.get('config').trim() !== '');
    // The action refuses a github-token equal to env GITHUB_TOKEN (the runner's own token); for the CLI that
    // variable is simply where the credential comes from. A runner token is still caught by its first call.
    return (0,read/* readRunSpec */.vl)(args.get, { ...env, GITHUB_TOKEN: undefined });
}
/** The outputs, then each token a revoke mode dealt with and what became of it (and why, when refused). */
function plainReport(report) {
    const several = report.outcomes.length > 1;
    const revokes = report.outcomes.flatMap((o) => (o.revoke ?? []).map((r) => `revoke ${several ? `[${o.rotation.label}] ` : ''}${r.id}${r.name ? ` (${r.name})` : ''}: ${r.outcome}` +
        (r.detail ? ` (${r.detail})` : '')));
    return [...Object.entries(report.outputs).map(([name, value]) => `${name}: ${value}`), ...revokes]
        .map((line) => `${(0,printable/* printable */.g$)(line)}\n`)
        .join('');
}
function jsonReport(mode, report) {
    const parsed = (v) => {
        try {
            return JSON.parse(v);
        }
        catch {
            return v;
        }
    };
    return {
        mode,
        ok: !report.failure,
        ...(report.failure ? { failure: report.failure } : {}),
        outputs: Object.fromEntries(Object.entries(report.outputs).map(([k, v]) => [k, parsed(v)])),
        rotations: report.outcomes.map((o) => ({
            name: o.rotation.name ?? o.rotation.label,
            label: o.rotation.label,
            ok: !o.error,
            ...(o.error ? { error: o.error } : {}),
            ...(o.result?.token ? { tokenId: o.result.token.id, expiresAt: o.result.token.expiresAt } : {}),
            ...(o.result?.revoked ? { revoked: o.result.revoked } : {}),
            ...(o.revoke ? { revoke: o.revoke } : {}),
        })),
    };
}


/***/ })

};
