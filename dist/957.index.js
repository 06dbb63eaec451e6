export const id = 957;
export const ids = [957];
export const modules = {

/***/ 2957:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(339);
// The fly-token-rotator command: the action's core for laptops and other CI systems (see --help). Loaded by
// src/index.ts when bin/fly-token-rotator.js starts the bundle, so the action never pays for it.

process.exitCode = await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2), process.env, {
    stdout: process.stdout,
    stderr: process.stderr,
});
// Output is complete once both streams have flushed; exit then instead of waiting for kept-alive connections.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: ./src/config/plan.ts
var plan = __webpack_require__(9311);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/inputs/read.ts + 10 modules
var read = __webpack_require__(7564);
// EXTERNAL MODULE: ./src/run/execute.ts + 17 modules
var execute = __webpack_require__(1857);
// EXTERNAL MODULE: ./src/run/services.ts + 35 modules
var run_services = __webpack_require__(7636);
;// CONCATENATED MODULE: ./src/cli/args.ts
// Command-line flags → the same named inputs the action reads, so the CLI shares every check with it.

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
    'fly-api-token',
    'github-token',
    'github-app-id',
    'github-app-private-key',
];
/** Flags without a value: inputs set to "true", and the CLI's own switches. */
const SWITCHES = ['force', 'dry-run'];
const OWN = ['json', 'help', 'version'];
/** Flags that may repeat; their values become one input with one value per line. */
const REPEATABLE = new Set(['targets', 'target', 'commands', 'command-prefixes', 'token-ids', 'only']);
const ALIASES = { target: 'targets', kind: 'token-type', h: 'help' };
/** Env credentials stand in for flags that are not given. */
const FROM_ENV = { 'fly-api-token': 'FLY_API_TOKEN', 'github-token': 'GITHUB_TOKEN' };
function parseArgs(argv, env) {
    const values = new Map();
    const own = new Set();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const m = /^--?([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
        if (!m)
            throw new errors/* InputError */.dz(`unexpected argument "${arg}". Expected flags such as --config bot.yml (see --help).`);
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
        if (!VALUE_FLAGS.includes(name))
            throw new errors/* InputError */.dz(`unknown flag --${m[1]}. Run fly-token-rotator --help for the flags it takes.`);
        const value = m[2] ?? argv[++i];
        if (value === undefined)
            throw new errors/* InputError */.dz(`--${m[1]} needs a value.`);
        const prior = values.get(name);
        if (prior && !REPEATABLE.has(name))
            throw new errors/* InputError */.dz(`--${name} is given twice. Expected it once.`);
        values.set(name, [...(prior ?? []), value]);
    }
    const get = (name) => values.get(name)?.join('\n') ?? (FROM_ENV[name] ? (env[FROM_ENV[name]] ?? '') : '');
    return { get, json: own.has('json'), help: own.has('help'), version: own.has('version') };
}

;// CONCATENATED MODULE: ./src/cli/help.ts
// `fly-token-rotator --help`: what the CLI does, its flags, examples and exit codes.
const EXIT = { ok: 0, failed: 1, usage: 2, unexpected: 3 };
const HELP = `fly-token-rotator: mint short-lived Fly.io tokens, store them in GitHub secrets, revoke the old ones.

Usage:
  fly-token-rotator --config FILE [--mode MODE] [--only NAME] [--json]
  fly-token-rotator --app APP --repository OWNER/REPO [flags]

Credentials (flags win over the environment):
  --fly-api-token TOKEN     or env FLY_API_TOKEN: a Fly auth token that may mint (personal access token)
  --github-token TOKEN      or env GITHUB_TOKEN: a token that can write the secrets
  --github-app-id ID --github-app-private-key PEM   GitHub App instead of a token

Run:
  --config FILE             YAML config with many rotations (schema/config.schema.json)
  --only NAME[,NAME]        rotate only these rotations of the config
  --mode MODE               rotate (default), revoke, revoke-all, status, plan
  --dry-run                 print what would happen; create, write and revoke nothing
  --token-ids ID[,ID]       mode revoke: the tokens to revoke
  --force                   mode revoke: also revoke the token a secret holds now
  --json                    print one JSON document on stdout (progress still goes to stderr)

One rotation without a config (the action's inputs, as flags):
  --token-type KIND         deploy (default), org, readonly, machine-exec, ssh, wireguard, litefs-cloud
  --app APP  --org ORG  --cluster NAME  --commands CMD (repeatable)  --command-prefixes CMD (repeatable)
  --target LINE             repeatable: repo:OWNER/REPO, env:OWNER/REPO/ENV, org:ORG visibility=…, … [secret=NAME]
  --repository OWNER/REPO --secret-name NAME   the simple form: one repository secret
  --expiry 7d  --token-name NAME  --keep-previous N  --not-before TIME  --warn-before 2d  --request-timeout 30s

Examples:
  # Everything in the bot's config, eight rotations at a time:
  FLY_API_TOKEN=… GITHUB_TOKEN=… fly-token-rotator --config fly-tokens.yml
  # Check the file and list its rotations as a matrix, with no credentials and no API call:
  fly-token-rotator --config fly-tokens.yml --mode plan --json
  # One app into a repository and its production environment:
  fly-token-rotator --app my-app --target repo:me/my-app --target "env:me/my-app/production secret=FLY_DEPLOY"
  # Revoke two tokens by id:
  fly-token-rotator --app my-app --repository me/my-app --mode revoke --token-ids tok_1,tok_2

Exit codes:
  0  everything asked for succeeded
  1  a rotation (or status check) failed; the output lists exactly which
  2  bad flags, inputs or config file; nothing was minted, written or revoked
  3  unexpected error (a bug: please report it)
`;

;// CONCATENATED MODULE: ./src/cli/run.ts
// The CLI's run: flags → RunSpec → execute, with output for people (progress on a TTY, plain lines
// otherwise) or for programs (--json). Every masked value is redacted from everything it prints.







async function runCli(argv, env, io) {
    const secrets = new Set();
    const redact = (text) => [...secrets].sort((a, b) => b.length - a.length).reduce((t, s) => t.split(s).join('***'), text);
    const out = (text) => io.stdout.write(redact(text));
    const err = (text) => io.stderr.write(redact(text));
    const mask = (value) => {
        // Short values would redact ordinary words; real secrets are long.
        if (value.length >= 8)
            secrets.add(value);
    };
    try {
        const args = parseArgs(argv, env);
        if (args.help) {
            out(HELP);
            return EXIT.ok;
        }
        for (const name of ['fly-api-token', 'github-token', 'github-app-private-key']) {
            const value = args.get(name).trim();
            if (value) {
                mask(value);
                mask(value.replace(/^(FlyV1|Bearer)\s+/i, ''));
                for (const line of value.split(/\r?\n/))
                    mask(line.trim());
            }
        }
        const tty = Boolean(io.stderr.isTTY) && !args.json;
        const log = {
            // On a TTY the per-rotation progress line replaces the step-by-step log.
            info: (m) => (tty ? undefined : err(`${m}\n`)),
            warning: (m) => err(`warning: ${m}\n`),
            mask,
            group: (_name, fn) => fn(),
        };
        // The action refuses a github-token equal to env GITHUB_TOKEN (the runner's own token); for the CLI that
        // variable is simply where the credential comes from. A runner token is still caught by its first call.
        const spec = await (0,read/* readRunSpec */.vl)(args.get, { ...env, GITHUB_TOKEN: undefined });
        // plan touches no API, so it builds no clients and needs no credential.
        const services = spec.mode === 'plan' ? undefined : (0,run_services/* createServices */.h)(spec, env, log);
        let done = 0;
        const progress = (o) => {
            done++;
            const line = `${o.error ? 'FAIL' : 'ok  '} [${done}/${spec.rotations.length}] ${o.rotation.label}${o.error ? `: ${o.error}` : ''}`;
            err(tty ? `\x1b[2K\r${o.error ? '\x1b[31m' : '\x1b[32m'}${line}\x1b[0m\n` : `${line}\n`);
        };
        const report = services
            ? await (0,execute/* execute */.g)(spec, services, log, undefined, progress).finally(() => services.close?.())
            : (0,plan/* planReport */.sH)(spec);
        out(args.json ? `${JSON.stringify(jsonReport(spec.mode, report), null, 2)}\n` : plainReport(report));
        if (report.failure)
            err(`error: ${report.failure}\n`);
        return report.failure ? EXIT.failed : EXIT.ok;
    }
    catch (e) {
        if (e instanceof errors/* InputError */.dz) {
            err(`error: ${e.message}\n`);
            return EXIT.usage;
        }
        err(`unexpected error: ${(0,errors/* errorMessage */.gJ)(e)}\n`);
        return EXIT.unexpected;
    }
}
function plainReport(report) {
    return Object.entries(report.outputs)
        .map(([name, value]) => `${name}: ${value}\n`)
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
