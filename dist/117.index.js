export const id = 117;
export const ids = [117];
export const modules = {

/***/ 3014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ retryableStatus),
/* harmony export */   RL: () => (/* binding */ judgeWrite),
/* harmony export */   nO: () => (/* binding */ judgeAnswers)
/* harmony export */ });
/* unused harmony exports STATUS_MEANINGS, meaningOf */
/* harmony import */ var _holdings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5399);
// The rule of evidence: the one place that decides whether a write landed, for every store. Writers report
// facts (each answer their write got, what the store's own check found after a 2xx); the targets report what
// they hold, read before and after the write (interfaces.ts: Evidence); this module alone turns those facts
// into landed, not landed or unknown. docs/safety.md has the same rule as a table.

/** The statuses that do not mean what their class says, as data; every other 4xx is `refused`. */
const STATUS_MEANINGS = {
    408: 'lost',
    429: 'not-applied',
};
function meaningOf(answer) {
    if ('lost' in answer)
        return 'lost';
    const { status } = answer;
    const special = STATUS_MEANINGS[status];
    if (special)
        return special;
    if (status >= 200 && status < 300)
        return 'written';
    if (status >= 400 && status < 500)
        return 'refused';
    // 5xx, and anything a store never sends (1xx, 3xx): cannot prove the request was not applied.
    return 'lost';
}
/** Whether an attempt that got this status may be repeated at all: the answer did not settle the request. */
function retryableStatus(status) {
    const m = meaningOf({ status });
    return m === 'lost' || m === 'not-applied';
}
/** From the answers alone: `undefined` when they cannot settle it and the target must be read. */
function judgeAnswers(facts) {
    const meanings = facts.answers.map(meaningOf);
    if (meanings.includes('written') && facts.undone) {
        return {
            verdict: 'not-landed',
            why: `the store accepted the write (HTTP 2xx), then ${facts.afterAccepted ?? 'it was misplaced'}; the writer took it back`,
        };
    }
    if (meanings.includes('written')) {
        return {
            verdict: 'landed',
            why: facts.afterAccepted
                ? `the store accepted the write (HTTP 2xx), then ${facts.afterAccepted}`
                : 'the store accepted the write',
        };
    }
    if (meanings.includes('lost'))
        return undefined;
    return {
        verdict: 'not-landed',
        why: meanings.length
            ? 'every attempt was turned down before anything was written'
            : 'no request was sent',
    };
}
/** The one rule: landed, not landed or unknown, from the write's answers and what the target says. */
function judgeWrite(facts, ctx) {
    const settled = judgeAnswers(facts);
    if (settled)
        return settled;
    const { after, before, token } = ctx;
    if (!after)
        return { verdict: 'unknown', why: 'the target could not be read to tell whether it landed' };
    switch (after.proof) {
        case 'timestamp':
            return judgeTimestamp(after.updatedAt, before?.proof === 'timestamp' ? before : undefined, ctx);
        case 'read-back': {
            if (!after.exists)
                return { verdict: 'not-landed', why: 'read again, it does not exist' };
            const ours = after.matches ?? after.tokenId === token.id;
            return ours
                ? { verdict: 'landed', why: `read again, it holds token ${token.id}` }
                : {
                    verdict: 'not-landed',
                    why: `read again, it ${after.tokenId ? `holds token ${after.tokenId}` : 'holds a value this action did not write'}`,
                };
        }
        case 'none':
            return after.exists === false
                ? { verdict: 'not-landed', why: 'read again, it does not exist' }
                : { verdict: 'unknown', why: 'it cannot say what it holds' };
    }
}
/**
 * A timestamp target (GitHub's updated_at, whole seconds): compared with the value read before the write.
 * Unchanged, the write did not land, unless the write before it can fall in the same second of GitHub's clock
 * (then a landed write leaves the same updated_at). Changed, it landed, unless another writer may have written.
 */
