export const id = 957;
export const ids = [957,67];
export const modules = {

/***/ 2957:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6197);
// The fly-token-rotator command: the action's core for laptops and other CI systems (see --help). Loaded by
// src/index.ts when bin/fly-token-rotator.js starts the bundle, so the action never pays for it.

process.exitCode = await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), process.env, {
    stdout: process.stdout,
    stderr: process.stderr,
});
// Output is complete once both streams have flushed; exit then instead of waiting for kept-alive connections.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));

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
// EXTERNAL MODULE: ./src/config/plan.ts
var plan = __webpack_require__(9311);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/spec.ts
var spec = __webpack_require__(4400);
// EXTERNAL MODULE: ./src/inputs/read.ts + 9 modules
var read = __webpack_require__(2668);
// EXTERNAL MODULE: ./src/run/execute.ts + 21 modules
var execute = __webpack_require__(2287);
// EXTERNAL MODULE: ./src/run/printable.ts
var printable = __webpack_require__(2102);
// EXTERNAL MODULE: ./src/run/scrub.ts
var scrub = __webpack_require__(2286);
// EXTERNAL MODULE: ./src/run/services.ts + 5 modules
var run_services = __webpack_require__(5067);
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
    'timeout',
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
const ALIASES = { target: 'targets', kind: 'token-type', h: 'help', V: 'version' };
/** Env credentials stand in for flags that are not given. */
const FROM_ENV = { 'fly-api-token': 'FLY_API_TOKEN', 'github-token': 'GITHUB_TOKEN' };
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
    get.describe = describeFlag;
    return { get, given: new Set(values.keys()), json: own.has('json') };
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
    'github-token': ['rotate'],
    'github-app-id': ['rotate'],
    'github-app-private-key': ['rotate'],
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
  --timeout 55              bound the whole run (seconds, or 5m); it fails naming the step that waited
  --help, --version         print this text or the version, and run nothing

A flag that would have no effect (--only without --config, --force outside mode revoke, …) is refused.

One rotation without a config (the action's inputs, as flags):
  --token-type KIND         deploy (default), org, readonly, machine-exec, ssh, wireguard, litefs-cloud
  --app APP  --org ORG  --cluster NAME  --commands CMD (repeatable)  --command-prefixes CMD (repeatable)
  --target LINE             repeatable: repo:OWNER/REPO, env:OWNER/REPO/ENV, org:ORG visibility=…, … [secret=NAME]
  --repository OWNER/REPO --secret-name NAME   the simple form: one repository secret
  --expiry 7d  --token-name NAME  --keep-previous N  --not-before TIME  --warn-before 2d  --request-timeout 10

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
        (0,scrub/* maskCredentials */.B)(args.get, mask);
        const tty = Boolean(io.stderr.isTTY) && !args.json;
        // Messages quote remote text (token names, API errors): no terminal escape or workflow command gets through.
        const log = (0,printable/* printableLog */.Ak)({
            // On a TTY the per-rotation progress line replaces the step-by-step log.
            info: (m) => (tty ? undefined : err(`${m}\n`)),
            warning: (m) => err(`warning: ${m}\n`),
            mask,
            group: (_name, fn) => fn(),
        });
        const spec = await readCliSpec(args, env);
        // plan touches no API, so it builds no clients and needs no credential.
        const services = spec.mode === 'plan' ? undefined : (0,run_services.createServices)(spec, env, log);
        let done = 0;
        const progress = (o) => {
            done++;
            const line = (0,printable/* printable */.g$)(`${o.error ? 'FAIL' : 'ok  '} [${done}/${spec.rotations.length}] ${o.rotation.label}${o.error ? `: ${o.error}` : ''}`);
            err(tty ? `\x1b[2K\r${o.error ? '\x1b[31m' : '\x1b[32m'}${line}\x1b[0m\n` : `${line}\n`);
        };
        const report = services
            ? await (0,execute.execute)(spec, services, log, undefined, progress).finally(() => services.close?.())
            : (0,plan/* planReport */.sH)(spec);
        out(args.json
            ? `${(0,printable/* printableJson */.et)(JSON.stringify(jsonReport(spec.mode, report), null, 2))}\n`
            : plainReport(report));
        if (report.failure)
            err(`error: ${(0,printable/* printableLines */.fk)(report.failure)}\n`);
        return report.failure ? EXIT.failed : EXIT.ok;
    }
    catch (e) {
        if (e instanceof errors/* InputError */.dz) {
            err(`error: ${(0,printable/* printableLines */.fk)(e.message)}\n`);
            return EXIT.usage;
        }
        err(`unexpected error: ${(0,printable/* printableLines */.fk)((0,errors/* errorMessage */.gJ)(e))}\n`);
        return EXIT.unexpected;
    }
}
/**
 * Flags → a validated RunSpec, touching no API: the same checks as the action's inputs, and no flag that
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


/***/ }),

