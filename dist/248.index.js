export const id = 248;
export const ids = [248];
export const modules = {

/***/ 4248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connect: () => (/* binding */ connect)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/mask.ts
var mask = __webpack_require__(9239);
// EXTERNAL MODULE: ./src/command/argv.ts
var argv = __webpack_require__(7195);
;// CONCATENATED MODULE: ./src/command/env.ts
// A command target runs someone else's program. It gets the token it is meant to store on standard input, and
// none of the credentials this tool holds: a program that logs its environment, or is compromised, must not
// leak the Fly credential that mints tokens or the forge tokens that write every other secret.
/**
 * Variables that carry a credential of this tool itself or of the runner; a command target never sees them.
 * The stores' credential variables (GITLAB_TOKEN\u2026) come from their descriptors (../stores.ts) with each run.
 */
const CREDENTIAL_VARIABLES = [
    'FLY_API_TOKEN',
    // The bot's GitHub App key, as docs/bot.md names its secret.
    'FLY_ROTATOR_APP_PRIVATE_KEY',
    // The runner's own tokens: the cache and artifact service, and the OIDC token endpoint.
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];
/** The runner passes every input of an action as INPUT_<NAME>, and the action's inputs hold credentials. */
const CREDENTIAL_PREFIXES = ['INPUT_'];
/**
 * The environment a command target runs with: `parent` without the credentials above and `also` (the run's
 * stores' credential variables).
 */
function childEnvironment(parent, also = []) {
    const names = new Set([...CREDENTIAL_VARIABLES, ...also].map((n) => n.toUpperCase()));
    // Windows treats variable names case-insensitively, so `github_token` is the same variable there.
    const isCredential = (name) => {
        const upper = name.toUpperCase();
        return names.has(upper) || CREDENTIAL_PREFIXES.some((p) => upper.startsWith(p));
    };
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value !== undefined && !isCredential(name))
            env[name] = value;
    }
    return env;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/command/output.ts
// What a command target prints is kept for the log, up to a cap: a program that floods its output must not
// exhaust the run's memory. The cap can fall in the middle of a line, and that line may hold the token the
// program was given (echoed back, or in a debug dump): a cut token no longer matches the scrubber's masks, so a
// line cut by the cap is dropped whole, never printed in part.
const OUTPUT_CAP_BYTES = 64 * 1024;
class Capture {
    cap;
    chunks = [];
    bytes = 0;
    /** The program wrote more than the cap; the rest was read and thrown away. */
    truncated = false;
    constructor(cap = OUTPUT_CAP_BYTES) {
        this.cap = cap;
    }
    add(chunk) {
        const room = this.cap - this.bytes;
        if (chunk.length > room)
            this.truncated = true;
        if (room <= 0)
            return;
        const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
        this.chunks.push(kept);
        this.bytes += kept.length;
    }
    /** The complete lines written, without their line ends; a line the cap cut is left out. */
    lines() {
        // Invalid UTF-8 becomes U+FFFD rather than failing: the output is only shown, never parsed.
        const text = new TextDecoder().decode(Buffer.concat(this.chunks));
        const lines = text.split(/\r?\n/);
        // After a final line end, split leaves one empty string; after a cut, the unfinished line.
        const last = lines.pop();
        if (last && !this.truncated)
            lines.push(last);
        return lines;
    }
}

;// CONCATENATED MODULE: ./src/command/run.ts
// Runs one program with a value on its standard input, bounded in time. On POSIX the program leads a process
// group of its own, so a timeout stops what it started too (a wrapper script's `vault`, say), not just the
// wrapper: SIGTERM to the group first, SIGKILL to the group when it has not ended after a grace period.