function judgeTimestamp(updatedAt, before, ctx) {
    if (updatedAt === undefined)
        return { verdict: 'not-landed', why: 'read again, the secret does not exist' };
    const at = Date.parse(updatedAt);
    if (!before) {
        // Without the time from before, only a write older than the mint is proof.
        if (at < Date.parse(ctx.token.createdAt) - _holdings_js__WEBPACK_IMPORTED_MODULE_0__/* .CLOCK_SKEW_MS */ .rn)
            return {
                verdict: 'not-landed',
                why: `read again, it was last updated at ${updatedAt}, before ${ctx.token.id} was minted`,
            };
        return {
            verdict: 'unknown',
            why: `it was last updated at ${updatedAt}, and what it said before the write could not be read, so that may be another write`,
        };
    }
    if (before.updatedAt === updatedAt) {
        // The write came after the mint, so Fly's createdAt bounds when it began, on a server's clock that agrees
        // with GitHub's within CLOCK_SKEW_MS; this machine's own clock is no measure of GitHub's.
        if (at >= Date.parse(ctx.token.createdAt) - _holdings_js__WEBPACK_IMPORTED_MODULE_0__/* .CLOCK_SKEW_MS */ .rn)
            return {
                verdict: 'unknown',
                why: `its updated_at (${updatedAt}) did not change, but the write before it was so recent that both can fall in the same second of the store's clock`,
            };
        return { verdict: 'not-landed', why: `its updated_at (${updatedAt}) did not change` };
    }
    if (ctx.rivals)
        return {
            verdict: 'unknown',
            why: `its updated_at changed to ${updatedAt}, but another rotation was writing at the same time`,
        };
    return {
        verdict: 'landed',
        why: `its updated_at changed from ${before.updatedAt ?? '(no secret)'} to ${updatedAt}`,
    };
}


/***/ }),

/***/ 5399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ heldIds),
/* harmony export */   Vo: () => (/* binding */ lastWrittenAt),
/* harmony export */   rn: () => (/* binding */ CLOCK_SKEW_MS),
/* harmony export */   wx: () => (/* binding */ holdingFrom)
/* harmony export */ });
/* unused harmony exports holdingOf, describeEvidence */
/* harmony import */ var _live_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8045);

/** How far Fly's and GitHub's clocks may disagree, one-second resolution of both included. */
const CLOCK_SKEW_MS = 5_000;
const created = (t) => Date.parse(t.createdAt);
/** `tokens`: every managed token of the scope, revoked and expired ones too (a target can hold those). */
function holdingFrom(target, evidence, tokens, now = Date.now()) {
    if (evidence.proof === 'timestamp')
        return holdingOf(target, evidence.updatedAt, tokens);
    if (evidence.exists === false)
        return { target, exists: false, possible: [] };
    if (evidence.proof === 'read-back' && evidence.tokenId !== undefined) {
        const token = tokens.find((t) => t.id === evidence.tokenId);
        return { target, exists: true, ...(token ? { token } : {}), possible: token ? [token] : [] };
    }
    const valid = tokens.filter((t) => (0,_live_js__WEBPACK_IMPORTED_MODULE_0__/* .isLive */ .D)(t, now));
    const newest = valid.at(-1);
    return {
        target,
        ...(evidence.exists ? { exists: true } : {}),
        unproven: true,
        ...(newest ? { token: newest } : {}),
        possible: valid,
    };
}
/** A timestamp target's holding, from its updated_at (see the rule above). */
function holdingOf(target, updatedAt, tokens) {
    if (updatedAt === undefined)
        return { target, exists: false, possible: [] };
    const written = Date.parse(updatedAt);
    const sorted = [...tokens].sort((a, b) => created(a) - created(b) || a.id.localeCompare(b.id));
    const token = sorted.filter((t) => created(t) <= written + CLOCK_SKEW_MS).at(-1);
    if (!token)
        return { target, updatedAt, exists: true, possible: [] };
    const near = sorted.filter((t) => Math.abs(created(t) - written) <= CLOCK_SKEW_MS);
    const before = created(token) > written ? sorted.filter((t) => created(t) <= written).at(-1) : undefined;
    const possible = [...new Set([...(before ? [before] : []), ...near, token])];
    return { target, updatedAt, exists: true, token, possible };
}
/** What evidence says about a target, for messages: "last updated at \u2026", "does not exist", "holds another token". */
function describeEvidence(evidence) {
    if (evidence.proof === 'timestamp')
        return evidence.updatedAt ? `was last updated at ${evidence.updatedAt}` : 'does not exist';
    if (evidence.exists === false)
        return 'does not exist';
    if (evidence.proof === 'read-back')
        return evidence.tokenId ? `holds token ${evidence.tokenId}` : 'holds a value this action did not write';
    return 'cannot say what it holds';
}
/**
 * The moment by which every target had been written at least once (the oldest updated_at), or 0 when a target
 * has never been written or cannot say when it was (then young previous tokens are left for a later run).
 */