/***/ 6344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   tj: () => (/* binding */ apiBaseUrl)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


const loopbackIps = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
loopbackIps.addSubnet('127.0.0.0', 8, 'ipv4');
loopbackIps.addAddress('::1', 'ipv6');
/**
 * Whether a URL's hostname is this machine: `localhost` or a loopback IP literal (127.0.0.0/8, [::1]).
 * Names are never judged by their spelling: `127.0.0.1.nip.io` is a name that can resolve anywhere.
 */
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (host === 'localhost')
        return true;
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host);
    return family !== 0 && loopbackIps.check(host, family === 4 ? 'ipv4' : 'ipv6');
}
/** A URL-ish text safe to print: whatever sits between `//` and `@` (user and password) is cut out. */
function redactUrl(value) {
    return value.replace(/\/\/[^/?#]*@/, '//***@');
}
/**
 * Validates an API base URL. Credentials travel in headers, so plain http is only allowed to
 * loopback hosts (the local emulators); everything else must be https.
 */
function apiBaseUrl(value, what) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${what} "${redactUrl(value)}" is not a URL. Expected format https://host[/path]`);
    }
    if (url.username || url.password)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${what} must not contain credentials (user:password@); pass them as inputs.`);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${what} "${value}" must use https (plain http is accepted only for loopback hosts).`);
    }
    return url.toString().replace(/\/+$/, '');
}


/***/ }),

/***/ 9819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dC: () => (/* binding */ withBody),
/* harmony export */   nr: () => (/* binding */ apiFetch),
/* harmony export */   wX: () => (/* binding */ TransportError)
/* harmony export */ });
/* unused harmony export MAX_BODY_BYTES */
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1987);
// Every HTTP request of both API clients goes through apiFetch: Node's fetch with three rules of our own.
// Credentials stay with the origin they were meant for (a redirect is an error, never followed), a body is
// read only up to MAX_BODY_BYTES, and the environment's proxy is used (or the run fails), never skipped.
// undici 6, the copy @actions/core and @actions/github bundle anyway, not 7 (Node 24's own major): 7 is loaded
// at every start through @actions/core's HTTP client once it is the project's undici, which measured over
// 100 ms more CPU per start than 6 here, and beside their 6 it would be a second copy past the 2 MB budget. A 6
// ProxyAgent plugs into Node 20's and Node 24's fetch alike (both checked, TLS to an https:// proxy included).



/** More than any answer of either API this action reads; a bigger one is refused while it streams in. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** A request the transport refused to complete. Final: repeating it would meet the same answer. */
class TransportError extends Error {
    name = 'TransportError';
}
/** One dispatcher per proxy URL, so its connections are kept alive across requests. */
const proxies = new Map();
function dispatcherFor(url) {
    let proxy;
    try {
        proxy = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyFor */ .i)(url, (0,_proxy_js__WEBPACK_IMPORTED_MODULE_2__/* .proxySettings */ .E)(process.env));
    }
    catch (err) {
        throw new TransportError((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err));
    }
    if (!proxy)
        return undefined;
    let dispatcher = proxies.get(proxy.href);
    if (!dispatcher) {
        // Tunnels with CONNECT, speaks TLS to an https:// proxy (port 443 by default) and sends the URL's
        // user:password as Proxy-Authorization.
        dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__.ProxyAgent({ uri: proxy.href });
        proxies.set(proxy.href, dispatcher);
    }
    return dispatcher;
}
/** Node's fetch as the API clients use it: no redirects, a capped body, the environment's proxy. */
async function apiFetch(input, init = {}) {
    const url = new URL(input);
    const dispatcher = dispatcherFor(url);
    const res = await fetch(url, {
        ...init,
        // Followed, a redirect would carry Authorization (and a POST body) to wherever it points, http:// too.
        redirect: 'manual',
        ...(dispatcher ? { dispatcher } : {}),
    });
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        throw new TransportError(`${url.origin} answered HTTP ${res.status}, a redirect to ${originOf(location, url)}; not following it, ` +
            'so that credentials are sent nowhere else. Check the API URL.');
    }
    return withBody(res, await readCapped(res, url));
}
function originOf(location, base) {
    try {
        return new URL(location, base).origin;
    }
    catch {
        return 'an address that does not parse';
    }
}
/** Reads a body while it streams in, refusing it once it passes MAX_BODY_BYTES. */
async function readCapped(res, url) {
    const tooBig = () => new TransportError(`${url.origin} answered with more than ${MAX_BODY_BYTES / 1024 / 1024} MiB; refusing to read more.`);
    if (Number(res.headers.get('content-length')) > MAX_BODY_BYTES) {
        await res.body?.cancel();
        throw tooBig();
    }
    if (!res.body)
        return new Uint8Array();
    const chunks = [];
    let size = 0;
    const reader = res.body.getReader();
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > MAX_BODY_BYTES) {
            await reader.cancel();
            throw tooBig();
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks, size);
}
/** The same answer with its body already read, for callers (octokit) that read it themselves. */
function withBody(res, body) {
    // These statuses may not carry a body; the Response constructor refuses one.
    const empty = res.status === 204 || res.status === 205 || res.status === 304;
    const copy = new Response(empty ? null : body, {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers,
    });
    Object.defineProperty(copy, 'url', { value: res.url });
    return copy;
}