const GROUPS = process.platform !== 'win32';
/** How long output may keep arriving after the program exited (from something it started) before it is cut. */
const DRAIN_MS = 500;
/** Runs argv (no shell) with `input` written to its standard input, which is then closed. Never rejects. */
function runWithInput(argv, input, options) {
    const stdout = new Capture(options.outputCap);
    const stderr = new Capture(options.outputCap);
    if (options.signal?.aborted)
        return Promise.resolve({ ending: { kind: 'not-started', aborted: true }, stdout, stderr });
    let child;
    try {
        child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
            shell: false,
            env: options.env,
            cwd: options.cwd,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: GROUPS,
            windowsHide: true,
        });
    }
    catch (err) {
        // Arguments spawn refuses outright (a NUL byte): the program never started.
        return Promise.resolve({ ending: { kind: 'not-started', code: errnoName(err) }, stdout, stderr });
    }
    return new Promise((resolve) => {
        let exited;
        let stoppedBy;
        let done = false;
        const timers = [];
        const finish = (ending) => {
            if (done)
                return;
            done = true;
            for (const t of timers)
                clearTimeout(t);
            options.signal?.removeEventListener('abort', onAbort);
            // Whatever still holds the pipes (a daemon the program left behind) no longer keeps this run waiting.
            child.stdout?.destroy();
            child.stderr?.destroy();
            child.stdin?.destroy();
            resolve({ ending, stdout, stderr });
        };
        const kill = (sig) => {
            try {
                if (GROUPS && child.pid !== undefined)
                    process.kill(-child.pid, sig);
                else
                    child.kill(sig);
            }
            catch {
                // The group is already gone.
            }
        };
        const stop = (why) => {
            if (exited) {
                // The program had ended; only its output was still open. Its result stands.
                finish(exited);
                return;
            }
            if (stoppedBy)
                return;
            stoppedBy = why;
            kill('SIGTERM');
            // Not cleared when the run finishes: what the program started may outlive it and ignore SIGTERM.
            setTimeout(() => kill('SIGKILL'), options.killGraceMs);
        };
        const onAbort = () => stop('aborted');
        timers.push(setTimeout(() => stop('timeout'), options.timeoutMs));
        options.signal?.addEventListener('abort', onAbort, { once: true });
        child.stdout.on('data', (chunk) => stdout.add(chunk));
        child.stderr.on('data', (chunk) => stderr.add(chunk));
        // A program that exits without reading all of its input closes the pipe under the write (EPIPE); its
        // exit status still tells what happened.
        child.stdin.on('error', () => { });
        child.stdin.end(input);
        child.on('error', (err) => {
            // Spawn failures (ENOENT, EACCES) come here without a pid; after a start, errors are a failed kill.
            if (child.pid === undefined)
                finish({ kind: 'not-started', code: errnoName(err) });
        });
        child.on('exit', (code, signal) => {
            if (stoppedBy)
                exited = { kind: 'stopped', why: stoppedBy };
            else if (code !== null)
                exited = { kind: 'exited', code };
            else
                exited = { kind: 'signalled', signal: signal ?? 'unknown signal' };
            const ending = exited;
            timers.push(setTimeout(() => finish(ending), DRAIN_MS));
        });
        child.on('close', () => {
            if (exited)
                finish(exited);
        });
    });
}
function errnoName(err) {
    const code = err.code;
    return typeof code === 'string' ? code : undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/command/which.ts
// Finds a command target's program before anything is minted, the way the spawn will: a name with a slash is a
// path (relative to the working directory), any other name is looked up in the PATH the program will run with.
// A typo then fails the run while the old token is still the only one.



const WINDOWS = process.platform === 'win32';
// What spawn searches when the environment has no PATH at all: the same two folders on Linux (glibc's execvp,
// /bin first) and macOS (libuv's own search, /usr/bin first).
const DEFAULT_PATH = '/usr/bin:/bin';
/** The PATH entry of `env`; Windows spells the name in any case. */
function searchPath(env) {
    if (!WINDOWS)
        return env.PATH;
    const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
    return key === undefined ? undefined : env[key];
}
/** Whether `file` is a regular file this process may execute (or, when not, why not). */
async function check(file) {
    try {
        if (!(await (0,promises_.stat)(file)).isFile())
            return 'missing';
    }
    catch {
        return 'missing';
    }
    try {
        await (0,promises_.access)(file, external_node_fs_.constants.X_OK);
        return 'ok';
    }
    catch {
        return 'not-executable';
    }
}
/** Names to try for one PATH entry: Windows runs `vault.exe` for `vault` (spawn without a shell runs no .cmd). */
function candidates(dir, program) {
    const file = external_node_path_default().join(dir, program);
    return WINDOWS && external_node_path_default().extname(program) === '' ? [`${file}.exe`, `${file}.com`, file] : [file];
}
/** Resolves `program` as execvp would, against the PATH of `env` and the directory `cwd`. */
async function findProgram(program, env, cwd) {
    const hasDir = program.includes('/') || (WINDOWS && program.includes('\\'));
    if (hasDir) {
        const state = await check(external_node_path_default().resolve(cwd, program));
        if (state === 'ok')
            return { found: external_node_path_default().resolve(cwd, program) };
        return { reason: state === 'missing' ? 'does not exist' : 'is not executable' };
    }
    const searched = searchPath(env) ?? DEFAULT_PATH;
    let blocked;
    for (const entry of searched.split((external_node_path_default()).delimiter)) {
        // An empty PATH entry means the working directory, as it does for execvp.
        const dir = external_node_path_default().resolve(cwd, entry === '' ? '.' : entry);
        for (const file of candidates(dir, program)) {
            const state = await check(file);
            if (state === 'ok')
                return { found: file };
            // execvp goes on past a file it may not run; it reports EACCES only when nothing later runs.
            if (state === 'not-executable')
                blocked ??= file;
        }
    }
    if (blocked)
        return { reason: `is not executable (${blocked})` };
    return { reason: `is not found on PATH (${searched})` };
}

;// CONCATENATED MODULE: ./src/command/writer.ts
// The command target: a program the user names (Vault, 1Password, Doppler, a script) is given the token on its
// standard input and says by its exit status whether it stored it: exit 0 means stored. Anything else that
// happened after the program started is ambiguous, a non-zero exit included: real tools exit non-zero when the
// answer to a write they sent was lost (Vault 2, Doppler 1), so a failure cannot prove the old value is still
// there, and the protocol then keeps both the previous and the new token valid. Only a program that never
// started proves nothing was stored. The writer reports those facts; core/evidence.ts decides.






const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
const DEFAULT_KILL_GRACE_MS = 2_000;
/** How much of the program's last output line an error quotes. */
const QUOTED_CHARS = 200;
class CommandTarget {
    label;
    proof = 'none';
    argv;
    /** Names the target in log lines: the spec's `secret` (by default the program's name). */
    name;
    constructor(spec) {
        this.argv = [...spec.argv];
        this.name = spec.secret;
        this.label = `command ${(0,argv/* describeArgv */.w)(spec.argv)}`;
    }
    get program() {
        return this.argv[0];
    }
}
class CommandWriter {
    options;
    targets;
    env;
    timeoutMs;
    killGraceMs;
    constructor(specs, options) {
        this.options = options;
        this.targets = specs.map((spec) => new CommandTarget(spec));
        this.env = childEnvironment(options.env ?? process.env, options.credentialVariables);
        this.timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
        this.killGraceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    }
    /** Every program must exist and be executable before a token is minted; all missing ones are named at once. */
    async prepare() {
        const cwd = this.options.cwd ?? process.cwd();
        const problems = [];
        for (const program of new Set(this.targets.map((t) => t.program))) {
            const found = await findProgram(program, this.env, cwd);
            if ('reason' in found)
                problems.push(new errors/* InputError */.dz(`command target program \`${program}\` ${found.reason}.`));
        }
        if (problems.length === 1)
            throw problems[0];
        if (problems.length > 1)
            throw new errors/* InputErrors */.G(problems);
    }
    /** Nothing to get ready: a program starts when it is run. */
    warmUp() { }
    /** Runs every program at once; each reports its own outcome. */
    store(token, signal) {
        return Promise.all(this.targets.map((target) => this.storeOne(target, token.header, signal)));
    }
    /** A program cannot be asked what it holds. */
    async evidence() {
        return this.targets.map(() => ({ proof: 'none' }));
    }
    async storeOne(target, value, signal) {
        const run = await runWithInput(target.argv, value, {
            env: this.env,
            timeoutMs: this.timeoutMs,
            killGraceMs: this.killGraceMs,
            signal,
            ...(this.options.cwd ? { cwd: this.options.cwd } : {}),
        });
        // The run's scrubber masks the token too, but only once the log has learnt it: cut it out here as well.
        const forms = (0,mask/* tokenForms */.py)(value);
        const more = this.options.scrub ?? ((text) => text);
        const scrub = (text) => more((0,mask/* cutOut */.r1)(text, forms));
        const stdout = this.emit(target, 'stdout', run.stdout, scrub);
        const stderr = this.emit(target, 'stderr', run.stderr, scrub);
        return this.outcome(target, run.ending, stderr.at(-1) ?? stdout.at(-1));
    }
    /** Logs one stream's lines, scrubbed; returns them (scrubbed, non-empty) for the error message. */
    emit(target, stream, output, scrub) {
        const shown = [];
        for (const line of output.lines()) {
            const safe = scrub(line);
            this.options.log(`${target.name} ${stream}: ${safe}`);
            if (safe.trim())
                shown.push(safe.trim());
        }
        if (output.truncated)
            this.options.log(`${target.name} ${stream}: (more output was cut: only the first 64 KiB are kept)`);
        return shown;
    }
    outcome(target, ending, lastLine) {
        const said = lastLine ? `: ${cut(lastLine)}` : '';
        const seconds = `${Math.round(this.timeoutMs / 100) / 10} s`;
        // Facts for the rule of evidence (core/evidence.ts): a program that started may have stored the value.
        const started = { answers: [{ lost: 'failed' }] };
        switch (ending.kind) {
            case 'exited':
                if (ending.code === 0)
                    return { target, result: 'updated' };
                return {
                    target,
                    error: `${target.label} exited with status ${ending.code}${said}; it may still have stored the token`,
                    facts: started,
                };
            case 'signalled':
                return {
                    target,
                    error: `${target.label} was killed by ${ending.signal}${said}; it may have stored the token`,
                    facts: started,
                };
            case 'stopped':
                return {
                    target,
                    error: ending.why === 'timeout'
                        ? `${target.label} did not finish within ${seconds} and was stopped; it may have stored the token`
                        : `${target.label} was stopped when the run's time ran out; it may have stored the token`,
                    facts: started,
                };
            case 'not-started':
                return { target, error: notStarted(target, ending, this.env), facts: { answers: [] } };
        }
    }
}
function notStarted(target, ending, env) {
    if (ending.aborted)
        return `${target.label} was not started: the run's time had run out`;
    const program = `\`${target.program}\``;
    if (ending.code === 'ENOENT')
        return `${target.label} could not start: program ${program} is not found (PATH ${searchPath(env) ?? 'is not set'})`;
    if (ending.code === 'EACCES')
        return `${target.label} could not start: program ${program} is not executable`;
    return `${target.label} could not start program ${program}${ending.code ? ` (${ending.code})` : ''}`;
}
function cut(line) {
    const chars = Array.from(line);
    return chars.length <= QUOTED_CHARS ? line : `${chars.slice(0, QUOTED_CHARS - 1).join('')}\u2026`;
}

;// CONCATENATED MODULE: ./src/command/connect.ts

function connect(credentials, ctx) {
    const { timeoutMs } = (credentials ?? {});
    return {
        canRead: true,
        // Output lines are made printable by the run's log; the writer cuts the token out of them itself.
        writer: (targets) => new CommandWriter(targets, {
            log: (line) => ctx.log.info?.(line),
            ...(timeoutMs ? { timeoutMs } : {}),
            credentialVariables: ctx.credentialVariables,
        }),
    };
}


/***/ })

};