function lastWrittenAt(evidence) {
    let oldest = Number.POSITIVE_INFINITY;
    for (const e of evidence) {
        if (e.proof !== 'timestamp' || e.updatedAt === undefined)
            return 0;
        oldest = Math.min(oldest, Date.parse(e.updatedAt));
    }
    return Number.isFinite(oldest) ? oldest : 0;
}
/** The ids some target may hold, each with the labels of the targets that may hold it. */
function heldIds(holdings) {
    const out = new Map();
    for (const h of holdings) {
        const who = h.unproven ? `${h.target} (which cannot say which token it holds)` : h.target;
        for (const t of h.possible)
            out.set(t.id, [...(out.get(t.id) ?? []), who]);
    }
    return out;
}


/***/ }),

/***/ 8045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ isLive),
/* harmony export */   u: () => (/* binding */ endedAt)
/* harmony export */ });
/** Not revoked, and not past its expiry at `now` (ms). */
function isLive(t, now = Date.now()) {
    return !t.revokedAt && Date.parse(t.expiresAt) > now;
}
/** Why a token that is not live stopped working, for messages: "revoked at \u2026" or "expired at \u2026". */
function endedAt(t) {
    return t.revokedAt ? `revoked at ${t.revokedAt}` : `expired at ${t.expiresAt}`;
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
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(486);
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
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${name} "${(0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(raw)}" is not a proxy URL. Expected http://host:port or https://host:port.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${name} names a ${url.protocol.slice(0, -1)} proxy; only http:// and https:// proxies are supported. ` +
            'Unset it or point it at an HTTP proxy: requests are never sent around a proxy that cannot be used.');
    if (!url.hostname)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${name} "${(0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .redactUrl */ .BO)(raw)}" names no proxy host.`);
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
    if (!proxy || (0,_url_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(url.hostname) || settings.exempt(url))
        return undefined;
    return proxy;
}


/***/ }),

/***/ 9117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   eo: () => (/* binding */ RestClient)
/* harmony export */ });
/* unused harmony export retryDelay */
/* harmony import */ var _core_budget_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4782);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_evidence_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3014);
/* harmony import */ var _fetch_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9819);
// A small JSON REST client over apiFetch for the secret stores that have no official client here (GitLab,
// Forgejo/Gitea): one credential header, a per-request timeout under the run's deadline, and retries with
// backoff for requests that are safe to repeat. Errors say which call failed and carry the HTTP status.




class RestClient {
    options;
    /** Requests sent, for benchmarks. */
    requests = 0;
    constructor(options) {
        this.options = options;
    }
    async request(req) {
        const repeatable = req.idempotent ?? req.method !== 'POST';
        return withRetries(() => this.once(req), {
            ...this.options,
            retries: repeatable ? this.options.retries : 0,
            stop: req.signal,
        });
    }
    async once(req) {
        const { serviceName, service } = this.options;
        const timeoutMs = this.options.timeoutMs ?? 30_000;
        const signal = (0,_core_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .withRunSignal */ .Ay)(this.options.signal, timeoutMs);
        this.requests++;
        let res;
        let text;
        try {
            res = await (this.options.fetch ?? _fetch_js__WEBPACK_IMPORTED_MODULE_3__/* .apiFetch */ .nr)(`${this.options.baseUrl}${req.path}`, {
                method: req.method,
                headers: {
                    [this.options.auth[0]]: this.options.auth[1],
                    accept: 'application/json',
                    'user-agent': 'fly-token-rotator',
                    ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
                },
                ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
                signal: req.signal ? AbortSignal.any([signal, req.signal]) : signal,
            });
            text = await res.text();
        }
        catch (err) {
            req.answers?.push(err instanceof _fetch_js__WEBPACK_IMPORTED_MODULE_3__/* .TransportError */ .wX
                ? { lost: 'bad-reply' }
                : {
                    lost: err.name === 'TimeoutError' || err.name === 'AbortError'
                        ? 'timeout'
                        : 'reset',
                });
            if (err instanceof _fetch_js__WEBPACK_IMPORTED_MODULE_3__/* .TransportError */ .wX)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(`${serviceName} API, trying to ${req.context}: ${err.message}`, service);
            const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransientError */ .N_(this.options.signal?.aborted
                ? `The run's timeout ran out while waiting for ${serviceName} to ${req.context}.`
                : timedOut
                    ? `${serviceName} did not answer within ${timeoutMs} ms while trying to ${req.context}.`
                    : `Could not reach ${serviceName} while trying to ${req.context}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err.cause ?? err)}`, undefined, service);
        }
        req.answers?.push({ status: res.status });
        if ((0,_core_evidence_js__WEBPACK_IMPORTED_MODULE_2__/* .retryableStatus */ .Fd)(res.status)) {
            const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
            const error = new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransientError */ .N_(`${serviceName} answered HTTP ${res.status} while trying to ${req.context}${snippet(text)}`, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined, service);
            Object.assign(error, { status: res.status });
            throw error;
        }
        let data;
        if (text) {
            try {
                data = JSON.parse(text);
            }
            catch {
                // A 2xx that is not JSON proves nothing (a proxy's page): the same as no answer.
                if (res.ok) {
                    req.answers?.splice(-1, 1, { lost: 'bad-reply' });
                    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransientError */ .N_(`${serviceName} sent a reply that is not JSON while trying to ${req.context}.`, undefined, service);
                }
            }
        }
        if (!res.ok) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD(`${serviceName} answered HTTP ${res.status} while trying to ${req.context}${snippet(messageOf(data) ?? text)}`, service, res.status);
        }
        return { status: res.status, data: data, headers: res.headers };
    }
}
/** The `message` or `error` of a JSON error body, as the APIs send them. */
function messageOf(data) {
    if (!data || typeof data !== 'object')
        return undefined;
    const { message, error } = data;
    const m = message ?? error;
    return m === undefined ? undefined : typeof m === 'string' ? m : JSON.stringify(m);
}
function snippet(text) {
    const s = text.replace(/\s+/g, ' ').trim().slice(0, 200);
    return s ? `: ${s}` : '';
}
/** Runs `call` until it succeeds, fails for good (not a TransientError), or the attempts are spent. */
async function withRetries(call, options) {
    const attempts = 1 + (options.retries ?? 3);
    let last;
    for (let attempt = 1; attempt <= attempts; attempt++) {
        try {
            return await call();
        }
        catch (err) {
            last = err;
            const wait = retryDelay(err, attempt, options.retryBaseMs ?? 250);
            // A wait that cannot fit before the deadline means giving up now, with time left to settle what is known.
            if (attempt === attempts || wait === undefined || wait >= (0,_core_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .remainingMs */ .XW)(options.signal, options.stop))
                break;
            await (options.sleep ?? ((ms) => (0,_core_budget_js__WEBPACK_IMPORTED_MODULE_0__/* .sleepWithin */ .jo)(ms, options.signal, options.stop)))(wait);
            if (options.signal?.aborted || options.stop?.aborted)
                break;
        }
    }
    throw last;
}
/** How long to wait before the next attempt, or undefined when the error is final. */
function retryDelay(err, attempt, baseMs) {
    if (!(err instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .TransientError */ .N_))
        return undefined;
    if (err.retryAfterMs !== undefined)
        return Math.min(err.retryAfterMs, 60_000);
    return baseMs * 2 ** Math.min(attempt - 1, 4);
}


/***/ })

};
