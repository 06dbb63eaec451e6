export const id = 702;
export const ids = [702];
export const modules = {

/***/ 6702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHub: () => (/* binding */ createGitHub)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3934);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _core_budget_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4782);
/* harmony import */ var _net_fetch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9819);





/** The throttling plugin's own test for a rate limit it waits out (or gave up on): not ours to retry. */
const rateLimited = (err) => /\bsecondary rate\b/i.test(err.message ?? '') || err.response?.headers?.['x-ratelimit-remaining'] === '0';
/**
 * Tells @octokit/plugin-retry what it cannot see, through its documented per-request `retries` and
 * `retryRequest`. Runs between the throttling plugin (inner) and plugin-retry (outer). A request our transport
 * refused (redirect, oversized answer) is final. A 429 the throttling plugin did not claim waits what
 * Retry-After says: plugin-retry's own wait (1, 4, 9\u2026 \u00d7 base) ignores it, and 429 is in doNotRetry so that
 * plugin-retry passes this verdict on instead of replacing it.
 */
function retryHints(octokit, octokitOptions) {
    const { retries = 3, retryAfterBaseValue = 1000 } = octokitOptions.retry ?? {};
    // The run's deadline (see createGitHub), which every wait must fit before.
    const signal = octokitOptions.request?.signal;
    // Each attempt's answer, for a caller that asks (request.answers): the facts of the rule of evidence.
    octokit.hook.after('request', (response, options) => {
        options.request.answers?.push({ status: response.status });
    });
    octokit.hook.error('request', async (error, options) => {
        const request = options.request;
        const err = error;
        request.answers?.push(err.cause instanceof _net_fetch_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .wX
            ? { lost: 'bad-reply' }
            : typeof err.status === 'number' && err.response
                ? { status: err.status }
                : { lost: 'reset' });
        // Refused by our transport, or the run's deadline has passed: no retry.
        if (err.cause instanceof _net_fetch_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .wX || request.signal?.aborted || signal?.aborted)
            request.retries = 0;
        // No server there (refused) or no such name: one more try covers a blip; three with backoff (14 s) only
        // delay the message.
        if (!err.response && unreachable(err.cause))
            request.retries = Math.min(request.retries ?? retries, 1);
        const backoff = ((request.retryCount ?? 0) + 1) ** 2 * retryAfterBaseValue;
        if (err.status === 429 && !rateLimited(err)) {
            const asked = Number(err.response?.headers?.['retry-after']) * 1000;
            const wait = Number.isFinite(asked) && asked > backoff ? Math.min(asked, 120_000) : backoff;
            // A wait that cannot fit before the deadline: give up now and settle what is known (a 429 wrote nothing).
            if (wait >= (0,_core_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .remainingMs */ .XW)(signal, request.signal))
                throw error;
            const { retryRequest } = octokit.retry;
            throw retryRequest(error, request.retries ?? retries, wait / retryAfterBaseValue);
        }
        // plugin-retry's own backoff (5xx, resets) must fit too.
        if (backoff >= (0,_core_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .remainingMs */ .XW)(signal, request.signal))
            request.retries = 0;
        throw error;
    });
}
/** The code of a connection that could not be made, on the fetch error octokit keeps as its cause. */
function unreachable(cause) {
    const code = cause?.cause?.code;
    return code === 'ECONNREFUSED' || code === 'ENOTFOUND';
}
/** A throttling group that runs every job at once: the 1 s write spacing, without the spacing. */
const unpaced = {
    key: () => ({
        schedule: (_opts, fn, ...args) => Promise.resolve().then(() => fn(...args)),
    }),
};
/**
 * One REST client per credential, from @actions/github: retries transient failures (5xx, resets, timeouts,
 * 429) with bounded backoff through @octokit/plugin-retry, waits out rate limits as long as GitHub's
 * Retry-After says through @octokit/plugin-throttling, paces writes, and times out every request. With pacing
 * off the throttling plugin stays on, so rate limits are handled exactly as in production.
 */
function createGitHub(options) {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const retries = options.retries ?? 3;
    const retryOnLimit = (what) => (after, req, _o, count) => {
        if (after > 120) {
            options.log?.warning(`GitHub ${what} on ${req.method} ${req.url} asks to wait ${after} s; giving up.`);
            return false;
        }
        // A wait that cannot fit before the run's deadline: give up now and settle what is known.
        if (after * 1000 >= (0,_core_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .remainingMs */ .XW)(options.signal)) {
            options.log?.warning(`GitHub ${what} on ${req.method} ${req.url} asks to wait ${after} s, longer than the run has left; giving up.`);
            return false;
        }
        options.log?.warning(`GitHub ${what} on ${req.method} ${req.url}; retrying in ${after} s.`);
        return count < retries;
    };
    // Plugins apply in order and the last wraps outermost: throttling sees a rate limit first, then the hints,
    // then plugin-retry.
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__.getOctokit)(options.token, {
        baseUrl: options.baseUrl,
        userAgent: 'fly-token-rotator',
        retry: {
            retries,
            retryAfterBaseValue: options.retryBaseMs ?? 1000,
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
        },
        throttle: {
            onRateLimit: retryOnLimit('rate limit'),
            onSecondaryRateLimit: retryOnLimit('secondary rate limit'),
            fallbackSecondaryRateRetryAfter: 5,
            // Duck-typed groups: the plugin only calls key().schedule() on them.
            ...(options.pacing ? {} : { write: unpaced, notifications: unpaced }),
        },
        // Our transport instead of the proxy fetch @actions/github sets up (../net/proxy.ts says why): it also
        // refuses redirects and caps bodies.
        request: {
            // A request's own signal (a write cut at the work deadline), the run's deadline, its own timeout.
            fetch: (url, init) => fetchChecked(url, init, (0,_core_budget_js__WEBPACK_IMPORTED_MODULE_1__/* .withRunSignal */ .Ay)(anySignal(init.signal, options.signal), timeoutMs)),
            ...(options.signal ? { signal: options.signal } : {}),
        },
    }, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A, retryHints, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L);
}
/**
 * Refuses a JSON answer that does not parse (a proxy cutting a reply short). Octokit would hand such a body
 * over as a string; thrown here, it becomes a network error that plugin-retry retries.
 */
const anySignal = (a, b) => (a && b ? AbortSignal.any([a, b]) : a || b);
async function fetchChecked(url, init, signal) {
    const res = await (0,_net_fetch_js__WEBPACK_IMPORTED_MODULE_2__/* .apiFetch */ .nr)(url, { ...init, signal });
    if (!/\bjson\b/i.test(res.headers.get('content-type') ?? ''))
        return res;
    const text = await res.text();
    if (text !== '') {
        try {
            JSON.parse(text);
        }
        catch {
            throw new Error(`GitHub sent HTTP ${res.status} with a body that is not valid JSON`);
        }
    }
    return (0,_net_fetch_js__WEBPACK_IMPORTED_MODULE_2__/* .withBody */ .dC)(res, text);
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


/***/ })

};