/***/ }),

/***/ 1987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ proxySettings),
/* harmony export */   i: () => (/* binding */ proxyFor)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _inputs_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6344);
// Which proxy a request goes through, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case). The choice is
// made here, per request; the proxying itself is undici's ProxyAgent (see ./fetch.ts). Not the ready-made
// choosers: undici's EnvHttpProxyAgent and @actions/http-client both ignore CIDR ranges in NO_PROXY, let an
// empty variable hide the other spelling, and fall back to a direct connection (or a guessed http://) for a
// proxy URL they cannot use; NODE_USE_ENV_PROXY exists on Node 24 only and has the same NO_PROXY gaps.



/**
 * A variable by either spelling, lower case first (as curl reads them). An empty value counts as unset, so
 * `NO_PROXY=` cannot hide `no_proxy=...`.
 */
function variable(env, name) {
    for (const spelling of [name.toLowerCase(), name]) {
        const value = env[spelling]?.trim();
        if (value)
            return { name: spelling, value };
    }
    return undefined;
}
/** A proxy URL; without a scheme it is http://, as curl reads `proxy.corp:3128`. */
function proxyUrl(name, raw) {
    const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${name} "${(0,_inputs_url_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(raw)}" is not a proxy URL. Expected http://host:port or https://host:port.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${name} names a ${url.protocol.slice(0, -1)} proxy; only http:// and https:// proxies are supported. ` +
            'Unset it or point it at an HTTP proxy: requests are never sent around a proxy that cannot be used.');
    if (!url.hostname)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${name} "${(0,_inputs_url_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(raw)}" names no proxy host.`);
    return url;
}
/** NO_PROXY: `*`, host names (`.corp` and `corp` cover subdomains too), IP addresses, CIDR ranges, `:port`. */
function noProxy(list) {
    const ranges = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
    const names = [];
    let all = false;
    for (const entry of list
        .toLowerCase()
        .split(/[\s,]+/)
        .filter(Boolean)) {
        if (entry === '*') {
            all = true;
            continue;
        }
        const cidr = /^\[?([0-9a-f.:]+)\]?\/(\d{1,3})$/.exec(entry);
        const family = cidr ? (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(cidr[1]) : 0;
        if (cidr && family) {
            ranges.addSubnet(cidr[1], Number(cidr[2]), family === 4 ? 'ipv4' : 'ipv6');
            continue;
        }
        // `[::1]:8080`, `host:443`, or a bare IPv6 address (whose colons are not a port).
        const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]+)(?::(\d+))?$/.exec(entry);
        const name = m ? m[1] : entry;
        names.push({ name: name.replace(/^\*?\./, ''), port: m?.[2] });
    }
    return (url) => {
        if (all)
            return true;
        const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
        const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host);
        if (family && ranges.check(host, family === 4 ? 'ipv4' : 'ipv6'))
            return true;
        const port = url.port || (url.protocol === 'https:' ? '443' : '80');
        return names.some((n) => (host === n.name || (!family && host.endsWith(`.${n.name}`))) && (!n.port || n.port === port));
    };
}
/** Reads and checks the proxy variables: a proxy that cannot be used is an error, never a direct connection. */
function proxySettings(env) {
    const https = variable(env, 'HTTPS_PROXY');
    const http = variable(env, 'HTTP_PROXY');
    return {
        https: https && proxyUrl(https.name, https.value),
        http: http && proxyUrl(http.name, http.value),
        exempt: noProxy(variable(env, 'NO_PROXY')?.value ?? ''),
    };
}
/** The proxy a request to `url` goes through, if any. Loopback is never proxied. */
function proxyFor(url, settings) {
    const proxy = url.protocol === 'https:' ? settings.https : settings.http;
    if (!proxy || (0,_inputs_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(url.hostname) || settings.exempt(url))
        return undefined;
    return proxy;
}


/***/ }),

/***/ 5067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createServices: () => (/* binding */ createServices)
});

// EXTERNAL MODULE: ./src/core/budget.ts
var budget = __webpack_require__(4782);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/net/fetch.ts
var fetch = __webpack_require__(9819);
// EXTERNAL MODULE: ./src/fly/auth.ts
var auth = __webpack_require__(9411);
;// CONCATENATED MODULE: ./src/fly/errors.ts

const AUTH_TOKEN_HELP = 'Use a Fly auth token: a personal access token from https://fly.io/user/personal_access_tokens or the output of `fly auth token`. ' +
    'Deploy and org tokens (`fly tokens create deploy|org`) cannot mint or revoke tokens.';
/** Turns Fly's GraphQL errors into one message that says what went wrong and which credential is needed. */
function flyGraphQLError(errors, context) {
    const first = errors[0] ?? { message: 'unknown error' };
    const code = first.extensions?.code;
    const text = first.message;
    if (/not authorized to access (createlimitedaccesstoken|deletelimitedaccesstoken)/i.test(text)) {
        return new core_errors/* ApiError */.hD(`Fly refused to ${context}: fly-api-token is not allowed to manage tokens. ${AUTH_TOKEN_HELP}`, 'fly', 200, 'FORBIDDEN');
    }
    if (code === 'UNAUTHORIZED' || /must be authenticated|unauthorized/i.test(text)) {
        return new core_errors/* ApiError */.hD(`Fly rejected fly-api-token while trying to ${context} (unknown, expired or revoked credential). ${AUTH_TOKEN_HELP}`, 'fly', 200, 'UNAUTHORIZED');
    }
    const app = /Could not find App "?([^"]*)"?/i.exec(text);
    if (app) {
        return new core_errors/* ApiError */.hD(`Fly app "${app[1]}" was not found, or fly-api-token cannot see it (while trying to ${context}).`, 'fly', 200, 'NOT_FOUND');
    }
    if (code === 'NOT_FOUND') {
        return new core_errors/* ApiError */.hD(`Fly could not find what was asked while trying to ${context}: ${text}`, 'fly', 200, 'NOT_FOUND');
    }
    return new core_errors/* ApiError */.hD(`Fly refused to ${context}: ${text}${code ? ` (${code})` : ''}`, 'fly', 200, code);
}
/** For answers that never reached GraphQL: HTTP errors, proxies' HTML pages, broken JSON. */
function flyHttpError(status, bodyText, context) {
    if (status === 401 || status === 403) {
        return new core_errors/* ApiError */.hD(`Fly rejected fly-api-token (HTTP ${status}) while trying to ${context}. ${AUTH_TOKEN_HELP}`, 'fly', status, 'UNAUTHORIZED');
    }
    const snippet = bodyText.replace(/\s+/g, ' ').slice(0, 120);
    return new core_errors/* ApiError */.hD(`Fly API answered HTTP ${status} while trying to ${context}${snippet ? `: ${snippet}` : ''}`, 'fly', status);
}

;// CONCATENATED MODULE: ./src/fly/operations.ts
// Every document we send to Fly. A test validates each one against Fly's real schema (test/fixtures/fly/schema.graphql).
const GET_APP = `query FlyRotatorApp($name: String!) {
  app(name: $name) { id internalNumericId name organization { id internalNumericId slug } }
}`;
const GET_ORG = `query FlyRotatorOrganization($slug: String!) {
  organization(slug: $slug) { id internalNumericId slug name }
}`;
const CREATE_TOKEN = `mutation FlyRotatorCreateToken($input: CreateLimitedAccessTokenInput!) {
  createLimitedAccessToken(input: $input) {
    limitedAccessToken { id name createdAt expiresAt tokenHeader }
  }
}`;
const TOKEN_PAGE = `limitedAccessTokens(first: 100, after: $after) {
      nodes { id name createdAt expiresAt revokedAt profile }
      pageInfo { hasNextPage endCursor }
    }`;
const APP_TOKENS = `query FlyRotatorAppTokens($name: String!, $after: String) {
  app(name: $name) { ${TOKEN_PAGE} }
}`;
const ORG_TOKENS = `query FlyRotatorOrganizationTokens($slug: String!, $after: String) {
  organization(slug: $slug) { ${TOKEN_PAGE} }
}`;
const REVOKE_TOKEN = `mutation FlyRotatorRevokeToken($input: DeleteLimitedAccessTokenInput!) {
  deleteLimitedAccessToken(input: $input) { token }
}`;
const ALL_OPERATIONS = { GET_APP, GET_ORG, CREATE_TOKEN, APP_TOKENS, ORG_TOKENS, REVOKE_TOKEN };

;// CONCATENATED MODULE: ./src/fly/client.ts






const delay = (ms) => new Promise((r) => setTimeout(r, ms));
/** Fly's GraphQL API: the handful of calls token rotation needs, nothing more. */
class FlyClient {
    options;
    auth;
    /** Requests sent, for benchmarks and the summary. */
    requests = 0;
    constructor(options) {
        this.options = options;
        this.auth = (0,auth/* authorizationHeader */.bc)(options.token);
    }
    /** The same API with another credential: used to prove a freshly minted token works. */
    as(token) {
        return new FlyClient({ ...this.options, token });
    }
    async getApp(name) {
        const data = await this.graphql(GET_APP, { name }, `look up app "${name}"`);
        if (!data.app)
            throw new core_errors/* ApiError */.hD(`Fly app "${name}" was not found, or fly-api-token cannot see it.`, 'fly', 200, 'NOT_FOUND');
        const a = data.app;
        return {
            id: a.id,
            numericId: Number(a.internalNumericId),
            name: a.name,
            org: {
                id: a.organization.id,
                numericId: Number(a.organization.internalNumericId),
                slug: a.organization.slug,
            },
        };
    }
    async getOrganization(slug) {
        const data = await this.graphql(GET_ORG, { slug }, `look up organization "${slug}"`);
        if (!data.organization) {
            throw new core_errors/* ApiError */.hD(`Fly organization "${slug}" was not found, or fly-api-token cannot see it.`, 'fly', 200, 'NOT_FOUND');
        }
        const o = data.organization;
        return { id: o.id, numericId: Number(o.internalNumericId), slug: o.slug };
    }
    /** Not idempotent: never retried here. A lost answer leaves a token that the next run's sweep revokes. */
    async createToken(input) {
        const data = await this.graphql(CREATE_TOKEN, { input }, 'create a token', false);
        const t = data.createLimitedAccessToken.limitedAccessToken;
        if (!t.tokenHeader)
            throw new core_errors/* ApiError */.hD('Fly created a token but did not return its value.', 'fly');
        return { ...toToken(t), header: t.tokenHeader };
    }
    /** Every token of an app or organization, revoked ones included, following pagination. */
    async listTokens(scope) {
        const out = [];
        let after = null;
        const isApp = 'app' in scope;
        const what = isApp ? `list tokens of app "${scope.app}"` : `list tokens of organization "${scope.org}"`;
        for (let page = 0; page < 1000; page++) {
            const vars = isApp ? { name: scope.app, after } : { slug: scope.org, after };
            const data = await this.graphql(isApp ? APP_TOKENS : ORG_TOKENS, vars, what);
            const owner = isApp ? data.app : data.organization;
            if (!owner)
                throw new core_errors/* ApiError */.hD(`Fly could not ${what}: not found.`, 'fly', 200, 'NOT_FOUND');
            const conn = owner.limitedAccessTokens;
            for (const n of conn.nodes)
                if (n)
                    out.push(toToken(n));
            if (!conn.pageInfo.hasNextPage || !conn.pageInfo.endCursor)
                return out;
            after = conn.pageInfo.endCursor;
        }
        throw new core_errors/* ApiError */.hD(`Fly kept returning pages while trying to ${what}.`, 'fly');
    }
    /** Revoking twice is harmless, so this may be retried. */
    async revokeToken(id) {
        await this.graphql(REVOKE_TOKEN, { input: { id } }, `revoke token ${id}`);
    }
    async graphql(query, variables, context, idempotent = true) {
        const attempts = idempotent ? 1 + (this.options.retries ?? 3) : 1;
        let last;
        for (let attempt = 1; attempt <= attempts; attempt++) {
            try {
                return await this.once(query, variables, context);
            }
            catch (err) {
                last = err;
                const wait = retryDelay(err, attempt, this.options.retryBaseMs ?? 250);
                if (attempt === attempts || wait === undefined || this.options.signal?.aborted)
                    break;
                await (this.options.sleep ?? delay)(wait);
            }
        }
        throw last;
    }
    async once(query, variables, context) {
        const doFetch = this.options.fetch ?? fetch/* apiFetch */.nr;
        this.requests++;
        let res;
        let text;
        try {
            res = await doFetch(`${this.options.baseUrl}/graphql`, {
                method: 'POST',
                headers: {
                    authorization: this.auth,
                    'content-type': 'application/json',
                    accept: 'application/json',
                    'user-agent': this.options.userAgent ?? 'fly-token-rotator',
                },
                body: JSON.stringify({ query, variables }),
                signal: (0,budget/* withRunSignal */.Ay)(this.options.signal, this.options.timeoutMs ?? 30_000),
            });
            text = await res.text();
        }
        catch (err) {
            // A redirect or an oversized answer: the same call would meet the same refusal.
            if (err instanceof fetch/* TransportError */.wX)
                throw new core_errors/* ApiError */.hD(`Fly API, trying to ${context}: ${err.message}`, 'fly');
            const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
            throw new core_errors/* TransientError */.N_(this.options.signal?.aborted
                ? `The run's timeout ran out while waiting for Fly to ${context}.`
                : timedOut
                    ? `Fly API did not answer within ${this.options.timeoutMs ?? 30_000} ms while trying to ${context}.`
                    : `Could not reach the Fly API while trying to ${context}: ${(0,core_errors/* errorMessage */.gJ)(err.cause ?? err)}`);
        }
        // A 403 that says when to come back is rate limiting, not a refused credential.
        if (res.status === 429 || res.status >= 500 || (res.status === 403 && res.headers.has('retry-after'))) {
            const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
            throw new core_errors/* TransientError */.N_(flyHttpError(res.status, text, context).message, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined);
        }
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            if (res.ok)
                throw new core_errors/* TransientError */.N_(`Fly API sent a reply that is not JSON while trying to ${context}.`);
            throw flyHttpError(res.status, text, context);
        }
        if (body.errors?.length)
            throw flyGraphQLError(body.errors, context);
        if (!res.ok)
            throw flyHttpError(res.status, text, context);
        if (!body.data)
            throw new core_errors/* TransientError */.N_(`Fly API sent no data while trying to ${context}.`);
        return body.data;
    }
}
function retryDelay(err, attempt, baseMs) {
    if (!(err instanceof core_errors/* TransientError */.N_))
        return undefined;
    if (err.retryAfterMs !== undefined)
        return Math.min(err.retryAfterMs, 60_000);
    return baseMs * 2 ** Math.min(attempt - 1, 4);
}
function toToken(t) {
    return {
        id: t.id,
        name: t.name,
        createdAt: t.createdAt,
        expiresAt: t.expiresAt,
        revokedAt: t.revokedAt ?? null,
        ...(t.profile ? { profile: t.profile } : {}),
    };
}

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
;// CONCATENATED MODULE: ./src/github/permissions.ts
/** The target kinds of the `targets` input, by their line prefix. */
const TARGET_KINDS = (/* unused pure expression or super */ null && ([
    'repo',
    'env',
    'org',
    'dependabot',
    'dependabot-org',
    'codespaces',
    'codespaces-org',
]));
const REPO_SECRETS = {
    actions: 'secrets',
    dependabot: 'dependabot_secrets',
    codespaces: 'codespaces_secrets',
};
const ORG_SECRETS = {
    actions: 'organization_secrets',
    dependabot: 'organization_dependabot_secrets',
    codespaces: 'organization_codespaces_secrets',
};
/**
 * Every call a target kind makes, and the permission it needs: metadata for repository lookups (GET
 * /repos/{owner}/{repo}, selected repositories of an organization secret); the secret store's own permission
 * for its public key, secret metadata (read) and the PUT (write); and for environments, "Get an environment"
 * (the existence check before anything is minted), which needs Actions: read.
 */
