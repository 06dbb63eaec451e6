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


/***/ })

};