function permissionsFor(kind) {
    switch (kind) {
        case 'repo':
            return { metadata: 'read', secrets: 'write' };
        case 'env':
            return { metadata: 'read', actions: 'read', environments: 'write' };
        case 'org':
            return { metadata: 'read', organization_secrets: 'write' };
        case 'dependabot':
        case 'codespaces':
            return { metadata: 'read', [REPO_SECRETS[kind]]: 'write' };
        case 'dependabot-org':
            return { metadata: 'read', [ORG_SECRETS.dependabot]: 'write' };
        case 'codespaces-org':
            return { metadata: 'read', [ORG_SECRETS.codespaces]: 'write' };
    }
}
function targetKind(spec) {
    if (spec.type === 'environment')
        return 'env';
    const app = spec.app ?? 'actions';
    if (spec.type === 'repository')
        return app === 'actions' ? 'repo' : app;
    return app === 'actions' ? 'org' : `${app}-org`;
}
function accessNeeds(spec) {
    const repositories = spec.type !== 'organization' ? [spec.repo] : spec.visibility === 'selected' ? spec.repositories : [];
    return { repositories, permissions: permissionsFor(targetKind(spec)) };
}
/** Merges permissions, keeping the higher level of each. */
function mergePermissions(into, add) {
    for (const [name, level] of Object.entries(add)) {
        if (into[name] !== 'write')
            into[name] = level;
    }
    return into;
}
/**
 * Permissions the installation token API accepts by name. GitHub's API has no name for the Codespaces secrets
 * and organization Dependabot/Codespaces secrets permissions, so a token needing them cannot be narrowed and
 * carries the installation's permissions (still limited to the target repositories).
 */
const REQUESTABLE = new Set([
    'metadata',
    'actions',
    'secrets',
    'environments',
    'dependabot_secrets',
    'organization_secrets',
]);
/**
 * Target kinds a GitHub App cannot write at all: GitHub's OpenAPI description marks the Codespaces public-key
 * endpoints (repository and organization) as not enabled for GitHub Apps, so only a token can seal for them.
 */
const APP_CANNOT_WRITE = new Set([
    'codespaces',
    'codespaces-org',
]);
/** How GitHub's settings pages name each permission: the docs table uses these words. */
const PERMISSION_TITLES = {
    metadata: 'Repository › Metadata',
    actions: 'Repository › Actions',
    secrets: 'Repository › Secrets',
    environments: 'Repository › Environments',
    dependabot_secrets: 'Repository › Dependabot secrets',
    codespaces_secrets: 'Repository › Codespaces secrets',
    organization_secrets: 'Organization › Secrets',
    organization_dependabot_secrets: 'Organization › Dependabot secrets',
    organization_codespaces_secrets: 'Organization › Codespaces secrets',
};

// EXTERNAL MODULE: ./src/github/targets.ts
var github_targets = __webpack_require__(5617);
;// CONCATENATED MODULE: ./src/github/auth.ts




/**
 * The client module (@actions/github, octokit and its plugins) loads with the first GitHub client, not with
 * the bundle: a plan run or a refused input never needs it.
 */
async function createGitHub(options) {
    return (await Promise.all(/* import() */[__webpack_require__.e(561), __webpack_require__.e(934), __webpack_require__.e(214), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 6702))).createGitHub(options);
}
function tokenAccess(token, options) {
    let gh;
    return {
        client: async () => {
            gh ??= createGitHub({ ...options, token });
            return gh;
        },
        close: async () => { },
    };
}
/** What each owner's installation token must cover, over every target of the run. */
function needsByOwner(targets) {
    const byOwner = new Map();
    for (const t of targets) {
        const owner = (0,github_targets/* targetOwner */.zM)(t);
        const key = owner.toLowerCase();
        const entry = byOwner.get(key) ?? { owner, repositories: [], permissions: {} };
        const need = accessNeeds(t);
        for (const r of need.repositories) {
            if (!entry.repositories.some((x) => x.toLowerCase() === r.toLowerCase()))
                entry.repositories.push(r);
        }
        mergePermissions(entry.permissions, need.permissions);
        if (t.type !== 'organization')
            entry.repo ??= t.repo;
        byOwner.set(key, entry);
    }
    return byOwner;
}
function appAccess(app, targets, options) {
    const refused = targets.filter((t) => APP_CANNOT_WRITE.has(targetKind(t)));
    if (refused.length) {
        throw new core_errors/* InputError */.dz(`A GitHub App cannot write ${refused.map((t) => (0,github_targets/* secretTarget */.Gk)(t).label).join('; ')}: GitHub does not let ` +
            'GitHub Apps read Codespaces public keys. Write Codespaces targets with github-token (a fine-grained PAT ' +
            'with Codespaces secrets: read and write), in a separate step or config run.');
    }
    const needs = needsByOwner(targets);
    const appId = /^\d+$/.test(app.appId) ? Number(app.appId) : app.appId;
    // Loaded with the first App client, like the client module: a run with a github-token never needs it.
    let auth;
    const clients = new Map();
    const minted = [];
    const what = `GitHub App ${app.appId}`;
    async function appClient() {
        // A fresh JWT per use: GitHub refuses JWTs older than ten minutes and a run can outlast one.
        auth ??= Promise.all(/* import() */[__webpack_require__.e(561), __webpack_require__.e(479)]).then(__webpack_require__.bind(__webpack_require__, 6479)).then((m) => m.createAppAuth({ appId, privateKey: app.privateKey }));
        const { token } = await (await auth)({ type: 'app' });
        options.log.mask(token);
        return createGitHub({ ...options, token });
    }
    async function installationId(gh, need) {
        const where = need.repo ? `${need.owner}/${need.repo}` : need.owner;
        try {
            const res = need.repo
                ? await gh.request('GET /repos/{owner}/{repo}/installation', { owner: need.owner, repo: need.repo })
                : await gh.request('GET /orgs/{org}/installation', { org: need.owner });
            return res.data.id;
        }
        catch (err) {
            throw appError(err, where);
        }
    }
    function appError(err, where) {
        const status = err.status;
        if (status === 401) {
            return new core_errors/* ApiError */.hD(`GitHub rejected the JWT of ${what} (401 ${(0,core_errors/* errorMessage */.gJ)(err)}): github-app-private-key is not a key of app ${app.appId}, ` +
                'or github-app-id is wrong. Generate a private key in the app settings and use it with the app id (or client id) shown there.', 'github', 401);
        }
        if (status === 404) {
            return new core_errors/* ApiError */.hD(`${what} is not installed on ${where}. Install the app on the ${where.includes('/') ? 'repository' : 'organization'} ` +
                '(Settings › GitHub Apps › Configure) with access to every target repository.', 'github', 404);
        }
        return (0,errors/* githubError */.q)(err, `find the installation of ${what} on ${where}`, 'a GitHub App installation');
    }
    async function installationClient(owner) {
        const need = needs.get(owner.toLowerCase());
        if (!need)
            throw new Error(`no target is owned by ${owner}`);
        const gh = await appClient();
        const id = await installationId(gh, need);
        const requestable = Object.keys(need.permissions).every((p) => REQUESTABLE.has(p));
        const body = {
            ...(need.repositories.length ? { repositories: need.repositories } : {}),
            ...(requestable ? { permissions: need.permissions } : {}),
        };
        let token;
        try {
            const res = await gh.request('POST /app/installations/{installation_id}/access_tokens', {
                installation_id: id,
                ...body,
            });
            token = res.data.token;
        }
        catch (err) {
            const status = err.status;
            if (status === 422) {
                const perms = Object.entries(need.permissions)
                    .map(([p, level]) => `${p}: ${level}`)
                    .join(', ');
                const repos = need.repositories.length ? ` on repositories ${need.repositories.join(', ')}` : '';
                throw new core_errors/* ApiError */.hD(`${what} cannot get a token for ${need.owner} (${(0,core_errors/* errorMessage */.gJ)(err)}). Its installation on ${need.owner} needs ` +
                    `the permissions ${perms}${repos}; change the app's permissions (and accept them on the installation) or its repository access.`, 'github', 422);
            }
            throw appError(err, need.owner);
        }
        options.log.mask(token);
        const client = await createGitHub({ ...options, token });
        minted.push(client);
        return client;
    }
    return {
        client(owner) {
            const key = owner.toLowerCase();
            let client = clients.get(key);
            if (!client) {
                client = installationClient(owner);
                clients.set(key, client);
            }
            return client;
        },
        async close() {
            // Installation tokens live an hour; revoking them now leaves nothing usable behind the run. A failed
            // plan can end the run while another owner's token is still being minted: wait for it too.
            await Promise.allSettled(clients.values());
            await Promise.all(minted.map(async (gh) => {
                try {
                    await gh.request('DELETE /installation/token');
                }
                catch (err) {
                    options.log.warning(`Could not revoke an installation token of ${what} (it expires within an hour): ${(0,core_errors/* errorMessage */.gJ)(err)}`);
                }
            }));
            minted.length = 0;
        },
    };
}

// EXTERNAL MODULE: ./src/inputs/url.ts
var url = __webpack_require__(6344);
// EXTERNAL MODULE: ./src/net/proxy.ts
var proxy = __webpack_require__(1987);
// EXTERNAL MODULE: ./src/run/execute.ts + 21 modules
var execute = __webpack_require__(2287);
;// CONCATENATED MODULE: ./src/run/services.ts
// Builds the Fly and GitHub clients a run needs from its credentials and the environment.







/**
 * `githubApiUrl`: the action passes its run context's (@actions/github `context.apiUrl`); the CLI and
 * in-process tests leave it to GITHUB_API_URL in `env`.
 */
function createServices(spec, env, log, githubApiUrl = env.GITHUB_API_URL) {
    const flyBase = (0,url/* apiBaseUrl */.tj)(env.FLY_API_BASE_URL || 'https://api.fly.io', 'FLY_API_BASE_URL');
    const githubBase = (0,url/* apiBaseUrl */.tj)(githubApiUrl || 'https://api.github.com', 'GITHUB_API_URL');
    // A proxy variable that cannot be honoured fails the run here, before any request (never a direct one).
    (0,proxy/* proxySettings */.E)(env);
    // Tests shorten backoff with FLY_TOKEN_ROTATOR_RETRY_BASE_MS; Retry-After from either API is still honoured.
    const retryBaseMs = Number(env.FLY_TOKEN_ROTATOR_RETRY_BASE_MS) || undefined;
    const timeoutMs = spec.requestTimeoutMs;
    // One deadline for the whole run, from now: every request of both clients is cut when it fires.
    const signals = (0,budget/* runSignals */.XG)(spec.timeoutMs ?? (0,budget/* defaultTimeoutMs */.xO)(spec.rotations.length, spec.concurrency ?? execute.DEFAULT_CONCURRENCY));
    const signal = signals.run;
    const fly = new FlyClient({
        baseUrl: flyBase,
        token: spec.credentials.fly,
        timeoutMs,
        retryBaseMs,
        signal,
    });
    const clientOptions = {
        baseUrl: githubBase,
        pacing: env.FLY_TOKEN_ROTATOR_GITHUB_PACING !== 'off',
        timeoutMs,
        retryBaseMs,
        signal,
        log: { warning: log.warning, mask: log.mask ?? (() => { }) },
    };
    // With a GitHub App, each target owner gets its own installation token (GHES too: all follow GITHUB_API_URL).
    const app = spec.credentials.githubApp;
    const access = app
        ? appAccess(app, spec.rotations.flatMap((r) => r.targets), clientOptions)
        : tokenAccess(spec.credentials.github, clientOptions);
    return {
        fly,
        signals,
        canReadTargets: Boolean(spec.credentials.github || app),
        github: (target) => access.client((0,github_targets/* targetOwner */.zM)(target)),
        close: () => access.close(),
    };
}


/***/ })

};
