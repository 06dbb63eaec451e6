export const id = 99;
export const ids = [99];
export const modules = {

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

/***/ 9099:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createServices: () => (/* reexport */ createServices),
  execute: () => (/* reexport */ execute)
});

// EXTERNAL MODULE: ./src/core/budget.ts
var budget = __webpack_require__(4782);
// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/pool.ts
/** Runs fn over items with at most `limit` in flight; results keep the items' order. */
async function mapPool(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

// EXTERNAL MODULE: ./src/core/result.ts
var core_result = __webpack_require__(9294);
// EXTERNAL MODULE: ./src/fly/credential.ts
var credential = __webpack_require__(7444);
// EXTERNAL MODULE: ./src/run/summary.ts
var run_summary = __webpack_require__(5293);
// EXTERNAL MODULE: ./src/core/names.ts
var core_names = __webpack_require__(2483);
;// CONCATENATED MODULE: ./src/core/holdings.ts
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
    const valid = tokens.filter((t) => !t.revokedAt && Date.parse(t.expiresAt) > now);
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

;// CONCATENATED MODULE: ./src/core/previous.ts
// Which managed tokens exist, and which previous ones a rotation may revoke (the sweep).


/** Longer than any run can take with its timeouts and retries. */
const SWEEP_GRACE_MS = 15 * 60_000;
/** Managed tokens are recognised by name (see ./names.ts); this returns those still valid, oldest first. */
function managedTokens(tokens, names, now = Date.now()) {
    return allManaged(tokens, names).filter((t) => !t.revokedAt && Date.parse(t.expiresAt) > now);
}
/** Every managed token, revoked and expired ones too, oldest first. */
function allManaged(tokens, names) {
    return tokens
        .filter((t) => (0,core_names/* isManagedName */.BU)(t.name, names))
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
}
/**
 * Which previous managed tokens (oldest first) a rotation revokes: all but the newest `keepPrevious`, and none
 * created within the grace period unless every target was written after it was created (`settledAt`: then the
 * run that minted it has finished writing and cannot overwrite ours later). Orphans of crashed runs are
 * previous tokens like any other, so they go too.
 */
function choosePrevious(previous, keepPrevious, graceMs, settledAt = 0, now = Date.now()) {
    const kept = keepPrevious > 0 ? previous.slice(-keepPrevious) : [];
    const rest = previous.filter((t) => !kept.includes(t));
    const created = (t) => Date.parse(t.createdAt);
    const young = (t) => graceMs > 0 && now - created(t) < graceMs && created(t) > settledAt;
    return { doomed: rest.filter((t) => !young(t)), kept, deferred: rest.filter(young) };
}
/**
 * When previous tokens are young, reads when every target was last written (alongside the mint, so it costs
 * no round trip) to tell a finished run's token from one whose run may still be writing.
 */
function settledAt(before, input, writer, 
/** The targets' evidence, already being read (see rotate.ts): read again only without it. */
read) {
    const grace = input.sweepGraceMs ?? SWEEP_GRACE_MS;
    const anyYoung = choosePrevious(before, input.keepPrevious, grace).deferred.length > 0;
    if (!anyYoung)
        return Promise.resolve(0);
    return (read ?? writer.evidence()).then((e) => (e ? lastWrittenAt(e) : 0), () => 0);
}

;// CONCATENATED MODULE: ./src/core/revoke.ts



/**
 * Which valid tokens revoking would break, each with why: those some target may hold (naming the targets). When
 * the targets cannot be read (a credential missing, or a store failing) the run cannot tell, and says so.
 */
async function protectedTokens(tokens, managedName, readHoldings) {
    const out = new Map();
    if (!readHoldings) {
        const newest = managedTokens(tokens, managedName).at(-1);
        if (newest)
            out.set(newest.id, "without every target's credential the targets cannot be read, so the newest managed token is taken to be the one they hold");
        return out;
    }
    try {
        const held = heldIds(await readHoldings(allManaged(tokens, managedName)));
        for (const [id, targets] of held)
            out.set(id, `held by ${targets.join(', ')}`);
    }
    catch (err) {
        for (const t of managedTokens(tokens, managedName))
            out.set(t.id, `the targets could not be read to tell which token they hold (${(0,core_errors/* errorMessage */.gJ)(err)})`);
    }
    return out;
}
/**
 * Revokes tokens by id, each reported on its own. A token some target holds is refused unless `force`, since
 * revoking it breaks every job that reads the secret until the next rotation; any other (an orphan) is revoked.
 */
async function revokeTokens(ids, issuer, 
/** forceHint: how to override a refusal, in the caller's words (the CLI says --force). */
opts, log) {
    const tokens = await issuer.list();
    const byId = new Map(tokens.map((t) => [t.id, t]));
    const guarded = await protectedTokens(tokens, opts.managedName, opts.holdings);
    return Promise.all(ids.map(async (id) => {
        const t = byId.get(id);
        if (!t)
            return { id, outcome: 'unknown', detail: `no token with this id in ${issuer.scope}` };
        if (t.revokedAt)
            return { id, name: t.name, outcome: 'already revoked', detail: t.revokedAt };
        const why = guarded.get(id);
        if (why && !opts.force) {
            return {
                id,
                name: t.name,
                outcome: 'refused',
                detail: `${why}; ${opts.forceHint ?? 'set force: true to revoke it anyway'}`,
            };
        }
        if (opts.dryRun)
            return { id, name: t.name, outcome: 'would revoke' };
        try {
            await issuer.revoke(id);
            log.info(`Revoked ${id} (${t.name}).`);
            return { id, name: t.name, outcome: 'revoked' };
        }
        catch (err) {
            // Revoked by someone else between our listing and our call: Fly answers NOT_FOUND. Say so if the list agrees.
            if (err instanceof core_errors/* ApiError */.hD && err.code === 'NOT_FOUND') {
                const now = (await issuer.list().catch(() => [])).find((x) => x.id === id);
                if (now?.revokedAt)
                    return { id, name: t.name, outcome: 'already revoked', detail: now.revokedAt };
            }
            return { id, name: t.name, outcome: 'failed', detail: (0,core_errors/* errorMessage */.gJ)(err) };
        }
    }));
}

// EXTERNAL MODULE: ./src/fly/macaroon/index.ts + 9 modules
var macaroon = __webpack_require__(2036);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/held.ts
// Proof by use: the runner hands every job `${{ secrets.NAME }}`, so a job that passes those values in (input
// `held`) can say exactly which token each target holds \u2014 something GitHub never returns.
//
// Matching a value to a Fly token needs something the value and Fly's token list both show. A fingerprint of the
// value cannot be it: Fly sets a token's name when it mints the token and has no call to rename one (the schema
// has createLimitedAccessToken and deleteLimitedAccessToken, nothing that updates), and the value exists only
// once minting is done. So the link is fixed *before* minting instead: the run draws a random mark (7 hex
// digits), puts it in the token's name (`\u2026 \u00b7 run 123/1 a1b2c3 mark 1f2e3d4`) and, right after minting, into the
// value itself as a caveat that restricts nothing \u2014 a validity window from a moment long past (2001-09-09 plus
// the mark, in seconds) to the token's own expiry (see ../fly/kinds/base.ts). A held value is matched by
// reading that window back out of it. The mark is not secret (it names a Fly token, as its id does) and tells
// an attacker nothing about the value.
//
// What this proves and what it does not: a value carrying mark m is token m's value or a narrowing of it (any
// holder of a token can add caveats, so another token could be given m's caveat on purpose; this action never
// does, and nobody but a holder of a token can). A value without a mark is a token minted before marks, or one
// this action did not mint. Besides the mark, each value's fingerprint \u2014 the first 12 hex digits of SHA-256
// of the token without its `FlyV1 ` scheme, the whole comma-separated bundle as the secret holds it \u2014 is shown
// so that a person can tell values apart across runs and targets; it is never used to decide anything.

/** Hex digits of a mark: 28 bits, enough to tell apart the tokens one scope ever lists. */
const MARK_DIGITS = 7;
/** The mark's window starts this many seconds after the Unix epoch plus the mark: 2001 to 2010, long past. */
const MARK_EPOCH_S = 1_000_000_000;
const MARK_SPAN = 2 ** (4 * MARK_DIGITS);
const MARK_IN_NAME = new RegExp(`(?:^|\\s)mark ([0-9a-f]{${MARK_DIGITS}})$`);
function newMark() {
    return ((0,external_node_crypto_.randomBytes)(4).readUInt32BE(0) % MARK_SPAN).toString(16).padStart(MARK_DIGITS, '0');
}
/** The run's identity with a mark appended: the per-run part of a minted token's name. */
function markedIdentity(identity, mark = newMark()) {
    return `${identity} mark ${mark}`;
}
/** The mark a token's name carries, if any (names from before marks have none and stay managed). */
function nameMark(name) {
    return MARK_IN_NAME.exec(name)?.[1];
}
/** The not-before second (Unix) that encodes `mark` in the value. */
function markNotBefore(mark) {
    return MARK_EPOCH_S + Number.parseInt(mark, 16);
}
/** The mark a validity window's not-before encodes, or undefined when it is an ordinary one. */
function markOfNotBefore(seconds) {
    const n = seconds - MARK_EPOCH_S;
    return Number.isInteger(n) && n >= 0 && n < MARK_SPAN
        ? n.toString(16).padStart(MARK_DIGITS, '0')
        : undefined;
}
/** First 12 hex digits of SHA-256 of the token without its scheme (the whole bundle, as stored). */
function fingerprint(value) {
    const bare = value.trim().replace(/^(FlyV1|Bearer)\s+/i, '');
    return (0,external_node_crypto_.createHash)('sha256').update(bare).digest('hex').slice(0, 12);
}
/**
 * Which managed token a held value is. `markOf` reads the mark out of a value (the issuer's, since only Fly's
 * side knows the token format); it returns undefined for a value without one and may throw for a value that
 * is no Fly token at all.
 */
function matchHeld(value, managed, markOf) {
    const print = fingerprint(value);
    let mark;
    try {
        mark = markOf(value);
    }
    catch {
        return { proof: 'use', fingerprint: print, match: { kind: 'unmarked', notFly: true } };
    }
    if (mark === undefined)
        return { proof: 'use', fingerprint: print, match: { kind: 'unmarked' } };
    const tokens = managed.filter((t) => nameMark(t.name) === mark);
    const match = tokens.length === 1
        ? { kind: 'token', token: tokens[0] }
        : tokens.length > 1
            ? { kind: 'several', tokens }
            : { kind: 'foreign', mark };
    return { proof: 'use', fingerprint: print, match };
}
/**
 * A target's holding with the runner's word added. The runner fetched the value when this job started, so the
 * store's own evidence still counts: where it agrees (the token is among those the store says the target may
 * hold, or the store cannot say), the holding is exact; where it does not, the secret was written after the job
 * started, and the target may hold either, so both stay protected.
 */
function withUse(store, use) {
    const m = use.match;
    const base = { ...store, byUse: { fingerprint: use.fingerprint, match: m.kind, agrees: false } };
    if (m.kind === 'token') {
        const agrees = store.unproven === true || store.possible.some((t) => t.id === m.token.id);
        if (agrees) {
            const { unproven: _, ...rest } = store;
            return {
                ...rest,
                exists: true,
                proof: 'use',
                byUse: { fingerprint: use.fingerprint, match: m.kind, tokenId: m.token.id, agrees },
                token: m.token,
                possible: [m.token],
            };
        }
        return {
            ...base,
            byUse: { fingerprint: use.fingerprint, match: m.kind, tokenId: m.token.id, agrees },
            possible: unique([m.token, ...store.possible]),
        };
    }
    if (m.kind === 'several')
        return { ...base, possible: unique([...m.tokens, ...store.possible]) };
    return base;
}
/** A held value in words for messages and the summary; never the value. */
function describeUse(h) {
    const u = h.byUse;
    if (!u)
        return undefined;
    const fp = `value ${u.fingerprint}`;
    switch (u.match) {
        case 'token':
            return u.agrees
                ? `the runner hands out ${u.tokenId} (${fp}, proven by use)`
                : `the runner handed this job ${u.tokenId} (${fp}), but ${h.target} was written since, so it may hold ${h.possible
                    .map((t) => t.id)
                    .join(' or ')}`;
        case 'several':
            return `the runner hands out a value (${fp}) whose mark several managed tokens carry: it may be any of ${h.possible.map((t) => t.id).join(', ')}`;
        case 'foreign':
            return `the runner hands out a value (${fp}) that is no managed token: set by hand, or minted under another token-name`;
        case 'unmarked':
            return `the runner hands out a value (${fp}) without a mark: minted before marks, or not by this action`;
    }
}
function unique(tokens) {
    const seen = new Set();
    return tokens.filter((t) => !seen.has(t.id) && seen.add(t.id));
}
const AFTER_USE_NOTE = 'revoke-previous is after-use: a later run that is handed the new token (input held) revokes them';
/**
 * revoke-previous: after-use. Once every target of a rotation is proven by use to hold one valid token, the
 * managed tokens minted before it are held by no target and no job this runner starts from now on: they may
 * go (keep-previous and the grace period still apply, see ./previous.ts). Returns that token, or why not.
 */
function provenCurrent(holdings, now = Date.now()) {
    if (holdings.length === 0)
        return { why: 'the rotation has no targets' };
    let current;
    for (const h of holdings) {
        if (h.proof !== 'use' || !h.token) {
            const seen = describeUse(h);
            return {
                why: seen
                    ? `${h.target}: ${seen}`
                    : `${h.target} was not proven by use (input held names no value for it)`,
            };
        }
        if (h.token.revokedAt || Date.parse(h.token.expiresAt) <= now)
            return { why: `${h.target} holds ${h.token.id}, which is no longer valid` };
        if (current && current.id !== h.token.id)
            return { why: `the targets hold different tokens (${current.id}, ${h.token.id})` };
        current = h.token;
    }
    return { token: current };
}

;// CONCATENATED MODULE: ./src/fly/mark.ts
// The mark of ../core/held.ts inside a token value: a validity window that restricts nothing (from a moment
// long past to the token's own expiry), whose start encodes the mark.


/** Adds the mark to every permission token of the bundle; `expiresAt` is the token's own expiry. */
function withMark(header, mark, expiresAt) {
    return (0,macaroon/* withValidityWindow */.$M)(header, markNotBefore(mark), Math.floor(Date.parse(expiresAt) / 1000));
}
/**
 * The mark a value carries: a top-level validity window of a permission token whose start lies in the marks'
 * range. Undefined when there is none, or when the permission tokens carry different marks (then the value
 * cannot be matched); throws TokenFormatError for a value that is no Fly macaroon token.
 */
function markOf(header) {
    const marks = new Set();
    for (const bytes of (0,macaroon/* parseHeader */.RW)(header)) {
        const m = (0,macaroon/* decodeMacaroon */.Xe)(bytes);
        if (!m.isPermission())
            continue;
        for (const c of m.caveats) {
            if (Number(c.type) !== macaroon/* CaveatType */.DZ.ValidityWindow || !Array.isArray(c.body))
                continue;
            const start = c.body[0];
            const mark = typeof start === 'number' || typeof start === 'bigint' ? markOfNotBefore(Number(start)) : undefined;
            if (mark)
                marks.add(mark);
        }
    }
    return marks.size === 1 ? [...marks][0] : undefined;
}

;// CONCATENATED MODULE: ./src/fly/kinds/base.ts
// What every token kind shares: Fly mints a server token (createLimitedAccessToken with a profile), then the
// kind may narrow it locally with macaroon caveats. Narrowing keeps the server token's id (the macaroon's
// kid), so the token Fly lists, and revokes by id, is the one the secret holds.




class KindIssuer {
    fly;
    notBefore;
    constructor(fly, notBefore) {
        this.fly = fly;
        this.notBefore = notBefore;
    }
    /** Local caveats this kind appends to the server token. */
    narrow(header) {
        return header;
    }
    async mint(name, expiry, deadline) {
        await this.prepare();
        const minted = await this.fly.createToken({
            name,
            organizationId: this.organizationId(),
            profile: this.profile,
            profileParams: this.profileParams(),
            expiry,
        }, deadline);
        try {
            const start = this.startsAt(Date.now());
            const mark = nameMark(name);
            const narrowed = this.narrow(minted.header);
            const marked = mark ? withMark(narrowed, mark, minted.expiresAt) : narrowed;
            return {
                ...minted,
                header: this.window(marked, minted.expiresAt),
                // The protocol keeps the newest previous token valid until this one is (see core/rotate.ts).
                ...(start !== undefined ? { validFrom: new Date(start).toISOString() } : {}),
            };
        }
        catch (err) {
            // The server token exists but is not the token asked for: take it back rather than leave it valid.
            const undo = await this.revoke(minted.id).then(() => `token ${minted.id} was revoked`, (e) => `revoking token ${minted.id} failed too (${(0,core_errors/* errorMessage */.gJ)(e)}); the next run revokes it`);
            throw new Error(`Fly minted token ${minted.id} in ${this.scope}, but narrowing it to the kind asked for failed (${(0,core_errors/* errorMessage */.gJ)(err)}), so it was not stored: ${undo}.`);
        }
    }
    async verify(header) {
        const start = this.startsAt(Date.now());
        if (start !== undefined && start > Date.now())
            return `not checked: the token is valid only from ${new Date(start).toISOString()}`;
        return this.check(this.fly.as(header));
    }
    revoke(id) {
        return this.fly.revokeToken(id);
    }
    markOf(header) {
        return markOf(header);
    }
    startsAt(mintedAt) {
        if (!this.notBefore)
            return undefined;
        return 'atMs' in this.notBefore ? this.notBefore.atMs : mintedAt + this.notBefore.delayMs;
    }
    /** `not-before`: a ValidityWindow from then until the server's own expiry, so it never extends the token. */
    window(header, expiresAt) {
        const start = this.startsAt(Date.now());
        if (start === undefined)
            return header;
        return (0,macaroon/* withValidityWindow */.$M)(header, Math.floor(start / 1000), Math.floor(Date.parse(expiresAt) / 1000));
    }
}
/** Kinds minted for one app (profile `deploy`): listed and revoked among the app's tokens. */
class AppKindIssuer extends KindIssuer {
    appName;
    scope;
    profile = 'deploy';
    app;
    constructor(fly, appName, notBefore) {
        super(fly, notBefore);
        this.appName = appName;
        this.scope = `app ${appName}`;
    }
    async prepare() {
        this.app ??= await this.fly.getApp(this.appName);
    }
    list() {
        return this.fly.listTokens({ app: this.appName });
    }
    organizationId() {
        return this.app.org.id;
    }
    profileParams() {
        return { app_id: this.app.id };
    }
    async check(fly) {
        await fly.getApp(this.appName);
        return undefined;
    }
}
/** Kinds minted for one organization: listed and revoked among the organization's tokens. */
class OrgKindIssuer extends KindIssuer {
    orgSlug;
    scope;
    org;
    constructor(fly, orgSlug, notBefore) {
        super(fly, notBefore);
        this.orgSlug = orgSlug;
        this.scope = `organization ${orgSlug}`;
    }
    async prepare() {
        this.org ??= await this.fly.getOrganization(this.orgSlug);
    }
    list() {
        return this.fly.listTokens({ org: this.orgSlug });
    }
    organizationId() {
        return this.org.id;
    }
    profileParams() {
        return {};
    }
    async check(fly) {
        await fly.getOrganization(this.orgSlug);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/fly/kinds/app.ts


/** deploy: manage one app (deploy, machines, secrets, certificates). */
class DeployTokenIssuer extends AppKindIssuer {
}
/**
 * machine-exec: run the listed commands on the app's machines, and read the app. An empty list allows every
 * command (flyctl's `{args: [], exact: false}`); the inputs ask for that explicitly.
 */
class MachineExecTokenIssuer extends AppKindIssuer {
    allowed;
    constructor(fly, appName, allowed, notBefore) {
        super(fly, appName, notBefore);
        this.allowed = allowed;
    }
    narrow(header) {
        return (0,macaroon/* machineExec */.JT)(header, { commands: this.allowed.commands, prefixes: this.allowed.prefixes });
    }
}
/** ssh: read the app, and issue SSH certificates / add WireGuard peers to reach its machines. */
class SshTokenIssuer extends AppKindIssuer {
    narrow(header) {
        return (0,macaroon/* ssh */.hI)(header);
    }
}

;// CONCATENATED MODULE: ./src/fly/kinds/org.ts


/** org: everything in one organization (every app, machines, new apps). */
class OrgTokenIssuer extends OrgKindIssuer {
    profile = 'deploy_organization';
}
/** readonly: read everything in one organization, change nothing. */
class ReadonlyTokenIssuer extends OrgKindIssuer {
    profile = 'deploy_organization';
    narrow(header) {
        return (0,macaroon/* readonly */.tB)(header);
    }
}
/** wireguard: manage the organization's WireGuard peers, read the rest; no app access beyond reading. */
class WireguardTokenIssuer extends OrgKindIssuer {
    profile = 'deploy_organization';
    narrow(header) {
        return (0,macaroon/* wireguard */.rb)(header);
    }
}
/** litefs-cloud: one LiteFS Cloud cluster of the organization, nothing else. */
class LitefsCloudTokenIssuer extends OrgKindIssuer {
    cluster;
    profile = 'litefs_cloud';
    constructor(fly, orgSlug, cluster, notBefore) {
        super(fly, orgSlug, notBefore);
        this.cluster = cluster;
    }
    profileParams() {
        return { cluster: this.cluster };
    }
    // Its caveats name a feature and a cluster, so any Fly API read without them is refused by design.
    async check() {
        return `minted for cluster ${this.cluster}; not checked against Fly (a LiteFS Cloud token can read nothing in the Fly API)`;
    }
}

;// CONCATENATED MODULE: ./src/fly/issuers.ts



function tokenIssuer(rotation, fly) {
    const { app, org, cluster, notBefore } = rotation.scope;
    switch (rotation.kind) {
        case 'deploy':
            return new DeployTokenIssuer(fly, app, notBefore);
        case 'machine-exec': {
            const { commands, commandPrefixes, allCommands } = rotation.scope;
            // Every command is only ever an explicit choice (commands: '*'); the inputs refuse an empty list.
            if (!allCommands && !commands?.length && !commandPrefixes?.length)
                throw new Error('machine-exec needs a command list, or allCommands to allow every command.');
            const allowed = allCommands ? {} : { commands, prefixes: commandPrefixes };
            return new MachineExecTokenIssuer(fly, app, allowed, notBefore);
        }
        case 'ssh':
            return new SshTokenIssuer(fly, app, notBefore);
        case 'org':
            return new OrgTokenIssuer(fly, org, notBefore);
        case 'readonly':
            return new ReadonlyTokenIssuer(fly, org, notBefore);
        case 'wireguard':
            return new WireguardTokenIssuer(fly, org, notBefore);
        case 'litefs-cloud':
            return new LitefsCloudTokenIssuer(fly, org, cluster, notBefore);
    }
}

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
;// CONCATENATED MODULE: ./src/core/settle.ts
async function settle(p) {
    try {
        return { ok: true, value: await p };
    }
    catch (error) {
        return { ok: false, error };
    }
}

;// CONCATENATED MODULE: ./src/core/create.ts
// The create step: mint exactly once, and after an ambiguous failure revoke what Fly created anyway.




/**
 * Creating a token is not idempotent. After an ambiguous failure (timeout, reset, 5xx: Fly may have minted it
 * and the answer was lost) we list again: a token with this run's own name that appeared is one Fly created
 * but whose value was lost, so nobody can hold it, and it is revoked at once; then we mint exactly once more.
 * If the listing fails too, we stop: a blind retry could leak a second token. The first create may still
 * complete on Fly after that listing (`retried`): the rotation revokes such late tokens before it ends (see
 * rotate.ts).
 */
async function mintOnce(input, runName, issuer, before, log) {
    const late = () => (0,budget/* lateMessage */.ug)(input.signals, 'Create');
    try {
        return { token: await issuer.mint(runName, input.expiry, input.signals?.work), ownRevoked: [], left: [] };
    }
    catch (err) {
        if (!(err instanceof core_errors/* TransientError */.N_)) {
            // Even a plain refusal may come after Fly minted (an error answer from a handler that ran): look once.
            const found = await revokeOwn(issuer, runName, before, log);
            if (found.ok && found.revoked.length) {
                throw new core_result/* RotationError */.F(`${(0,core_errors/* errorMessage */.gJ)(err)} (Fly created ${found.revoked.join(', ')} anyway; this run revoked it.)`, {
                    ownRevoked: found.revoked,
                });
            }
            throw err;
        }
        log.warning(`Creating the token failed ambiguously (${err.message}); checking whether Fly created it.`);
        const lost = await revokeOwn(issuer, runName, before, log);
        if (!lost.ok) {
            throw new core_result/* RotationError */.F(`${late()}Creating the token failed (${err.message}) and the token list could not be read to check whether Fly created it anyway ` +
                `(${lost.error}). Nothing was stored or revoked: every target still holds its previous token. ` +
                'If a token was created, a later run revokes it once it is older than the grace period.');
        }
        try {
            if (input.signals?.work.aborted)
                throw new Error("the run's timeout ran out before a second try");
            return {
                token: await issuer.mint(runName, input.expiry, input.signals?.work),
                ownRevoked: lost.revoked,
                left: lost.left,
                retried: true,
            };
        }
        catch (again) {
            // A second ambiguous create may have minted too: this run's name finds it.
            const cleanup = again instanceof core_errors/* TransientError */.N_ ? await revokeOwn(issuer, runName, before, log) : lost;
            const revoked = [...lost.revoked, ...(cleanup.ok && cleanup !== lost ? cleanup.revoked : [])];
            const fate = !cleanup.ok
                ? `If Fly created a token anyway, a later run revokes it (${cleanup.error}).`
                : cleanup.left.length || lost.left.length
                    ? `Revoking ${[...lost.left, ...cleanup.left].join(', ')}, created anyway, failed; a later run revokes it.`
                    : revoked.length
                        ? `Fly created ${revoked.join(', ')} anyway, so this run revoked it.`
                        : 'Fly created no token.';
            throw new core_result/* RotationError */.F(`${late()}Creating the token failed twice (${(0,core_errors/* errorMessage */.gJ)(again)}). Nothing was stored: every target still holds its previous token. ${fate}`, revoked.length ? { ownRevoked: revoked } : undefined);
        }
    }
}
/** Lists and revokes this run's own tokens that appeared since `before` (created, value lost: held by nobody). */
async function revokeOwn(issuer, runName, before, log) {
    const listed = await settle(issuer.list());
    if (!listed.ok)
        return { ok: false, error: (0,core_errors/* errorMessage */.gJ)(listed.error) };
    const known = new Set(before.map((t) => t.id));
    const lost = listed.value.filter((t) => t.name === runName && !t.revokedAt && !known.has(t.id));
    const revoked = [];
    const left = [];
    for (const t of lost) {
        const r = await settle(issuer.revoke(t.id));
        (r.ok ? revoked : left).push(t.id);
        log.warning(r.ok
            ? `Fly created ${t.id} but its value was lost in transit; nobody can hold it, so it was revoked.`
            : `Fly created ${t.id} but its value was lost in transit; revoking it failed (${(0,core_errors/* errorMessage */.gJ)(r.error)}), a later run revokes it.`);
    }
    return { ok: true, revoked, left };
}

// EXTERNAL MODULE: ./src/core/mask.ts
var mask = __webpack_require__(9239);
;// CONCATENATED MODULE: ./src/core/evidence.ts
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
        if (at < Date.parse(ctx.token.createdAt) - CLOCK_SKEW_MS)
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
        if (at >= Date.parse(ctx.token.createdAt) - CLOCK_SKEW_MS)
            return {
                verdict: 'unknown',
                why: `its updated_at (${updatedAt}) did not change, but the write before it was so recent that both can fall in the same second of GitHub's clock`,
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

;// CONCATENATED MODULE: ./src/core/store.ts
// After the store step: what each failed write really did, decided by the rule of evidence (./evidence.ts) from
// the facts its writer reported and, when those cannot settle it, from what the target says when read again.



/**
 * Each failed write becomes one of: landed (counts as written), not landed (a plain failure: the target still
 * holds what it held), unknown (`ambiguous`: it may hold either token) or landed elsewhere (`landedElsewhere`:
 * a 2xx, then the store's check disagreed; the error says where). A failure whose writer reported no facts is
 * unknown: nothing proves it did not land.
 */
async function resolveWrites(written, token, writer, log, ctx) {
    const failed = written.filter((s) => s.error);
    if (!failed.length)
        return written;
    const needsRead = failed.some((s) => s.facts && !judgeAnswers(s.facts));
    const read = needsRead ? await settle(writer.evidence(token.header)) : undefined;
    if (read && !read.ok)
        log.warning(`Reading the targets again failed: ${(0,core_errors/* errorMessage */.gJ)(read.error)}`);
    const index = new Map(writer.targets.map((t, i) => [t, i]));
    return written.map((s) => {
        if (!s.error)
            return s;
        if (!s.facts) {
            return {
                target: s.target,
                error: `${s.error} (nothing proves the write did not land, so it may hold either token)`,
                ambiguous: true,
            };
        }
        const i = index.get(s.target);
        const judged = judgeWrite(s.facts, {
            token,
            ...(i !== undefined && ctx.before?.[i] ? { before: ctx.before[i] } : {}),
            ...(i !== undefined && read?.ok && read.value[i] ? { after: read.value[i] } : {}),
            ...(ctx.rivals ? { rivals: true } : {}),
        });
        const facts = { facts: s.facts };
        switch (judged.verdict) {
            case 'landed':
                if (s.facts.afterAccepted)
                    return { target: s.target, error: s.error, ...facts, landedElsewhere: true };
                log.warning(`The write of ${s.target.label} failed (${s.error}), but it landed: ${judged.why}.`);
                return { target: s.target, result: 'updated' };
            case 'not-landed':
                return {
                    target: s.target,
                    error: `${s.error} (${judged.why}: the write of ${token.id} did not land)`,
                    ...facts,
                };
            default:
                return {
                    target: s.target,
                    error: `${s.error} (${judged.why}, so it may hold either token)`,
                    ...facts,
                    ambiguous: true,
                };
        }
    });
}

;// CONCATENATED MODULE: ./src/core/rotate.ts
// The rotation protocol: plan \u2192 create \u2192 store \u2192 verify \u2192 revoke. Everything it touches is behind two
// small interfaces (TokenIssuer for Fly, SecretWriter for the secrets, see ./interfaces.ts), so it can be
// read and tested on its own.










async function rotate(input, issuer, writer, log) {
    // Tokens Fly created for this run whose answer was lost, and that no attempt could revoke: nobody holds them,
    // and the run may not end quietly while they are valid.
    const orphans = [];
    const note = () => {
        const it = orphans.length > 1 ? 'them' : 'it';
        return (`Fly also created ${orphans.join(', ')} for this run (an answer lost in transit); nobody holds ${it}, and ` +
            `revoking ${it} failed: a later run revokes ${it} once older than the grace period.`);
    };
    let result;
    try {
        result = await rotateOnce(input, issuer, writer, log, orphans);
    }
    catch (err) {
        if (orphans.length && err instanceof core_result/* RotationError */.F)
            throw new core_result/* RotationError */.F(`${err.message} ${note()}`, err.partial);
        throw err;
    }
    if (orphans.length)
        throw new core_result/* RotationError */.F(`Every target holds the new token ${result.token.id}, but ${note()}`, result);
    return result;
}
async function rotateOnce(input, issuer, writer, log, orphans) {
    const runName = input.runName ?? (0,core_names/* runTokenName */.sR)(input.tokenName, (0,core_names/* runIdentity */.yK)('cli'));
    const late = (step) => (0,budget/* lateMessage */.ug)(input.signals, step);
    // 1. Plan: ids, the managed tokens that exist now, and every public key, all at once.
    writer.warmUp();
    const before = await log.group('Plan', () => (0,budget/* beforeDeadline */.OJ)(input.signals, 'Plan (reading the app, the token list and the public keys)', Promise.all([issuer.prepare(), issuer.list(), writer.prepare()])).then(([, tokens]) => {
        const managed = managedTokens(tokens, (0,core_names/* managedNames */.az)(input));
        log.info(`${managed.length} managed token(s) named "${input.tokenName}" in ${issuer.scope}.`);
        return managed;
    }));
    // Minting with no time left to store and clean up would only leave a token nobody holds.
    if (input.signals?.work.aborted)
        throw new core_result/* RotationError */.F(`${late('Plan')}Nothing was minted, written or revoked.`);
    // What the targets hold before this run writes anything: the rule of evidence compares a timestamp target's
    // updated_at from before the write with the one after (./evidence.ts). Read while the token is minted.
    const beforeRead = writer.targets.some((t) => t.proof === 'timestamp')
        ? settle(writer.evidence()).then((r) => (r.ok ? r.value : undefined))
        : undefined;
    const settled = settledAt(before, input, writer, beforeRead);
    // 2. Create.
    const { token: minted, ownRevoked, left: createLeft, retried, } = await log.group('Create', async () => {
        const created = await mintOnce(input, runName, issuer, before, log);
        const t = created.token;
        (0,mask/* maskToken */.gg)(t.header, log);
        log.info(`Minted token ${t.id} named "${runName}", expires ${t.expiresAt}.`);
        return created;
    });
    const token = {
        id: minted.id,
        name: minted.name,
        createdAt: minted.createdAt,
        expiresAt: minted.expiresAt,
        revokedAt: null,
    };
    const evidenceBefore = await beforeRead;
    // 3. Store, while 4. Verify and a fresh listing run alongside (they need only the new token).
    const [written, verified, after] = await log.group('Store and verify', () => Promise.all([
        writer.store(minted, input.signals?.work),
        settle(issuer.verify(minted.header)),
        settle(issuer.list()),
    ]));
    // A managed token of another run that appeared meanwhile: that run may be writing the same targets.
    const known = new Set(before.map((t) => t.id));
    const appeared = after.ok
        ? managedTokens(after.value, (0,core_names/* managedNames */.az)(input)).filter((t) => !known.has(t.id) && t.id !== minted.id)
        : [];
    const rivals = appeared.filter((t) => t.name !== runName);
    const stored = await resolveWrites(written, { ...token, header: minted.header }, writer, log, {
        ...(evidenceBefore ? { before: evidenceBefore } : {}),
        ...(rivals.length ? { rivals: true } : {}),
    });
    // Late creates: a create that timed out may have completed on Fly after all. Only this run knows the name it
    // minted with, and only the token it stored is held, so every other one of its name is revoked now.
    const lateOwn = await revokeLateCreates(issuer, runName, minted.id, retried ? undefined : after.ok ? appeared : undefined, known, log);
    ownRevoked.push(...lateOwn.revoked);
    for (const id of new Set([...createLeft, ...lateOwn.left]))
        if (!lateOwn.revoked.includes(id))
            orphans.push(id);
    for (const s of stored) {
        if (s.error)
            log.warning(`Could not write ${s.target.label}: ${s.error}`);
        else
            log.info(`Wrote ${s.target.label} (${s.result}).`);
    }
    const own = ownRevoked.length ? { ownRevoked } : {};
    const failed = stored.filter((s) => s.error);
    const storeLate = late('Store');
    // Unknown means keep both: a target whose write may have landed (or landed elsewhere) may hold the new token,
    // or still the previous one, so neither is revoked and the run fails naming both.
    const undecided = failed.filter((f) => f.ambiguous || f.landedElsewhere);
    if (failed.length === stored.length && undecided.length) {
        throw new core_result/* RotationError */.F(`${storeLate}${keepBoth(undecided, minted.id, before.at(-1)?.id)} ${failed
            .map((f) => (f.error?.startsWith(f.target.label) ? f.error : `${f.target.label}: ${f.error}`))
            .join('; ')}`, { token, stored, ...own });
    }
    if (failed.length === stored.length) {
        // Nothing holds the new token (GitHub says so): take it back, leaving every target as it was.
        const undo = await settle(issuer.revoke(minted.id));
        const fate = undo.ok
            ? `The new token ${minted.id} was revoked`
            : `Revoking the new token ${minted.id} also failed (${(0,core_errors/* errorMessage */.gJ)(undo.error)}); the next run revokes it`;
        throw new core_result/* RotationError */.F(`${storeLate}No target could be written, so nothing changed: every target still holds its previous token. ${fate}. First error: ${failed[0].error}`, { token, stored, ownRevoked: [...ownRevoked, ...(undo.ok ? [minted.id] : [])] });
    }
    if (failed.length > 0) {
        const held = failed.filter((f) => !f.ambiguous && !f.landedElsewhere);
        const states = [
            ...(held.length ? [`${held.map((f) => f.target.label).join(', ')} still hold the previous token`] : []),
            ...(undecided.length ? [mayHold(undecided, minted.id, before.at(-1)?.id)] : []),
        ];
        throw new core_result/* RotationError */.F(`${storeLate}The new token ${minted.id} was written to ${stored.length - failed.length} of ${stored.length} targets; ` +
            `${states.join('; ')}, so no token was revoked${undecided.length ? ' and both stay valid' : ''}. ` +
            `Fix the error and run again: the next run writes every target and revokes the old tokens${undecided.length ? '; `mode: status` shows which token each target holds' : ''}. ${failed
                .map((f) => (f.error?.startsWith(f.target.label) ? f.error : `${f.target.label}: ${f.error}`))
                .join('; ')}`, { token, stored, ...own });
    }
    if (!verified.ok) {
        throw new core_result/* RotationError */.F(`${late('Verify')}The new token ${minted.id} is stored, but proving that Fly accepts it failed, so the previous token was kept: ${(0,core_errors/* errorMessage */.gJ)(verified.error)}`, { token, stored, ...own });
    }
    const verification = verified.value ?? 'accepted by Fly';
    // 5. Revoke what came before, newest kept for in-flight jobs; never a token that appeared during this run.
    return log.group('Revoke previous', async () => {
        // Every previous token left valid, and why (the result the early returns below share).
        const leaveAll = (why) => ({
            token,
            stored,
            verification,
            revoked: [],
            kept: before.map((t) => t.id),
            revocationSkipped: why,
            ...own,
        });
        if (input.revokePrevious === 'after-use') {
            log.info(`Previous tokens left valid: ${AFTER_USE_NOTE}.`);
            return leaveAll(AFTER_USE_NOTE);
        }
        // This run's own late creates were revoked above: only another run's token means another rotation.
        const newer = rivals.filter((t) => Date.parse(t.createdAt) >= Date.parse(minted.createdAt));
        if (!after.ok || newer.length > 0 || input.signals?.work.aborted) {
            const why = !after.ok
                ? `the token list could not be read again (${(0,core_errors/* errorMessage */.gJ)(after.error)})`
                : newer.length > 0
                    ? `another rotation minted ${newer.map((t) => t.id).join(', ')} after this one; it will revoke the older tokens`
                    : `the run's timeout ran out before this step; the next run revokes them`;
            log.warning(`Previous tokens left valid: ${why}.`);
            return leaveAll(why);
        }
        const stillValid = new Set(managedTokens(after.value, (0,core_names/* managedNames */.az)(input)).map((t) => t.id));
        const previous = before.filter((t) => stillValid.has(t.id));
        // not-before: until the new token is valid, the newest previous one is what jobs can use; it stays valid.
        const notYet = minted.validFrom !== undefined && Date.parse(minted.validFrom) > Date.now();
        const { doomed, kept, deferred } = choosePrevious(previous, notYet ? Math.max(1, input.keepPrevious) : input.keepPrevious, input.sweepGraceMs ?? SWEEP_GRACE_MS, await settled);
        const results = await Promise.all(doomed.map((t) => settle(issuer.revoke(t.id))));
        const revoked = [];
        const failures = [];
        results.forEach((r, i) => {
            if (r.ok)
                revoked.push(doomed[i].id);
            else
                failures.push(`${doomed[i].id}: ${(0,core_errors/* errorMessage */.gJ)(r.error)}`);
        });
        for (const id of revoked)
            log.info(`Revoked previous token ${id}.`);
        for (const t of kept) {
            log.info(notYet && input.keepPrevious === 0
                ? `Kept previous token ${t.id}: the new token is valid only from ${minted.validFrom}; a later run revokes it.`
                : `Kept previous token ${t.id} (keep-previous).`);
        }
        for (const t of deferred) {
            log.info(`Left ${t.id} valid: it is only minutes old and may belong to a concurrent run; a later run revokes it.`);
        }
        const result = {
            token,
            stored,
            verification,
            revoked,
            kept: kept.map((t) => t.id),
            ...(deferred.length ? { deferred: deferred.map((t) => t.id) } : {}),
            ...own,
        };
        if (failures.length) {
            throw new core_result/* RotationError */.F(`${late('Revoke previous')}Every target holds the new token ${minted.id}, but revoking ${failures.length} previous token(s) failed; the next run retries: ${failures.join('; ')}`, result);
        }
        return result;
    });
}
/**
 * The one message for targets whose holding is unknown: which targets, both token ids, and what settles it.
 */
function keepBoth(undecided, newId, previousId) {
    return (`${mayHold(undecided, newId, previousId)}, so neither was revoked and both stay valid. ` +
        'The next run writes every target again and settles it; `mode: status` shows which token each target holds.');
}
/** "<targets> may hold the previous token P or the new token N". */
function mayHold(undecided, newId, previousId) {
    const who = undecided.map((f) => f.target.label).join(', ');
    const both = previousId
        ? `the previous token ${previousId} or the new token ${newId}`
        : `the new token ${newId}`;
    return `${who} may hold ${both}`;
}
/**
 * Revokes every valid token named `runName` other than `keep`: creates of this run that completed on Fly after
 * their answer was lost. `appeared`: the tokens that appeared during the run, when already listed after the
 * last create; otherwise the list is read again.
 */
async function revokeLateCreates(issuer, runName, keep, appeared, known, log) {
    let tokens = appeared;
    if (!tokens) {
        const listed = await settle(issuer.list());
        if (!listed.ok) {
            log.warning(`Could not read the token list to look for late creates of this run (${(0,core_errors/* errorMessage */.gJ)(listed.error)}); a later run revokes any.`);
            return { revoked: [], left: [] };
        }
        tokens = listed.value.filter((t) => !known.has(t.id));
    }
    const late = tokens.filter((t) => t.name === runName && t.id !== keep && !t.revokedAt);
    const revoked = [];
    const left = [];
    for (const t of late) {
        const r = await settle(issuer.revoke(t.id));
        (r.ok ? revoked : left).push(t.id);
        log.warning(r.ok
            ? `A create of this run completed on Fly after its answer was lost (${t.id}); nobody holds it, so it was revoked.`
            : `A create of this run completed on Fly after its answer was lost (${t.id}); revoking it failed (${(0,core_errors/* errorMessage */.gJ)(r.error)}), a later run revokes it.`);
    }
    return { revoked, left };
}

// EXTERNAL MODULE: ./src/command/argv.ts
var argv = __webpack_require__(7195);
;// CONCATENATED MODULE: ./src/command/env.ts
// A command target runs someone else's program. It gets the token it is meant to store on standard input, and
// none of the credentials this tool holds: a program that logs its environment, or is compromised, must not
// leak the Fly credential that mints tokens or the forge tokens that write every other secret.
/** Variables that carry a credential of this tool; a command target never sees them. */
const CREDENTIAL_VARIABLES = [
    'FLY_API_TOKEN',
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'GITLAB_TOKEN',
    'FORGEJO_TOKEN',
    'FLY_ROTATOR_APP_PRIVATE_KEY',
    // The runner's own tokens: the cache and artifact service, and the OIDC token endpoint.
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];
/** The runner passes every input of an action as INPUT_<NAME>, and the action's inputs hold credentials. */
const CREDENTIAL_PREFIXES = ['INPUT_'];
function isCredential(name) {
    // Windows treats variable names case-insensitively, so `github_token` is the same variable there.
    const upper = name.toUpperCase();
    return CREDENTIAL_VARIABLES.includes(upper) || CREDENTIAL_PREFIXES.some((p) => upper.startsWith(p));
}
/** The environment a command target runs with: `parent` without the credentials above. */
function childEnvironment(parent) {
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
        this.env = childEnvironment(options.env ?? process.env);
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
                problems.push(new core_errors/* InputError */.dz(`command target program \`${program}\` ${found.reason}.`));
        }
        if (problems.length === 1)
            throw problems[0];
        if (problems.length > 1)
            throw new core_errors/* InputErrors */.G(problems);
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

;// CONCATENATED MODULE: ./src/command/index.ts
// The command target: a program given the token on standard input (see ./writer.ts for its contract).





// EXTERNAL MODULE: ./src/core/spec.ts
var core_spec = __webpack_require__(4400);
;// CONCATENATED MODULE: ./src/core/writers.ts
/** Joins writers into one; `order` lists every target of every writer in the order the user gave them. */
function joinWriters(writers, order) {
    if (writers.length === 1 && !order)
        return writers[0];
    const all = writers.flatMap((w) => w.targets);
    const targets = order ?? all;
    const position = new Map(targets.map((t, i) => [t, i]));
    if (targets.length !== all.length || all.some((t) => !position.has(t)))
        throw new Error('joinWriters: `order` must list exactly the targets of the writers');
    // Each writer answers in its own targets' order; put every answer where its target is in `targets`.
    const inOrder = (parts) => {
        const out = new Array(targets.length);
        parts.forEach((part, w) => {
            part.forEach((value, i) => {
                out[position.get(writers[w].targets[i])] = value;
            });
        });
        return out;
    };
    return {
        targets,
        prepare: () => Promise.all(writers.map((w) => w.prepare())).then(() => undefined),
        warmUp: () => {
            for (const w of writers)
                w.warmUp();
        },
        store: async (token, signal) => inOrder(await Promise.all(writers.map((w) => w.store(token, signal)))),
        evidence: async (value) => inOrder(await Promise.all(writers.map((w) => w.evidence(value)))),
    };
}

;// CONCATENATED MODULE: ./src/forgejo/errors.ts
// Forgejo's failures in terms of the credential: which scope or role is missing, what must exist. Every message
// passes through scrub(): older Forgejo releases answer an unknown token with "access token does not exist
// [sha: <the token>]", and any answer is remote text, so credential and secret values are cut out of it.


const statusOf = (err) => err.status;
/** Ends a message with a full stop, so that a hint can follow it. */
function sentence(text) {
    return /[.!?]$/.test(text) ? text : `${text}.`;
}
/** Adds what the credential needs to a failed call's error; other failures pass through unchanged. */
function explain(err, action, hint) {
    const status = statusOf(err);
    if (status === 401) {
        // Forgejo's own text is dropped: it may quote the token.
        return new core_errors/* ApiError */.hD(`Forgejo refused the token (HTTP 401) while trying to ${action}: check that it exists and has not expired or been revoked.`, 'forgejo', 401);
    }
    if (status === 403) {
        return new core_errors/* ApiError */.hD(`${sentence((0,core_errors/* errorMessage */.gJ)(err))} The token needs ${hint.needs}.`, 'forgejo', 403);
    }
    if (status === 404) {
        return new core_errors/* ApiError */.hD(`${sentence((0,core_errors/* errorMessage */.gJ)(err))} ${hint.missing}; the token needs ${hint.needs}.`, 'forgejo', 404);
    }
    return err;
}
/** Replaces control characters (a terminal's escape sequences among them) with spaces. */
function printable(text) {
    let out = '';
    for (const ch of text) {
        const code = ch.charCodeAt(0);
        out += code < 0x20 || code === 0x7f ? ' ' : ch;
    }
    return out;
}
/** Cuts every value out of a message (see cutOut), and control characters. */
function redact(text, values) {
    return (0,mask/* cutOut */.r1)(printable(text), values);
}
/** The same failure with its message redacted, keeping what callers read: class, status, Retry-After. */
function scrub(err, values) {
    const message = redact((0,core_errors/* errorMessage */.gJ)(err), values);
    if (err instanceof core_errors/* TransientError */.N_) {
        const copy = new core_errors/* TransientError */.N_(message, err.retryAfterMs, 'forgejo');
        const status = statusOf(err);
        return status === undefined ? copy : Object.assign(copy, { status });
    }
    if (err instanceof core_errors/* ApiError */.hD)
        return new core_errors/* ApiError */.hD(message, 'forgejo', err.status, err.code);
    return new core_errors/* ApiError */.hD(message, 'forgejo', statusOf(err));
}

;// CONCATENATED MODULE: ./src/forgejo/targets.ts
// One class per level of Forgejo Actions secret: repository, organization, and the token user's own. Each says
// where its secrets live, what the token needs for them (named in every error), how to prove before minting
// that a write will be allowed, and whether its secrets can be listed.


/**
 * Forgejo checks a token's scope by HTTP method alone, and no read call tells whether a token may write. A
 * DELETE runs the same scope and role checks as the PUT, and this name can never exist: every Forgejo and Gitea
 * release refuses names starting with a digit. So the DELETE removes nothing, and its 404 ("secret was not
 * found"), or 400 from a release that validates the name first, proves that the write would be allowed.
 */
const PROBE_NAME = '0_FLY_TOKEN_ROTATOR_WRITE_CHECK';
/** Forgejo's largest page by default; a smaller server limit only means more pages. */
const PAGE_SIZE = 50;
/** 5,000 secrets: past that the listing is not believed to end. */
const MAX_PAGES = 100;
const enc = encodeURIComponent;
/** The server a client talks to, for messages: its origin (the URL is the user's own input, parsed). */
function serverOf(client) {
    try {
        return `The Forgejo server ${new URL(client.options.baseUrl).origin}`;
    }
    catch {
        return 'The Forgejo server';
    }
}
class ForgejoSecret {
    secretName;
    proof = 'none';
    constructor(secretName) {
        this.secretName = secretName;
    }
    /**
     * Proves, without writing, that the token may write here; throws an error naming what is missing. Returns a
     * warning when the server has no route to check with, so the write was not proved allowed.
     */
    async check(client) {
        const [read, probe] = await Promise.allSettled([this.readAccess(client), this.probe(client)]);
        if (read.status === 'rejected')
            throw read.reason;
        if (probe.status === 'fulfilled')
            return undefined;
        const status = probe.reason.status;
        if (status === 400 || status === 404)
            return undefined;
        // 405: a release without this DELETE route answers before any check, so it proves nothing either way.
        if (status === 405) {
            return (`${serverOf(client)} has no DELETE route for the secrets of ${this.owner} (HTTP 405), so whether the ` +
                'token may write them could not be checked before minting. A token without write access is refused ' +
                'only when the write is sent, after minting; the run then fails and keeps the previous token valid. ' +
                'Releases that can write secrets serve this DELETE with the PUT: a proxy in front of the server that ' +
                'refuses DELETE is the likely cause.');
        }
        throw explain(probe.reason, `check that the token may write the secrets of ${this.owner}`, this.hint);
    }
    /** Writes the value in clear (Forgejo takes it over TLS and encrypts it at rest); 201 created, 204 updated. */
    async write(client, value, signal, 
    /** Receives every attempt's answer (the writer's facts for the rule of evidence). */
    answers) {
        const action = `write ${this.label}`;
        let status;
        try {
            ({ status } = await client.request({
                method: 'PUT',
                path: `${this.base}/${enc(this.secretName)}`,
                body: { data: value },
                context: action,
                signal,
                ...(answers ? { answers } : {}),
            }));
        }
        catch (err) {
            throw explain(err, action, this.hint);
        }
        if (status === 201)
            return 'created';
        if (status === 204)
            return 'updated';
        // A proxy's 200 or anything else proves nothing: the same as an answer lost.
        answers?.splice(-1, 1, { lost: 'bad-reply' });
        throw new core_errors/* ApiError */.hD(`Forgejo answered HTTP ${status} instead of 201 or 204 while trying to ${action}, so the write is not confirmed.`, 'forgejo');
    }
    /**
     * Which of `wanted` (upper-case) exist, from the level's list of secrets, or undefined where Forgejo has no
     * list (the user's own secrets). Pages until every wanted name is found or the list ends.
     */
    async existing(client, wanted) {
        const found = new Set();
        const action = `list the secrets of ${this.owner}`;
        let seen = 0;
        for (let page = 1; page <= MAX_PAGES; page++) {
            const res = await this.list(client, page, PAGE_SIZE, action);
            for (const name of res.names)
                if (wanted.has(name.toUpperCase()))
                    found.add(name.toUpperCase());
            seen += res.names.length;
            const done = found.size === wanted.size || (res.total !== undefined && seen >= res.total);
            if (done || res.names.length === 0)
                return found;
        }
        throw new core_errors/* ApiError */.hD(`Forgejo kept answering pages of secrets of ${this.owner} past ${MAX_PAGES}.`, 'forgejo');
    }
    /** The read that proves the role (and read scope): the level's list, or GET /user. */
    async readAccess(client) {
        await this.list(client, 1, 1, `read the secrets of ${this.owner}`);
    }
    async probe(client) {
        await client.request({
            method: 'DELETE',
            path: `${this.base}/${PROBE_NAME}`,
            context: `check that the token may write the secrets of ${this.owner}`,
        });
    }
    async list(client, page, limit, action) {
        let res;
        try {
            res = await client.request({
                method: 'GET',
                path: `${this.base}?page=${page}&limit=${limit}`,
                context: action,
            });
        }
        catch (err) {
            throw explain(err, action, this.hint);
        }
        const items = res.data;
        if (!Array.isArray(items) || !items.every((s) => typeof s?.name === 'string')) {
            throw new core_errors/* ApiError */.hD(`Forgejo sent an answer that is not a list of secrets while trying to ${action}.`, 'forgejo');
        }
        const header = res.headers.get('x-total-count');
        const total = header === null ? undefined : Number(header);
        return {
            names: items.map((s) => s.name),
            total: total !== undefined && Number.isSafeInteger(total) && total >= 0 ? total : undefined,
        };
    }
}
class RepositorySecret extends ForgejoSecret {
    repoOwner;
    repo;
    label;
    scope;
    base;
    owner;
    hint;
    constructor(repoOwner, repo, secretName) {
        super(secretName);
        this.repoOwner = repoOwner;
        this.repo = repo;
        const full = `${repoOwner}/${repo}`;
        this.label = `Forgejo secret ${secretName} of repository ${full}`;
        this.scope = `repo:${full}`.toLowerCase();
        this.base = `/repos/${enc(repoOwner)}/${enc(repo)}/actions/secrets`;
        this.owner = `repository ${full}`;
        this.hint = {
            needs: `the write:repository scope, and its user must own ${full}: be its owner, an owner of its ` +
                'organization or in a team with administrator access to it (a collaborator, even an administrator, is not enough)',
            missing: `The repository ${full} must exist, be visible to the token's user and have Actions enabled`,
        };
    }
}
class OrganizationSecret extends ForgejoSecret {
    org;
    label;
    scope;
    base;
    owner;
    hint;
    constructor(org, secretName) {
        super(secretName);
        this.org = org;
        this.label = `Forgejo secret ${secretName} of organization ${org}`;
        this.scope = `org:${org}`.toLowerCase();
        this.base = `/orgs/${enc(org)}/actions/secrets`;
        this.owner = `organization ${org}`;
        this.hint = {
            needs: `the write:organization scope, and its user must be an owner of organization ${org}`,
            missing: `The organization ${org} must exist (a user's name is not an organization)`,
        };
    }
}
/** A Forgejo login as the API may send it; anything else is not believed. */
const LOGIN = /^[\w.-]{1,100}$/;
/** The token's own user's secret: Forgejo writes it for whoever the token belongs to. */
class UserSecret extends ForgejoSecret {
    user;
    label;
    scope;
    base = '/user/actions/secrets';
    owner;
    hint;
    constructor(user, secretName) {
        super(secretName);
        this.user = user;
        this.label = `Forgejo secret ${secretName} of user ${user}`;
        this.scope = `user:${user}`.toLowerCase();
        this.owner = `user ${user}`;
        this.hint = {
            needs: `the write:user scope, and must belong to user ${user}`,
            missing: "This instance has no API for a user's own Actions secrets (older Forgejo and Gitea releases lack it)",
        };
    }
    /** Forgejo lists no user secrets. */
    async existing() {
        return undefined;
    }
    /** GET /user (read:user, which write:user includes): the write goes to this user, so it must be spec.user. */
    async readAccess(client) {
        const action = "read the token's user";
        let login;
        try {
            login = (await client.request({ method: 'GET', path: '/user', context: action })).data?.login;
        }
        catch (err) {
            throw explain(err, action, this.hint);
        }
        if (typeof login !== 'string' || !LOGIN.test(login)) {
            throw new core_errors/* ApiError */.hD(`Forgejo sent an answer without a valid login while trying to ${action}.`, 'forgejo');
        }
        // Forgejo compares user names without regard to case.
        if (login.toLowerCase() !== this.user.toLowerCase()) {
            throw new core_errors/* ApiError */.hD(`The Forgejo token belongs to user ${login}, not ${this.user}: a user's secrets are written with that ` +
                `user's own token, so ${this.label} needs a token of ${this.user}.`, 'forgejo');
        }
    }
}
/** The target for a validated spec. */
function forgejoTarget(spec) {
    switch (spec.type) {
        case 'forgejo-repo':
            return new RepositorySecret(spec.owner, spec.repo, spec.secret);
        case 'forgejo-org':
            return new OrganizationSecret(spec.org, spec.secret);
        case 'forgejo-user':
            return new UserSecret(spec.user, spec.secret);
    }
}

;// CONCATENATED MODULE: ./src/forgejo/writer.ts
// Writes one value into many Forgejo Actions secrets. Nothing needs sealing (Forgejo takes values in clear over
// TLS); what a run checks before minting is that the token may write every target, once per scope.




class ForgejoWriter {
    client;
    warn;
    targets;
    checks = new Map();
    /** The credential as sent and bare: never part of a message. */
    credential;
    constructor(specs, client, 
    /** Where what a run should know before it mints goes (the run's log.warning). */
    warn = () => { }) {
        this.client = client;
        this.warn = warn;
        this.targets = specs.map(forgejoTarget);
        const header = client.options.auth[1];
        this.credential = [header, header.split(/\s+/).at(-1) ?? header];
    }
    /** Checks every scope once; fails with the first that fails, and warns of each check the server cannot run. */
    async prepare() {
        // The first target of each scope stands for it (one check, one warning).
        const scopes = this.targets.filter((t, i) => this.targets.findIndex((o) => o.scope === t.scope) === i);
        const notes = await Promise.all(scopes.map((t) => this.check(t)));
        for (const note of notes)
            if (note)
                this.warn(note);
    }
    /** Nothing to load ahead: values are not sealed. */
    warmUp() { }
    async store(token, signal) {
        return Promise.all(this.targets.map(async (target) => {
            const answers = [];
            try {
                return { target, result: await target.write(this.client, token.header, signal, answers) };
            }
            catch (err) {
                const error = (0,core_errors/* errorMessage */.gJ)(scrub(err, [...this.credential, ...(0,mask/* tokenForms */.py)(token.header)]));
                return { target, error, facts: { answers } };
            }
        }));
    }
    /**
     * Whether each secret exists, from one listing per scope; Forgejo never returns a value or a write time, and
     * has no list of a user's own secrets (`exists` absent).
     */
    async evidence() {
        const byScope = new Map();
        for (const t of this.targets)
            byScope.set(t.scope, [...(byScope.get(t.scope) ?? []), t]);
        const listed = new Map();
        for (const [scope, targets] of byScope) {
            const wanted = new Set(targets.map((t) => t.secretName.toUpperCase()));
            listed.set(scope, targets[0].existing(this.client, wanted));
        }
        try {
            return await Promise.all(this.targets.map(async (t) => {
                const names = await listed.get(t.scope);
                return names ? { proof: 'none', exists: names.has(t.secretName.toUpperCase()) } : { proof: 'none' };
            }));
        }
        catch (err) {
            throw scrub(err, this.credential);
        }
    }
    check(target) {
        let check = this.checks.get(target.scope);
        if (!check) {
            check = target.check(this.client).catch((err) => {
                // A failed check may be run again by a later call.
                this.checks.delete(target.scope);
                throw scrub(err, this.credential);
            });
            this.checks.set(target.scope, check);
        }
        return check;
    }
}

;// CONCATENATED MODULE: ./src/github/errors.ts

/**
 * Explains a failed GitHub call in terms of the credential: which permission on which target is missing.
 * `permission` reads like "Secrets: read and write on acme/web".
 */
function githubError(err, action, permission) {
    const e = err;
    const status = e.status;
    const said = e.response?.data?.message ?? (0,core_errors/* errorMessage */.gJ)(err);
    // Octokit reports a request that got no HTTP answer at all (refused, reset, no DNS) as status 500 without a
    // response: that is no server error, and no status is shown for it.
    if (status === 500 && !e.response) {
        return new core_errors/* ApiError */.hD(`Could not reach GitHub while trying to ${action}: ${deepestCause(err)}. No HTTP answer came; check the API URL (GITHUB_API_URL), the network and any proxy.`, 'github');
    }
    if (status === 401) {
        return new core_errors/* ApiError */.hD(`GitHub rejected github-token (401 ${said}) while trying to ${action}. Check that the token exists and has not expired.`, 'github', 401);
    }
    if (status === 403 && /not accessible by integration/i.test(said)) {
        return new core_errors/* ApiError */.hD(`GitHub refused to ${action}: ${said}. If github-token is the workflow's own GITHUB_TOKEN, it can never read or write secrets; ` +
            `use a fine-grained PAT or a GitHub App (github-app-id + github-app-private-key) with ${permission} (docs/targets.md: "GitHub credentials").`, 'github', 403);
    }
    if (status === 403 || status === 404) {
        return new core_errors/* ApiError */.hD(`GitHub answered ${status} (${said}) while trying to ${action}: github-token needs ${permission}` +
            (status === 404 ? ', and the target must exist and be visible to it.' : '.'), 'github', status);
    }
    if (status === 422)
        return new core_errors/* ApiError */.hD(`GitHub rejected the request to ${action}: ${said}`, 'github', 422);
    return new core_errors/* ApiError */.hD(`GitHub failed to ${action}${status ? ` (HTTP ${status})` : ''}: ${said}`, 'github', status);
}
/** The innermost cause's message ("connect ECONNREFUSED 127.0.0.1:1"): octokit's own may be "fetch failed". */
function deepestCause(err) {
    let e = err;
    for (let depth = 0; depth < 5 && e?.cause; depth++)
        e = e.cause;
    return (0,core_errors/* errorMessage */.gJ)(e);
}

;// CONCATENATED MODULE: ./src/github/targets.ts

const APP_NAMES = {
    actions: 'Actions',
    dependabot: 'Dependabot',
    codespaces: 'Codespaces',
};
const REPO_PERMISSION = {
    actions: 'Secrets',
    dependabot: 'Dependabot secrets',
    codespaces: 'Codespaces secrets',
};
const ORG_PERMISSION = {
    actions: 'Organization permissions \u203a Secrets',
    dependabot: 'Organization permissions \u203a Dependabot secrets',
    codespaces: 'Organization permissions \u203a Codespaces secrets',
};
/** GitHub answers a secret write with 201 or 204 and no body; anything else (a proxy's 200) proves nothing. */
function written(status) {
    if (status === 201)
        return 'created';
    if (status === 204)
        return 'updated';
    throw new Error(`GitHub answered HTTP ${status} instead of 201 or 204, so the write is not confirmed`);
}
/**
 * What every secret store shares: `{base}/secrets/public-key`, `{base}/secrets/{secret_name}` to read and
 * write, and errors that name the permission. Subclasses say where `base` is and what they add.
 */
class SecretStore {
    proof = 'timestamp';
    async publicKey(gh) {
        await this.check?.(gh);
        try {
            return (await gh.request(`GET ${this.base}/secrets/public-key`, this.params())).data;
        }
        catch (err) {
            throw githubError(err, `read ${this.keyName}`, this.permission);
        }
    }
    async lastWritten(gh) {
        try {
            const res = await gh.request(`GET ${this.base}/secrets/{secret_name}`, this.secretParams());
            return res.data.updated_at;
        }
        catch (err) {
            if (err.status === 404)
                return undefined;
            throw githubError(err, `read when ${this.label} was last written`, this.permission);
        }
    }
    async write(gh, encryptedValue, keyId, signal, answers) {
        const extra = await this.writeFields(gh);
        try {
            const res = await gh.request(`PUT ${this.base}/secrets/{secret_name}`, {
                ...this.secretParams(),
                encrypted_value: encryptedValue,
                key_id: keyId,
                ...extra,
                // octokit.ts records each attempt's answer in request.answers.
                request: { ...(signal ? { signal } : {}), ...(answers ? { answers } : {}) },
            });
            try {
                return written(res.status);
            }
            catch (odd) {
                answers?.splice(-1, 1, { lost: 'bad-reply' });
                throw odd;
            }
        }
        catch (err) {
            throw githubError(err, `write ${this.label}`, this.permission);
        }
    }
    /** Fields a store's write needs besides the sealed value. */
    async writeFields(_gh) {
        return {};
    }
    secretParams() {
        return { ...this.params(), secret_name: this.secretName };
    }
}
class targets_RepositorySecret extends SecretStore {
    owner;
    repo;
    secretName;
    app;
    label;
    keyScope;
    permission;
    base = '/repos/{owner}/{repo}/{app}';
    keyName;
    constructor(owner, repo, secretName, app = 'actions') {
        super();
        this.owner = owner;
        this.repo = repo;
        this.secretName = secretName;
        this.app = app;
        const kind = app === 'actions' ? 'repository' : `${APP_NAMES[app]} repository`;
        this.label = `${kind} secret ${secretName} in ${owner}/${repo}`;
        this.keyScope = `${app}:repo:${owner}/${repo}`.toLowerCase();
        this.permission = `${REPO_PERMISSION[app]}: read and write on ${owner}/${repo}`;
        this.keyName = `the ${APP_NAMES[app]} public key of ${owner}/${repo}`;
    }
    params() {
        return { owner: this.owner, repo: this.repo, app: this.app };
    }
}
class EnvironmentSecret extends SecretStore {
    owner;
    repo;
    environment;
    secretName;
    label;
    keyScope;
    permission;
    base = '/repos/{owner}/{repo}/environments/{environment_name}';
    keyName;
    exists;
    constructor(owner, repo, environment, secretName) {
        super();
        this.owner = owner;
        this.repo = repo;
        this.environment = environment;
        this.secretName = secretName;
        this.label = `environment secret ${secretName} in ${owner}/${repo} environment ${environment}`;
        this.keyScope = `actions:env:${owner}/${repo}:${environment}`.toLowerCase();
        this.permission = `Environments: read and write on ${owner}/${repo}`;
        this.keyName = `the public key of environment "${environment}" in ${owner}/${repo}`;
    }
    params() {
        return { owner: this.owner, repo: this.repo, environment_name: this.environment };
    }
    /**
     * GitHub would create a missing environment on write; a typo must not become a new, empty environment.
     * The key of a missing environment answers 404 too, so publicKey() runs this first to say why.
     */
    check(gh) {
        if (!this.exists) {
            const exists = this.find(gh);
            this.exists = exists;
            exists.catch(() => {
                if (this.exists === exists)
                    this.exists = undefined;
            });
        }
        return this.exists;
    }
    async find(gh) {
        try {
            await gh.request(`GET ${this.base}`, this.params());
        }
        catch (err) {
            const missing = err.status === 404;
            throw githubError(err, missing
                ? `find environment "${this.environment}" in ${this.owner}/${this.repo} (it must already exist: this action never creates environments)`
                : `read environment "${this.environment}" of ${this.owner}/${this.repo}`, 
            // "Get an environment" needs Actions: read, not the Environments permission the secret needs.
            `Actions: read and ${this.permission}`);
        }
    }
}
class targets_OrganizationSecret extends SecretStore {
    org;
    visibility;
    repositories;
    secretName;
    app;
    label;
    keyScope;
    permission;
    base = '/orgs/{org}/{app}';
    keyName;
    repositoryIds;
    constructor(org, visibility, repositories, secretName, app = 'actions') {
        super();
        this.org = org;
        this.visibility = visibility;
        this.repositories = repositories;
        this.secretName = secretName;
        this.app = app;
        const kind = app === 'actions' ? 'organization' : `${APP_NAMES[app]} organization`;
        const who = visibility === 'selected' ? `repositories ${repositories.join(', ')}` : `${visibility} repositories`;
        this.label = `${kind} secret ${secretName} in ${org} (${who})`;
        this.keyScope = `${app}:org:${org}`.toLowerCase();
        this.permission = `${ORG_PERMISSION[app]}: read and write on organization ${org}`;
        this.keyName = `the ${APP_NAMES[app]} public key of organization ${org}`;
    }
    params() {
        return { org: this.org, app: this.app };
    }
    /** Resolves the selected repositories to ids once; a name that does not resolve fails before minting. */
    check(gh) {
        return this.ids(gh).then(() => undefined);
    }
    /** Visibility and (for `selected`) the full repository selection, so the selection follows the input. */
    async writeFields(gh) {
        const ids = await this.ids(gh);
        return {
            visibility: this.visibility,
            ...(this.visibility === 'selected' ? { selected_repository_ids: ids } : {}),
        };
    }
    ids(gh) {
        if (this.visibility !== 'selected')
            return Promise.resolve([]);
        if (!this.repositoryIds) {
            const ids = Promise.all(this.repositories.map((repo) => this.repositoryId(gh, repo)));
            this.repositoryIds = ids;
            // A failed lookup may be retried by a later call.
            ids.catch(() => {
                if (this.repositoryIds === ids)
                    this.repositoryIds = undefined;
            });
        }
        return this.repositoryIds;
    }
    async repositoryId(gh, repo) {
        try {
            const res = await gh.request('GET /repos/{owner}/{repo}', { owner: this.org, repo });
            return Number(res.data.id);
        }
        catch (err) {
            throw githubError(err, `look up ${this.org}/${repo}, selected for ${this.label}`, `Metadata: read on ${this.org}/${repo}`);
        }
    }
}
/** The writer for a validated target spec. */
function secretTarget(spec) {
    switch (spec.type) {
        case 'repository':
            return new targets_RepositorySecret(spec.owner, spec.repo, spec.secret, spec.app);
        case 'environment':
            return new EnvironmentSecret(spec.owner, spec.repo, spec.environment, spec.secret);
        case 'organization':
            return new targets_OrganizationSecret(spec.org, spec.visibility, spec.repositories, spec.secret, spec.app);
    }
}
/** The account that owns a target: whose GitHub App installation writes it. */
function targetOwner(spec) {
    return spec.type === 'organization' ? spec.org : spec.owner;
}

;// CONCATENATED MODULE: ./src/github/seal.ts
let loading;
function sodium() {
    loading ??= __webpack_require__.e(/* import() */ 768).then(__webpack_require__.bind(__webpack_require__, 4768)).then(async (m) => {
        await m.default.ready;
        return m.default;
    });
    return loading;
}
/** Starts loading libsodium now, so that sealing right after the mint does not wait for its compile. */
function preloadSealing() {
    sodium().catch(() => {
        // A failure resurfaces, with its message, at the first seal.
        loading = undefined;
    });
}
/** Encrypts a secret value for GitHub with an anonymous sealed box (crypto_box_seal), as GitHub requires. */
async function sealSecret(value, publicKeyBase64) {
    const s = await sodium();
    const key = s.from_base64(publicKeyBase64, s.base64_variants.ORIGINAL);
    const sealed = s.crypto_box_seal(s.from_string(value), key);
    return s.to_base64(sealed, s.base64_variants.ORIGINAL);
}

;// CONCATENATED MODULE: ./src/github/writer.ts


/**
 * Writes one value into many targets. Public keys are fetched once per key scope per run (prepare()
 * can run while the token is still being minted), and each target is written exactly once.
 */
class GitHubWriter {
    targets;
    clientFor;
    keys = new Map();
    constructor(targets, clientFor) {
        this.targets = targets;
        this.clientFor = clientFor;
    }
    /** Fetches every public key and runs every target's own check; fails with the first that fails. */
    async prepare() {
        await Promise.all([
            ...this.targets.map((t) => this.key(t)),
            ...this.targets.map(async (t) => t.check?.(await this.clientFor(t))),
        ]);
    }
    /** Gets sealing ready ahead of store(): a run that will write calls this while it plans. */
    warmUp() {
        preloadSealing();
    }
    async store(token, signal) {
        const value = token.header;
        return Promise.all(this.targets.map(async (target) => {
            const answers = [];
            let sent = false;
            try {
                const key = await this.key(target);
                const sealed = await sealSecret(value, key.key);
                const gh = await this.clientFor(target);
                sent = true;
                return { target, result: await target.write(gh, sealed, key.key_id, signal, answers) };
            }
            catch (err) {
                // Facts only (core/evidence.ts decides): nothing sent when the key, sealing or client failed; else
                // every attempt's answer, or, from a target that does not record them, the error's own.
                if (sent && !answers.length)
                    answers.push(answerOf(err));
                return { target, error: (0,core_errors/* errorMessage */.gJ)(err), facts: { answers } };
            }
        }));
    }
    /** Each target's updated_at, read now (never cached: it is read again after an ambiguous write). */
    evidence() {
        return Promise.all(this.targets.map(async (t) => ({
            proof: 'timestamp',
            updatedAt: await t.lastWritten(await this.clientFor(t)),
        })));
    }
    key(target) {
        let key = this.keys.get(target.keyScope);
        if (!key) {
            key = this.clientFor(target).then((gh) => target.publicKey(gh));
            this.keys.set(target.keyScope, key);
            // A failed fetch may be retried by a later call (e.g. the store after a failed prepare).
            key.catch(() => this.keys.delete(target.keyScope));
        }
        return key;
    }
}
/** The answer an error stands for: its HTTP status, or a lost answer. */
function answerOf(err) {
    const status = err.status;
    return typeof status === 'number' ? { status } : { lost: 'reset' };
}

;// CONCATENATED MODULE: ./src/gitlab/errors.ts
// Turns failed GitLab calls into messages about the credential (which scope and role are missing, on which
// project or group), and keeps the token being written out of every message, whatever a server echoes.


/** A failure that proves what happened (a read-back that disagrees, a scope GitLab dropped): never ambiguous. */
class GitLabCheckError extends core_errors/* ApiError */.hD {
    undone;
    constructor(message, 
    /** What was written was taken back: the target holds what it held before. */
    undone = false) {
        super(message, 'gitlab');
        this.undone = undone;
    }
}
const errors_statusOf = (err) => err.status;
/** Is this GitLab's "no such variable" (as opposed to no such project or group)? */
function variableMissing(err) {
    return errors_statusOf(err) === 404 && /\b(Group)?Variable Not Found\b/.test(err.message);
}
/**
 * Explains a failed call: 401 is the token itself, 403 a missing scope or role, 404 a path that does not exist
 * or is not visible to the token. `requirement` reads "\u2026 with scope api and the Owner role on group acme".
 * Transient errors are returned as they are, so callers still see them as such.
 */
function gitlabError(err, requirement) {
    if (!(err instanceof core_errors/* ApiError */.hD) || err.status === undefined || err.status >= 500)
        return err;
    const status = err.status;
    let hint = '';
    if (status === 401) {
        hint = ' GitLab did not accept the token: check that it exists, has not expired and was not revoked.';
    }
    else if (status === 403 && /insufficient_scope/.test(err.message)) {
        hint = ` The token lacks the api scope (read_api can only read); it must be ${requirement}.`;
    }
    else if (status === 403) {
        hint = ` It must be ${requirement}.`;
    }
    else if (status === 404) {
        hint = ` The path must exist and be visible to the token, which must be ${requirement}.`;
    }
    else if (/masked and hidden/i.test(err.message)) {
        // With raw, GitLab masks any value of at least 8 characters without whitespace (`\A\S{8,}\z`), commas
        // included; the Fly token is maskable without its `FlyV1 ` scheme, the form a masked target stores.
        hint =
            ' The variable is masked and hidden, and GitLab never lets a hidden variable change whether it is masked. ' +
                'GitLab masks a raw value of 8 or more characters without whitespace (commas allowed), so set masked: true ' +
                'for this target: it then stores the token without its FlyV1 scheme (which flyctl and Fly accept) and the ' +
                'variable stays hidden. Or delete the variable in GitLab and the next run creates it.';
    }
    return hint ? new core_errors/* ApiError */.hD(`${err.message}.${hint}`, 'gitlab', status) : err;
}
/**
 * Removes the token from a message in every form it could appear in (whole, without its scheme, each bundle
 * part), and control characters a server may have put in its answer.
 */
function errors_scrub(message, secret) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
    const out = message.replace(/[\u0000-\u001f\u007f]/g, ' ');
    return secret ? (0,mask/* cutOut */.r1)(out, (0,mask/* tokenForms */.py)(secret), '[token]') : out;
}

;// CONCATENATED MODULE: ./src/gitlab/note.ts
// The variable's description records which Fly token it holds, so a later run (or one settling a lost write)
// can tell from GitLab alone. Only our own form is read back: anything else in the description, which anyone
// with access can edit, yields no token id.
const SUFFIX = ' \u00b7 fly-token-rotator';
/** Fly token ids are short opaque node ids; anything else is not ours. */
const ID = /^[A-Za-z0-9_-]{1,100}$/;
const NOTE = /^Fly token ([A-Za-z0-9_-]{1,100}) \u00b7 fly-token-rotator$/;
/** `Fly token <id> \u00b7 fly-token-rotator`, or undefined when the id could not be read back from it. */
function tokenNote(id) {
    return ID.test(id) ? `Fly token ${id}${SUFFIX}` : undefined;
}
/** The token id of a description written by tokenNote, else undefined. */
function tokenIdOf(description) {
    return typeof description === 'string' ? NOTE.exec(description)?.[1] : undefined;
}

// EXTERNAL MODULE: ./src/gitlab/variable.ts
var variable = __webpack_require__(1855);
;// CONCATENATED MODULE: ./src/gitlab/writer.ts
// Writes a Fly token into GitLab CI/CD variables and proves each write by reading it back: the value and the
// description (which names the token id) must come back exactly as written. A write only ever touches the
// environment scope it names: GitLab's group update, when its scope filter finds no variable, updates the
// variable of that key in any other scope, so the variable is read with the filter first and updated only when
// it exists in that scope, else created.




/** GitLab 16.2 gave variables a description, where the Fly token id is recorded. */
const MINIMUM_GITLAB = '16.2';
/** Pages of 100 variables read per project or group before minting; more are not looked at. */
const writer_MAX_PAGES = 50;
class GitLabWriter {
    api;
    warn;
    targets;
    /**
     * One listing per project or group, shared by its variables: the access check, and the variables of the
     * targets' keys as they were before minting (what a write into the wrong scope is put back from).
     */
    access = new Map();
    constructor(specs, api, 
    /** Where what a run should know before it mints goes (the run's log.warning). */
    warn = () => { }) {
        this.api = api;
        this.warn = warn;
        this.targets = specs.map((s) => new variable/* GitLabVariable */.Y8(s));
    }
    /**
     * Before anything is minted: each spec fits GitLab's rules, the token has the api scope, it can manage the
     * variables of every project and group (reading their list needs the same role as writing), and GitLab is a
     * release whose variables have a description. What the existing variables show (hidden, a group without
     * environment scopes) is told as a warning.
     */
    async prepare() {
        const problems = this.targets.map((t) => (0,variable/* gitlabSpecProblem */.yg)(t.spec)).filter((p) => p !== undefined);
        if (problems.length)
            throw new core_errors/* InputError */.dz(problems.join(' '));
        const [, version, ...listed] = await Promise.all([
            this.checkScopes(),
            this.readVersion(),
            ...this.targets.map((t) => this.checkAccess(t)),
        ]);
        checkDescriptions(version, listed.some((l) => l.undescribed));
        this.targets.forEach((t, i) => {
            for (const warning of variableNotices(t, listed[i].variables))
                this.warn(warning);
        });
    }
    /** Nothing to get ready: GitLab takes the value as it is, over TLS. */
    warmUp() { }
    store(token, signal) {
        return Promise.all(this.targets.map(async (target) => {
            // Every answer the PUTs and POSTs got: the facts core/evidence.ts decides from (a read-back's are not).
            const answers = [];
            try {
                return { target, result: await this.write(target, token, answers, signal) };
            }
            catch (err) {
                const error = errors_scrub((0,core_errors/* errorMessage */.gJ)(gitlabError(err, target.requirement)), token.header);
                // After a 2xx the value landed: our own check that then disagreed (another scope, another value) says
                // where; a read-back that could not be had changes nothing (core/evidence.ts).
                const checked = err instanceof GitLabCheckError && answers.some((a) => 'status' in a && a.status < 300);
                const undone = checked && err.undone;
                return {
                    target,
                    error,
                    facts: { answers, ...(checked ? { afterAccepted: error } : {}), ...(undone ? { undone } : {}) },
                };
            }
        }));
    }
    evidence(value) {
        return Promise.all(this.targets.map(async (target) => {
            let stored;
            try {
                stored = await this.read(target);
            }
            catch (err) {
                // Keeps the error's class (a TransientError stays one), with the value asked about scrubbed out.
                const explained = gitlabError(err, target.requirement);
                if (explained instanceof Error)
                    explained.message = errors_scrub(explained.message, value);
                throw explained;
            }
            if (!stored)
                return { proof: 'read-back', exists: false };
            const evidence = { proof: 'read-back', exists: true };
            const tokenId = tokenIdOf(stored.description);
            if (tokenId)
                evidence.tokenId = tokenId;
            // A hidden variable answers value null: then whether it matches cannot be told.
            if (value !== undefined && typeof stored.value === 'string')
                evidence.matches = stored.value === storedForm(target, value);
            return evidence;
        }));
    }
    /**
     * Reads the variable with the scope filter: updates it when it exists in that scope, else creates it; then
     * reads it back. An update is never sent for a scope without the variable (GitLab's group API would update
     * another scope's).
     */
    async write(target, token, answers, signal) {
        const note = tokenNote(token.id);
        if (!note)
            throw new GitLabCheckError(`The Fly token id is not one ${target.label} can record; nothing written.`);
        const fields = {
            value: storedForm(target, token.header),
            // raw: GitLab never expands the value, and masks any value without whitespace (the scheme-less token).
            masked: target.spec.masked,
            raw: true,
            protected: target.spec.protected,
            variable_type: 'env_var',
            description: note,
        };
        let current = inScope(target, await this.read(target, signal));
        let result = current ? 'updated' : 'created';
        let written = current
            ? await this.update(target, fieldsFor(fields, current), answers, signal)
            : undefined;
        if (!written) {
            // Missing, or deleted since it was read: create it.
            written = await this.create(target, fields, answers, signal);
            result = 'created';
        }
        if (!written) {
            // The key is taken: another writer created it meanwhile, or GitLab stores it in another scope.
            current = inScope(target, await this.read(target, signal));
            if (current) {
                written = await this.update(target, fieldsFor(fields, current), answers, signal);
                result = 'updated';
            }
        }
        if (!written) {
            const why = target.kind === 'group'
                ? 'without Premium, GitLab keeps group variables for every environment, so one may exist with scope *'
                : 'it may have been deleted while being written';
            throw new GitLabCheckError(`GitLab says ${target.label} does not exist, yet calls its key taken (${why}).`);
        }
        if (result === 'updated')
            await this.checkUpdatedScope(target, written);
        else
            await this.checkCreatedScope(target, written);
        await this.readBack(target, storedForm(target, token.header, current?.hidden === true), note, signal);
        return result;
    }
    /**
     * An update that GitLab applied to another scope's variable (ours was deleted between the read and the
     * update, and the group API fell back to that key in any scope): says so, and puts that variable back as it
     * was read before minting, when it was.
     */
    async checkUpdatedScope(target, written) {
        const scope = written.environment_scope;
        if (typeof scope !== 'string' || scope === target.spec.environmentScope)
            return;
        const shown = writer_printable(scope);
        const before = (await this.listed(target))?.find((v) => v.key === target.spec.secret && v.environment_scope === scope);
        let restored;
        if (!before) {
            restored = 'It was not read before this run, so it cannot be put back: set its value again in GitLab.';
        }
        else if (typeof before.value !== 'string') {
            restored = 'It is hidden, so its value was never read and cannot be put back: set it again in GitLab.';
        }
        else {
            try {
                await this.api.request({
                    method: 'PUT',
                    path: `${target.collection}/${encodeURIComponent(target.spec.secret)}?filter[environment_scope]=${encodeURIComponent(scope)}`,
                    body: restoreFields(before),
                    context: `put back ${target.spec.secret} of ${target.owner} (environment ${shown})`,
                });
                restored = 'Its value from before this run was put back.';
            }
            catch (err) {
                restored = `Putting its value from before this run back failed (${(0,core_errors/* errorMessage */.gJ)(err)}): set it again in GitLab.`;
            }
        }
        throw new GitLabCheckError(`GitLab wrote the new token into ${target.spec.secret} of ${target.owner} with environment scope "${shown}" ` +
            `instead of "${writer_printable(target.spec.environmentScope)}": the variable of that scope was deleted while ` +
            `being written, and GitLab then updates the variable of that key in another scope. ${restored}`);
    }
    /** PUT with the scope filter; undefined when no variable of that key and scope exists. */
    async update(target, fields, answers, signal) {
        try {
            const res = await this.api.request({
                method: 'PUT',
                path: target.item,
                body: fields,
                context: `update ${target.label}`,
                signal,
                answers,
            });
            return res.data ?? {};
        }
        catch (err) {
            if (variableMissing(err))
                return undefined;
            throw err;
        }
    }
    /** POST; undefined when GitLab answers that the key is already taken in that scope. */
    async create(target, fields, answers, signal) {
        try {
            const res = await this.api.request({
                method: 'POST',
                path: target.collection,
                body: { key: target.spec.secret, environment_scope: target.spec.environmentScope, ...fields },
                context: `create ${target.label}`,
                // Safe to repeat after a lost answer: a create that did land makes the repeat "already taken", and
                // that is followed by an update with the same value.
                idempotent: true,
                signal,
                answers,
            });
            return res.data ?? {};
        }
        catch (err) {
            if (errors_statusOf(err) === 400 && /has already been taken/.test(err.message))
                return undefined;
            throw err;
        }
    }
    /**
     * Without Premium, GitLab silently stores a group variable for every environment (`*`), where every pipeline
     * reads it. A variable this create made there did not exist before (the key would have been taken), so it is
     * deleted again when the key existed nowhere before: the run leaves no variable of a scope it was not asked
     * to write.
     */
    async checkCreatedScope(target, written) {
        const scope = written.environment_scope;
        if (typeof scope !== 'string' || scope === target.spec.environmentScope)
            return;
        const shown = writer_printable(scope);
        const where = target.label.replace(/ \(environment [^)]*\)$/, '');
        const why = target.kind === 'group'
            ? ' Environment scopes of group variables need GitLab Premium or Ultimate; without them GitLab ignores the scope.'
            : '';
        let undone = false;
        let fate;
        // Only when the key existed nowhere before this run: a GitLab that ignores the scope filter deletes the
        // first variable of that key, which must then be the one just created.
        const before = await this.listed(target);
        const alone = before !== undefined && !before.some((v) => v.key === target.spec.secret);
        if (!alone) {
            fate = 'It was left as it is (another variable of that key exists, which a delete could hit instead).';
        }
        else
            try {
                await this.api.request({
                    method: 'DELETE',
                    path: `${target.collection}/${encodeURIComponent(target.spec.secret)}?filter[environment_scope]=${encodeURIComponent(scope)}`,
                    context: `delete ${target.spec.secret} of ${target.owner} (environment ${shown}) again`,
                    idempotent: true,
                });
                undone = true;
                fate = 'This run deleted that variable again, so nothing was changed there.';
            }
            catch (err) {
                undone = variableMissing(err);
                fate = undone
                    ? 'That variable is gone already.'
                    : `Deleting it again failed (${(0,core_errors/* errorMessage */.gJ)(err)}): every matching environment reads the new token until you delete it in GitLab.`;
            }
        throw new GitLabCheckError(`GitLab stored the new token in ${where} with environment scope "${shown}" instead of ` +
            `"${writer_printable(target.spec.environmentScope)}".${why} ${fate} Use environment scope "${shown}", or move ` +
            'the variable to a project.', undone);
    }
    async readBack(target, value, note, signal) {
        const stored = await this.read(target, signal);
        if (!stored)
            throw new GitLabCheckError(`${target.label} was written, but GitLab no longer has it.`);
        // A hidden variable never shows its value (value null); the description, written in the same request,
        // still names the token it holds.
        const hidden = stored.value === null;
        const differs = [
            !hidden && stored.value !== value && 'value',
            stored.description !== note && 'description',
        ].filter(Boolean);
        if (differs.length) {
            throw new GitLabCheckError(`${target.label} was written, but reading it back gives another ${differs.join(' and ')} ` +
                '(a concurrent writer?), so it may hold another token.');
        }
    }
    /** The variable of this key and scope, or undefined when it does not exist. */
    async read(target, signal) {
        try {
            const res = await this.api.request({
                method: 'GET',
                path: target.item,
                context: `read ${target.label}`,
                signal,
            });
            if (!res.data || typeof res.data !== 'object') {
                throw new core_errors/* ApiError */.hD(`GitLab answered reading ${target.label} with something that is not a variable.`, 'gitlab');
            }
            return res.data;
        }
        catch (err) {
            if (variableMissing(err))
                return undefined;
            throw err;
        }
    }
    /** A token without `api` fails here, before minting: reading variables alone would not show it. */
    async checkScopes() {
        let scopes;
        try {
            const res = await this.api.request({
                method: 'GET',
                path: '/personal_access_tokens/self',
                context: 'read the scopes of the GitLab token',
            });
            scopes = res.data?.scopes;
        }
        catch (err) {
            const status = errors_statusOf(err);
            if (status === 403 && /insufficient_scope/.test(err.message)) {
                throw new core_errors/* ApiError */.hD('The GitLab token lacks the api scope, which writing CI/CD variables needs.', 'gitlab', 403);
            }
            // Tokens that cannot describe themselves (OAuth) are checked by the access probe alone.
            if (status !== undefined && status >= 400 && status < 500)
                return;
            throw err;
        }
        if (!Array.isArray(scopes) || scopes.includes('api'))
            return;
        const held = scopes
            .filter((s) => typeof s === 'string' && /^[a-z_]{1,40}$/.test(s))
            .slice(0, 12)
            .join(', ');
        throw new core_errors/* ApiError */.hD(`The GitLab token has scopes ${held || '(none)'}; writing CI/CD variables needs scope api (read_api only reads).`, 'gitlab', 403);
    }
    /** GitLab's release from GET /version; undefined when this token may not read it. */
    async readVersion() {
        try {
            const res = await this.api.request({
                method: 'GET',
                path: '/version',
                context: 'read the GitLab version',
            });
            return typeof res.data?.version === 'string' ? res.data.version : undefined;
        }
        catch (err) {
            const status = errors_statusOf(err);
            if (status !== undefined && status >= 400 && status < 500)
                return undefined;
            throw err;
        }
    }
    /** The owner's variables of the targets' keys as listed before minting (undefined when prepare never ran). */
    async listed(target) {
        const listing = this.access.get(target.owner.toLowerCase());
        return listing?.then((l) => l.variables).catch(() => undefined);
    }
    /** Lists the owner's variables once (every page): the access check, and what exists before minting. */
    checkAccess(target) {
        const key = target.owner.toLowerCase();
        let check = this.access.get(key);
        if (!check) {
            const keys = new Set(this.targets.filter((t) => t.owner.toLowerCase() === key).map((t) => t.spec.secret));
            check = this.listAll(target, keys).catch((err) => {
                throw gitlabError(err, target.requirement);
            });
            this.access.set(key, check);
            // A failed check may be tried again by a later prepare().
            check.catch(() => this.access.delete(key));
        }
        return check;
    }
    async listAll(target, keys) {
        const listing = { variables: [], undescribed: false };
        for (let page = 1; page <= writer_MAX_PAGES;) {
            const res = await this.api.request({
                method: 'GET',
                path: `${target.collection}?per_page=100&page=${page}`,
                context: `read the CI/CD variables of ${target.owner}`,
            });
            if (!Array.isArray(res.data))
                break;
            for (const v of res.data) {
                if (!v || typeof v !== 'object')
                    continue;
                // A release before 16.2 sends no description field at all (a newer one sends null when empty).
                if (!('description' in v))
                    listing.undescribed = true;
                // Only the keys this run writes are kept.
                if (typeof v.key === 'string' && keys.has(v.key))
                    listing.variables.push(v);
            }
            const next = Number(res.headers.get('x-next-page') || Number.NaN);
            if (!Number.isInteger(next) || next <= page)
                break;
            page = next;
        }
        return listing;
    }
}
/** Refuses, before minting, a GitLab whose variables have no description (before 16.2). */
function checkDescriptions(version, undescribed) {
    const release = version && /^\d{1,4}\.\d{1,4}(\.\d{1,4})?(-[a-z]{1,10})?$/.test(version) ? version : undefined;
    const [major, minor] = (release ?? '').split('.').map(Number);
    const old = release !== undefined && (major < 16 || (major === 16 && minor < 2));
    if (!old && !undescribed)
        return;
    throw new core_errors/* ApiError */.hD(`${release ? `GitLab ${release}` : 'This GitLab'} ${old ? 'is older than' : 'returns variables without a description, as releases before'} ` +
        `${MINIMUM_GITLAB}${old ? ', whose variables have no description' : ' do'}: this action records which Fly token a ` +
        `variable holds in its description and proves each write by reading it back. Upgrade GitLab to ` +
        `${MINIMUM_GITLAB} or later; nothing was minted.`, 'gitlab');
}
/** What the variables as they are now mean for this run, told before minting. */
function variableNotices(target, listed) {
    const same = listed.filter((v) => v.key === target.spec.secret);
    const scope = target.spec.environmentScope;
    const mine = same.find((v) => v.environment_scope === scope);
    const notices = [];
    if (mine?.hidden === true) {
        notices.push(`${target.label} is masked and hidden: GitLab never returns its value, so this run proves its write by ` +
            'the Fly token id in its description alone, and keeps it masked and hidden whatever the masked setting ' +
            'says. To have the value itself checked, delete the variable in GitLab (Settings > CI/CD > Variables); ' +
            'the next run creates it visible, or masked with masked: true.');
    }
    if (target.kind === 'group' &&
        scope !== '*' &&
        !mine &&
        same.length &&
        same.every((v) => v.environment_scope === '*')) {
        notices.push(`${target.owner} has ${target.spec.secret} only for every environment (*), and this run creates it for ` +
            `environment ${writer_printable(scope)}. That needs GitLab Premium or Ultimate: without them GitLab ignores the ` +
            'scopes of group variables, the create collides with the * variable, and the run fails after minting ' +
            'with both tokens kept valid. On GitLab Free, give this target environment scope *, or move the ' +
            'variable to a project.');
    }
    return notices;
}
/** The variable read with the filter, when it really is the one of the target's scope. */
function inScope(target, v) {
    if (!v)
        return undefined;
    return v.environment_scope === undefined || v.environment_scope === target.spec.environmentScope
        ? v
        : undefined;
}
/**
 * A masked-and-hidden variable cannot change whether it is masked: its setting is left as it is, and it gets
 * the form a masked variable holds (without `FlyV1 `).
 */
function fieldsFor(fields, current) {
    if (current.hidden !== true)
        return fields;
    const { masked: _, ...rest } = fields;
    return { ...rest, value: maskedForm(rest.value) };
}
/** The attributes a variable is put back with, as they were read. */
function restoreFields(v) {
    const out = {};
    for (const k of ['value', 'masked', 'raw', 'protected', 'variable_type', 'description']) {
        if (v[k] !== undefined)
            out[k] = v[k];
    }
    return out;
}
/** A server's string as it may appear in a message: printable, and short. */
function writer_printable(s) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
    return s.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 100);
}
/**
 * What a variable holds for a token: GitLab masks a raw value only when it has no whitespace, so a masked
 * variable holds the token without its `FlyV1 ` scheme (`fm2_\u2026,fm2_\u2026`), which flyctl and Fly's API accept too.
 */
function storedForm(target, header, hidden = false) {
    return target.spec.masked || hidden ? maskedForm(header) : header;
}
const maskedForm = (header) => header.replace(/^FlyV1\s+/i, '');

;// CONCATENATED MODULE: ./src/run/writers.ts
// The writer of one rotation: a writer per store its targets live in (GitHub, GitLab, Forgejo, commands),
// joined into one that keeps the targets in the order the user gave them.







function secretWriter(rotation, services) {
    const writers = [];
    const github = rotation.targets.filter(core_spec/* isGitHubTarget */.Nd);
    if (github.length)
        writers.push({ writer: githubWriter(github, services), specs: github });
    const commands = rotation.targets.filter((t) => t.type === 'command');
    if (commands.length) {
        // Output lines are made printable by the run's log; the writer cuts the token out of them itself.
        const writer = new CommandWriter(commands, services.commands ?? { log: () => { } });
        writers.push({ writer, specs: commands });
    }
    const forgejo = rotation.targets.filter((t) => t.type.startsWith('forgejo-'));
    if (forgejo.length)
        writers.push({
            writer: new ForgejoWriter(forgejo, platform(services.forgejo, 'forgejo-token'), services.warn),
            specs: forgejo,
        });
    const gitlab = rotation.targets.filter((t) => t.type.startsWith('gitlab-'));
    if (gitlab.length)
        writers.push({
            writer: new GitLabWriter(gitlab, platform(services.gitlab, 'gitlab-token'), services.warn),
            specs: gitlab,
        });
    // Every writer's targets, back in the order of the rotation's targets.
    const bySpec = new Map();
    for (const { writer, specs } of writers) {
        specs.forEach((spec, i) => {
            bySpec.set(spec, writer.targets[i]);
        });
    }
    return joinWriters(writers.map((w) => w.writer), rotation.targets.map((t) => bySpec.get(t)));
}
/** A store's client; inputs reading refuses a run that writes without its credential, so this is a bug guard. */
function platform(client, credential) {
    if (!client)
        throw new Error(`no ${credential} was given for targets that need it`);
    return client;
}
/** GitHub targets, each written with the GitHub client for its owner. */
function githubWriter(specs, services) {
    const targets = specs.map((spec) => ({ spec, target: secretTarget(spec) }));
    const byTarget = new Map(targets.map((t) => [t.target, t.spec]));
    return new GitHubWriter(targets.map((t) => t.target), (target) => services.github(byTarget.get(target)));
}

;// CONCATENATED MODULE: ./src/run/rotation.ts
// One door for every front end (action, CLI, demo): run a validated RunSpec against the services.








/** What the protocol needs for one rotation: names, expiry, and the run's deadlines when there are some. */
function rotationInput(rotation, spec, services) {
    return {
        tokenName: rotation.tokenName,
        ...(rotation.managed ? { managed: rotation.managed } : {}),
        // The mark ties the name to the value (see ../core/held.ts): proof by use reads it back out of the value.
        runName: (0,core_names/* runTokenName */.sR)(rotation.tokenName, markedIdentity((0,core_names/* runIdentity */.yK)(spec?.runLabel ?? 'cli'))),
        ...(services?.signals ? { signals: services.signals } : {}),
        expiry: (0,duration/* goDuration */.Lm)(rotation.expiryMs),
        keepPrevious: rotation.keepPrevious,
        ...(spec?.sweepGraceMs !== undefined ? { sweepGraceMs: spec.sweepGraceMs } : {}),
        ...(spec?.revokePrevious ? { revokePrevious: spec.revokePrevious } : {}),
    };
}
function runRotation(rotation, services, log, spec) {
    return rotate(rotationInput(rotation, spec, services), tokenIssuer(rotation, services.fly), secretWriter(rotation, services), log);
}
/**
 * Reads which token each target of the rotation holds, or undefined when the run lacks the credential of one of
 * the targets' stores (then modes say that the targets were not read).
 */
function holdingsReader(rotation, services, held) {
    if (services.canRead && !rotation.targets.every((t) => services.canRead(t)))
        return undefined;
    return async (managed) => {
        const writer = secretWriter(rotation, services);
        const evidence = await writer.evidence();
        return writer.targets.map((t, i) => {
            const store = holdingFrom(t.label, evidence[i], managed);
            const value = held?.values.get(i);
            if (value === undefined)
                return store;
            return withUse(store, matchHeld(value, managed, (v) => held.issuer.markOf?.(v)));
        });
    };
}
/**
 * When the targets cannot be read (no credential for a store, as in a deploy workflow) but input held names every
 * one of them, the runner's word alone says which token each holds: exact for what it hands out now. Status uses
 * this; nothing that revokes does, since the store's own word is what tells a secret written since the job began.
 */
function useOnlyReader(rotation, services, held) {
    if (!held || rotation.targets.some((_, i) => !held.values.has(i)))
        return undefined;
    let labels;
    try {
        labels = secretWriter(rotation, services).targets.map((t) => t.label);
    }
    catch {
        return undefined;
    }
    return async (managed) => {
        const now = Date.now();
        const valid = managed.filter((t) => !t.revokedAt && Date.parse(t.expiresAt) > now);
        return labels.map((target, i) => {
            const store = {
                target,
                unproven: true,
                possible: valid,
                ...(valid.length ? { token: valid.at(-1) } : {}),
            };
            return withUse(store, matchHeld(held.values.get(i), managed, (v) => held.issuer.markOf?.(v)));
        });
    };
}
/** Input held's values for `rotation`, or undefined when it names none of its targets. */
function heldFor(spec, rotation, issuer) {
    const index = spec.rotations.indexOf(rotation);
    const values = new Map((spec.held ?? []).filter((h) => h.rotation === index).map((h) => [h.target, h.value]));
    return values.size ? { values, issuer } : undefined;
}

;// CONCATENATED MODULE: ./src/run/modes/types.ts
const dryRunNote = '**Dry run**: nothing was created, written or revoked.';

;// CONCATENATED MODULE: ./src/run/modes/revoke.ts
// Mode revoke: revoke the ids from token-ids, each reported as revoked / already revoked / unknown / refused.






const runRevokeIds = async (spec, rotation, services, log) => {
    const issuer = tokenIssuer(rotation, services.fly);
    const report = await revokeTokens(spec.tokenIds, issuer, {
        managedName: (0,core_names/* managedNames */.az)(rotation),
        force: spec.force,
        dryRun: spec.dryRun,
        // Input held (proof by use) makes the protected set exact where the store agrees with it.
        holdings: holdingsReader(rotation, services, heldFor(spec, rotation, issuer)),
        ...(spec.describeInput ? { forceHint: `${spec.describeInput('force')} revokes it anyway` } : {}),
    }, log);
    // With several rotations an id is naturally unknown to all scopes but one; alone, unknown is an error.
    const bad = report.filter((r) => r.outcome === 'refused' ||
        r.outcome === 'failed' ||
        (r.outcome === 'unknown' && spec.rotations.length === 1));
    const summary = (0,run_summary/* revokeSummary */.l6)(rotation.label, report) + (spec.dryRun ? `\n${dryRunNote}\n` : '');
    return {
        outputs: {
            'revoked-token-ids': JSON.stringify(report.filter((r) => r.outcome === 'revoked').map((r) => r.id)),
        },
        summary,
        revoke: report,
        ...(bad.length
            ? { error: `could not revoke ${bad.map((r) => `${r.id} (${r.outcome})`).join(', ')}` }
            : {}),
    };
};

;// CONCATENATED MODULE: ./src/run/modes/revoke-all.ts
// Mode revoke-all, the kill switch for a suspected leak: revoke every valid managed token of the scope.
// Targets then hold a revoked token until the next rotation, and the summary names them.







const runRevokeAll = async (spec, rotation, services, log) => {
    const issuer = tokenIssuer(rotation, services.fly);
    const listed = await issuer.list();
    const managed = managedTokens(listed, (0,core_names/* managedNames */.az)(rotation));
    const report = await Promise.all(managed.map(async (t) => {
        if (spec.dryRun)
            return { id: t.id, name: t.name, outcome: 'would revoke' };
        try {
            await issuer.revoke(t.id);
            log.info(`Revoked ${t.id} (${t.name}).`);
            return { id: t.id, name: t.name, outcome: 'revoked' };
        }
        catch (err) {
            return { id: t.id, name: t.name, outcome: 'failed', detail: (0,core_errors/* errorMessage */.gJ)(err) };
        }
    }));
    const failed = report.filter((r) => r.outcome === 'failed');
    const revoked = report.filter((r) => r.outcome === 'revoked').map((r) => r.id);
    const error = failed.length
        ? `Revoking ${failed.length} of ${report.length} managed token(s) failed; run revoke-all again: ${failed.map((f) => `${f.id}: ${f.detail}`).join('; ')}`
        : undefined;
    const left = spec.dryRun ? '' : await targetsLeft(revoked);
    const warning = spec.dryRun
        ? dryRunNote
        : left
            ? `**These targets now hold a revoked token** until the next rotation (mode rotate) writes a new one: ${(0,run_summary/* cell */.Hn)(left)}.`
            : `**Every target of this rotation now holds a revoked token** until the next rotation (mode rotate) writes a new one.`;
    if (!spec.dryRun && revoked.length)
        log.warning(`Targets now hold revoked tokens until the next rotation${left ? `: ${left}` : ''}.`);
    const rows = report.map((r) => [
        (0,run_summary/* code */.aY)(r.id),
        (0,run_summary/* code */.aY)(r.name ?? ''),
        r.outcome + (r.detail ? `: ${(0,run_summary/* cell */.Hn)(r.detail)}` : ''),
    ]);
    const summary = [
        '### Fly tokens revoked (revoke-all)',
        '',
        ...(error ? [`> ${(0,run_summary/* cell */.Hn)(error)}`, ''] : []),
        `Scope: ${(0,run_summary/* cell */.Hn)(rotation.label)}`,
        '',
        warning,
        '',
        rows.length
            ? (0,run_summary/* table */.tp)(['Token', 'Name', 'Outcome'], rows)
            : `No valid managed tokens named ${(0,run_summary/* code */.aY)(rotation.tokenName)}.`,
        '',
    ].join('\n');
    return {
        outputs: { 'revoked-token-ids': JSON.stringify(revoked) },
        summary,
        revoke: report,
        ...(error ? { error } : {}),
    };
    /** The targets that hold one of the tokens just revoked, as one phrase; "" when they cannot be read. */
    async function targetsLeft(ids) {
        const read = holdingsReader(rotation, services, heldFor(spec, rotation, issuer));
        if (!read || ids.length === 0)
            return '';
        try {
            const holdings = await read(allManaged(listed, (0,core_names/* managedNames */.az)(rotation)));
            const hit = holdings.filter((h) => h.possible.some((t) => ids.includes(t.id))).map((h) => h.target);
            return hit.join('; ');
        }
        catch {
            return '';
        }
    }
};

;// CONCATENATED MODULE: ./src/run/held.ts
// Proof by use in the modes (see ../core/held.ts): before a rotation, what the runner handed this job says which
// token is "previous" for each target, and with revoke-previous: after-use it is the only thing that lets the
// tokens before it go.





/** Whether the run asks for proof by use at all (input held, or revoke-previous: after-use). */
function usesProof(spec) {
    return Boolean(spec.held?.length) || spec.revokePrevious === 'after-use';
}
/**
 * What input held proves for `rotation` and, with revoke-previous: after-use, the revocation of every managed
 * token minted before the one all targets are proven to hold. `dryRun` reports what it would revoke.
 */
async function useBeforeRotation(spec, rotation, services, issuer, log) {
    const afterUse = spec.revokePrevious === 'after-use';
    const given = heldFor(spec, rotation, issuer);
    const report = { revoked: [], notes: [] };
    if (!given && !afterUse)
        return report;
    const read = holdingsReader(rotation, services, given);
    if (!read) {
        report.left = 'the targets cannot be read (a credential is missing), so no proof by use is possible';
        return report;
    }
    await issuer.prepare();
    const listed = await issuer.list();
    const managed = allManaged(listed, rotation.tokenName);
    const holdings = await read(managed);
    report.holdings = holdings;
    const now = Date.now();
    for (const h of holdings) {
        const note = describeUse(h);
        if (note) {
            report.notes.push(`${h.target}: ${note}`);
            log.info(`${h.target}: ${note}.`);
        }
        // Set by hand: the rotation overwrites it; worth a warning, not a failure.
        if (h.byUse?.match === 'foreign')
            log.warning(`${h.target}: ${note}.`);
        if (h.proof === 'use' && h.token && (h.token.revokedAt || Date.parse(h.token.expiresAt) <= now)) {
            const state = h.token.revokedAt ? `revoked at ${h.token.revokedAt}` : `expired at ${h.token.expiresAt}`;
            report.problem = `The runner handed this job ${h.token.id} for ${h.target} (proven by use), which was ${state}: every job that uses it fails.`;
            log.warning(report.problem);
        }
    }
    if (!afterUse)
        return report;
    const proven = provenCurrent(holdings, now);
    if ('why' in proven) {
        report.left = `revoke-previous is after-use and no token is proven in use by every target (${proven.why})`;
        return report;
    }
    const current = proven.token;
    report.current = current.id;
    const older = managedTokens(listed, rotation.tokenName, now).filter((t) => t.id !== current.id && Date.parse(t.createdAt) <= Date.parse(current.createdAt));
    // Every target was written with `current`, so after each older token was minted (as ./previous.ts settles).
    const { doomed, kept, deferred } = choosePrevious(older, rotation.keepPrevious, spec.sweepGraceMs ?? SWEEP_GRACE_MS, Date.parse(current.createdAt), now);
    const left = [...kept, ...deferred].map((t) => t.id);
    if (spec.dryRun) {
        report.notes.push(`Would revoke ${doomed.map((t) => t.id).join(', ') || 'nothing'} (after use).`);
        return report;
    }
    const failures = [];
    for (const t of doomed) {
        try {
            await issuer.revoke(t.id);
            report.revoked.push(t.id);
            log.info(`Revoked ${t.id}: every target is proven to hold ${current.id}, minted after it.`);
        }
        catch (err) {
            failures.push(`${t.id}: ${(0,core_errors/* errorMessage */.gJ)(err)}`);
        }
    }
    if (left.length || failures.length)
        report.left = [
            ...(left.length ? [`${left.join(', ')} kept (keep-previous or too young)`] : []),
            ...(failures.length ? [`revoking failed, the next run retries: ${failures.join('; ')}`] : []),
        ].join('; ');
    if (failures.length)
        report.problem ??= `Revoking previous tokens failed: ${failures.join('; ')}`;
    return report;
}
/** The part of a rotation's summary that proof by use adds; "" when input held and after-use played no part. */
function useSummary(r) {
    const lines = [];
    if (r.current)
        lines.push(`Every target is proven by use to hold ${(0,run_summary/* code */.aY)(r.current)}.`);
    if (r.revoked.length)
        lines.push(`Revoked after use: ${r.revoked.map(run_summary/* code */.aY).join(', ')}.`);
    if (r.left)
        lines.push(`Left valid: ${(0,run_summary/* cell */.Hn)(r.left)}.`);
    for (const n of r.notes)
        lines.push(`- ${(0,run_summary/* cell */.Hn)(n)}`);
    return lines.length ? `\n#### Proof by use (input held)\n\n${lines.join('\n')}\n` : '';
}

;// CONCATENATED MODULE: ./src/run/modes/rotate.ts
// Mode rotate: the protocol in ../rotate.ts, or with dry-run only its plan step (reads only) and what the
// other steps would do.









const runRotate = async (spec, rotation, services, log) => {
    // Input held and revoke-previous: after-use act before the rotation (see ../held.ts).
    const use = usesProof(spec)
        ? await log.group('Proof by use', () => useBeforeRotation(spec, rotation, services, tokenIssuer(rotation, services.fly), log))
        : { revoked: [], notes: [] };
    if (spec.dryRun)
        return planRotation(spec, rotation, services, log, use);
    try {
        const result = await runRotation(rotation, services, log, spec);
        const error = use.problem ? `${use.problem} This run wrote the new token ${result.token.id}.` : undefined;
        return {
            outputs: rotationOutputs(result, use.revoked),
            summary: (0,run_summary/* rotationSummary */.Zu)(rotation.label, result, error) + useSummary(use),
            result,
            ...(error ? { error } : {}),
        };
    }
    catch (err) {
        const result = err instanceof core_result/* RotationError */.F ? err.partial : undefined;
        const error = [use.problem, (0,core_errors/* errorMessage */.gJ)(err)].filter(Boolean).join(' ');
        return {
            outputs: rotationOutputs(result ?? {}, use.revoked),
            summary: (0,run_summary/* rotationSummary */.Zu)(rotation.label, result ?? {}, error) + useSummary(use),
            error,
            ...(result ? { result } : {}),
        };
    }
};
function rotationOutputs(r, revokedAfterUse = []) {
    return {
        ...(r.token ? { 'token-id': r.token.id, 'expires-at': r.token.expiresAt } : {}),
        'revoked-token-ids': JSON.stringify([...revokedAfterUse, ...(r.ownRevoked ?? []), ...(r.revoked ?? [])]),
    };
}
async function planRotation(spec, rotation, services, log, use) {
    const issuer = tokenIssuer(rotation, services.fly);
    const writer = secretWriter(rotation, services);
    const input = rotationInput(rotation, spec);
    const [, tokens] = await Promise.all([issuer.prepare(), issuer.list(), writer.prepare()]);
    const managed = managedTokens(tokens, (0,core_names/* managedNames */.az)(input));
    const planned = choosePrevious(managed, input.keepPrevious, input.sweepGraceMs ?? SWEEP_GRACE_MS, await settledAt(managed, input, writer));
    // after-use: the rotation itself revokes nothing (what proof by use would revoke is in its own section).
    const afterUse = input.revokePrevious === 'after-use';
    const doomed = afterUse ? [] : planned.doomed;
    const kept = afterUse ? managed : planned.kept;
    const deferred = afterUse ? [] : planned.deferred;
    const facts = [
        ['Scope', (0,run_summary/* cell */.Hn)(rotation.label)],
        ['Would create', `${(0,run_summary/* code */.aY)(input.runName ?? input.tokenName)}, valid for ${input.expiry}`],
        ['Would write', writer.targets.map((t) => (0,run_summary/* cell */.Hn)(t.label)).join(', ')],
        ['Would revoke', doomed.length ? doomed.map((t) => (0,run_summary/* code */.aY)(t.id)).join(', ') : 'none'],
        ...(kept.length ? [['Would keep valid', kept.map((t) => (0,run_summary/* code */.aY)(t.id)).join(', ')]] : []),
        ...(deferred.length ? [['Left for a later run', deferred.map((t) => (0,run_summary/* code */.aY)(t.id)).join(', ')]] : []),
    ];
    log.info(`Dry run: would mint "${input.runName ?? input.tokenName}", write ${writer.targets.length} target(s), revoke ${doomed.length}.`);
    return {
        outputs: { 'revoked-token-ids': '[]', 'planned-revocations': JSON.stringify(doomed.map((t) => t.id)) },
        summary: `### Fly token rotation plan\n\n${dryRunNote}\n\n${(0,run_summary/* table */.tp)(['', ''], facts)}\n${useSummary(use)}`,
    };
}

;// CONCATENATED MODULE: ./src/run/modes/status.ts
// Mode status: which token each target holds (read from GitHub's updated_at, see ../../core/holdings.ts), whether
// it is live and when it expires, and the managed tokens of the scope. It fails when a target holds a revoked or
// expired token, none at all, or one that expires within warn-before. Reads only, so dry-run changes nothing here.
//
// Without a GitHub credential the targets cannot be read: status then checks the Fly side only (the newest valid
// managed token stands for what the targets hold) and says so in its summary.








const NO_GITHUB_NOTE = "Targets not read: a target's credential was not given (github-token or a GitHub App, gitlab-token, forgejo-token), so only Fly was checked and the newest valid managed token is taken to be the one the targets hold.";
const runStatus = async (spec, rotation, services, log) => {
    const issuer = tokenIssuer(rotation, services.fly);
    // revoke-previous: after-use makes status the run that confirms a rotation: once every target is proven by
    // use to hold the newest token, the tokens before it go (see ../held.ts). Listed below as revoked.
    const confirmed = spec.revokePrevious === 'after-use'
        ? await log.group('Revoke after use', () => useBeforeRotation(spec, rotation, services, issuer, log))
        : undefined;
    const now = Date.now();
    const live = (t) => !t.revokedAt && Date.parse(t.expiresAt) > now;
    const listed = await issuer.list();
    const managed = allManaged(listed, (0,core_names/* managedNames */.az)(rotation));
    const unclaimed = unclaimedTokens(listed, rotation, managed);
    const given = heldFor(spec, rotation, issuer);
    const read = holdingsReader(rotation, services, given) ?? useOnlyReader(rotation, services, given);
    const holdings = read ? await read(managed) : undefined;
    const checks = await healthChecks(holdings, given?.values, issuer, live);
    const newest = managed.filter(live).at(-1);
    const held = holdings ? holdings.flatMap((h) => (h.token ? [h.token] : [])) : newest ? [newest] : [];
    const tokens = managed.map((t) => ({ ...pick(t), current: held.includes(t) }));
    const targets = (holdings ?? []).map((h, i) => ({
        target: h.target,
        updatedAt: h.updatedAt ?? null,
        tokenId: h.token?.id ?? null,
        live: h.token ? live(h.token) : false,
        expiresAt: h.token?.expiresAt ?? null,
        ...(h.unproven ? { unproven: true } : {}),
        ...(h.proof ? { proof: h.proof } : {}),
        ...(h.byUse ? { fingerprint: h.byUse.fingerprint, heldMatch: h.byUse.match } : {}),
        ...(checks[i] ?? {}),
    }));
    const error = problem(holdings, newest, spec.warnBeforeMs, now, live, checks) ?? confirmed?.problem;
    const useNotes = (holdings ?? []).flatMap((h) => {
        const note = describeUse(h);
        return note ? [`- ${(0,run_summary/* cell */.Hn)(h.target)}: ${(0,run_summary/* cell */.Hn)(note)}`] : [];
    });
    const first = holdings ? holdings[0]?.token : newest;
    const rows = tokens.map((t) => [
        (0,run_summary/* code */.aY)(t.id) + (t.current ? ' (current)' : ''),
        (0,run_summary/* code */.aY)(t.name),
        (0,run_summary/* cell */.Hn)(t.createdAt),
        (0,run_summary/* cell */.Hn)(t.expiresAt),
        t.revokedAt ? (0,run_summary/* cell */.Hn)(t.revokedAt) : Date.parse(t.expiresAt) <= now ? 'expired' : 'no',
    ]);
    const targetRows = targets.map((t) => [
        (0,run_summary/* cell */.Hn)(t.target),
        t.tokenId
            ? (0,run_summary/* code */.aY)(t.tokenId) +
                (t.proof === 'use' ? ' (proven by use)' : t.unproven ? ' (newest; the target cannot tell)' : '')
            : 'none',
        t.tokenId ? (t.live ? (t.accepted === false ? 'no: Fly refuses it' : 'yes') : 'no') : '',
        t.expiresAt ?? '',
    ]);
    const summary = [
        error ? '### Fly token status: needs attention' : '### Fly token status: ok',
        '',
        ...(error ? [`> ${(0,run_summary/* cell */.Hn)(error)}`, ''] : []),
        `Scope: ${(0,run_summary/* cell */.Hn)(rotation.label)}`,
        '',
        holdings ? (0,run_summary/* table */.tp)(['Target', 'Holds', 'Live', 'Expires'], targetRows) : NO_GITHUB_NOTE,
        '',
        ...(useNotes.length ? ['What the runner hands out (input held):', '', ...useNotes, ''] : []),
        ...(given && !holdings ? [HELD_UNREAD_NOTE, ''] : []),
        rows.length ? (0,run_summary/* table */.tp)(['Token', 'Name', 'Created', 'Expires', 'Revoked'], rows) : 'No managed tokens.',
        '',
        ...(unclaimed.length
            ? [
                `Not managed: ${unclaimed.map((t) => `${(0,run_summary/* code */.aY)(t.id)} (${(0,run_summary/* code */.aY)(t.name)})`).join(', ')}, valid until they expire. An earlier release named this rotation's tokens so, but also those of rotations that write the same GitLab variable in another scope or run the same program with other arguments, so this rotation never revokes them: once every such rotation has run on this release, revoke them by id (mode revoke).`,
                '',
            ]
            : []),
    ].join('\n') + (confirmed ? afterUseSummary(confirmed) : '');
    return {
        outputs: {
            tokens: JSON.stringify(tokens),
            'token-id': first?.id ?? '',
            'expires-at': first?.expiresAt ?? '',
            ...(holdings ? { holdings: JSON.stringify(targets) } : {}),
            ...(confirmed ? { 'revoked-token-ids': JSON.stringify(confirmed.revoked) } : {}),
        },
        summary,
        ...(error ? { error } : {}),
    };
};
/** Valid tokens named as an earlier release named the rotation's GitLab or command targets, not managed. */
function unclaimedTokens(listed, rotation, managed) {
    if (!rotation.unclaimed?.length)
        return [];
    const ids = new Set(managed.map((t) => t.id));
    return managedTokens(listed, rotation.unclaimed).filter((t) => !ids.has(t.id));
}
/** What the confirming status run revoked, or why it left the previous tokens valid. */
function afterUseSummary(r) {
    const lines = [
        ...(r.current ? [`Every target is proven by use to hold ${(0,run_summary/* code */.aY)(r.current)}.`] : []),
        `Revoked after use: ${r.revoked.length ? r.revoked.map(run_summary/* code */.aY).join(', ') : 'none'}.`,
        ...(r.left ? [`Left valid: ${(0,run_summary/* cell */.Hn)(r.left)}.`] : []),
    ];
    return `\n#### Revoke previous after use\n\n${lines.join('\n')}\n`;
}
const HELD_UNREAD_NOTE = 'Input held was not used: without a credential to read the targets, it must name every target of the rotation.';
/**
 * The health check of proof by use: Fly is asked, with the value the runner hands out, whether it accepts it.
 * Only values that are a valid managed token are sent, and only to Fly (the issuer's own API).
 */
async function healthChecks(holdings, values, issuer, live) {
    if (!holdings || !values)
        return [];
    return Promise.all(holdings.map(async (h, i) => {
        const value = values.get(i);
        if (value === undefined || h.proof !== 'use' || !h.token || !live(h.token))
            return undefined;
        try {
            const note = await issuer.verify(value);
            return { accepted: true, ...(note ? { check: note } : {}) };
        }
        catch (err) {
            // Fly could not be asked: that says nothing about the value.
            if (err instanceof core_errors/* TransientError */.N_)
                return { check: `not checked: ${(0,core_errors/* errorMessage */.gJ)(err)}` };
            // Fly's refusal of a credential comes with advice about fly-api-token, which is not what was sent here.
            const refused = err instanceof core_errors/* ApiError */.hD &&
                (err.status === 401 || err.status === 403 || err.code === 'UNAUTHORIZED');
            return {
                accepted: false,
                check: refused ? 'Fly rejects it as an unknown, expired or revoked credential' : (0,core_errors/* errorMessage */.gJ)(err),
            };
        }
    }));
}
/** The first thing a person must act on, or null. */
function problem(holdings, newest, warnBeforeMs, now, live, checks = []) {
    const soon = (t) => Date.parse(t.expiresAt) - now < warnBeforeMs;
    if (!holdings) {
        if (!newest)
            return 'No valid managed token: run a rotation.';
        return soon(newest)
            ? `The current token ${newest.id} expires at ${newest.expiresAt}, within warn-before: run a rotation.`
            : null;
    }
    for (const [i, h] of holdings.entries()) {
        if (h.byUse?.match === 'foreign')
            return `${h.target}: ${describeUse(h)}. Run a rotation to put a managed token in it.`;
        if (h.proof === 'use' && h.token && !live(h.token)) {
            const state = h.token.revokedAt ? `revoked at ${h.token.revokedAt}` : `expired at ${h.token.expiresAt}`;
            return `The runner hands out ${h.token.id} for ${h.target} (proven by use), which was ${state}: every job that uses it fails. Run a rotation.`;
        }
        const check = checks[i];
        if (check?.accepted === false)
            return `Fly refuses ${h.token?.id}, the token the runner hands out for ${h.target} (proven by use): ${check.check}`;
        if (!h.token && h.unproven && h.exists !== false)
            return `${h.target} cannot say which token it holds, and no managed token is valid: run a rotation.`;
        if (!h.token) {
            const seen = h.updatedAt
                ? `last written ${h.updatedAt}`
                : h.exists === false
                    ? 'it does not exist'
                    : 'it holds a value this action did not write';
            return `${h.target} holds no token this action minted (${seen}): run a rotation.`;
        }
        if (!live(h.token)) {
            const state = h.token.revokedAt ? `revoked at ${h.token.revokedAt}` : `expired at ${h.token.expiresAt}`;
            return `${h.target} holds ${h.token.id}, which was ${state}: run a rotation.`;
        }
        if (soon(h.token))
            return `${h.target} holds ${h.token.id}, which expires at ${h.token.expiresAt}, within warn-before: run a rotation.`;
    }
    return null;
}
function pick(t) {
    return { id: t.id, name: t.name, createdAt: t.createdAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt };
}

;// CONCATENATED MODULE: ./src/run/modes/index.ts
// One runner per mode; execute() picks it and runs it for every rotation of the spec.






// 'plan' needs no Fly or GitHub call: execute() answers it before any runner starts.
const MODE_RUNNERS = {
    rotate: runRotate,
    revoke: runRevokeIds,
    'revoke-all': runRevokeAll,
    status: runStatus,
};
const TITLES = {
    rotate: 'Fly token rotation',
    revoke: 'Fly token revocation',
    'revoke-all': 'Fly token revocation (revoke-all)',
    status: 'Fly token status',
};
/** Runs the spec's mode for one rotation; a failure before the mode could report becomes its own summary. */
async function runMode(spec, rotation, services, log) {
    const mode = spec.mode;
    try {
        return await MODE_RUNNERS[mode](spec, rotation, services, log);
    }
    catch (err) {
        const error = (0,core_errors/* errorMessage */.gJ)(err);
        const note = spec.dryRun ? ' (dry run)' : '';
        return {
            outputs: {},
            summary: `### ${TITLES[mode]} failed${note}\n\n> ${(0,run_summary/* cell */.Hn)(error)}\n\nScope: ${(0,run_summary/* cell */.Hn)(rotation.label)}\n\nNothing was changed.\n`,
            error,
        };
    }
}

// EXTERNAL MODULE: ./src/run/modes/plan.ts
var plan = __webpack_require__(1951);
;// CONCATENATED MODULE: ./src/run/execute.ts
// Runs a validated RunSpec in its mode and describes what happened as outputs and a summary. The action
// and the CLI both call this; they differ only in how they print the report.








async function execute(spec, services, log, concurrency = spec.concurrency ?? budget/* DEFAULT_CONCURRENCY */.WH, 
/** Called as each rotation finishes (the CLI's progress lines). */
onDone) {
    if (spec.mode === 'plan')
        return (0,plan/* planReport */.sH)(spec);
    const outcomes = await mapPool(spec.rotations, concurrency, async (rotation) => {
        const outcome = await runOne(rotation);
        onDone?.(outcome);
        return outcome;
    });
    return report(spec, outcomes);
    async function runOne(rotation) {
        const prefixed = spec.rotations.length > 1 ? prefixLog(log, rotation.label) : log;
        try {
            const done = await runMode(spec, rotation, services, prefixed);
            return { rotation, ...done };
        }
        catch (err) {
            return {
                rotation,
                error: (0,core_errors/* errorMessage */.gJ)(err),
                ...(err instanceof core_result/* RotationError */.F ? { result: err.partial } : {}),
            };
        }
    }
}
function report(spec, outcomes) {
    const failed = outcomes.filter((o) => o.error);
    // One rotation: its mode's outputs as they are. Several: only the id lists, merged.
    const outputs = outcomes.length === 1
        ? { ...outcomes[0].outputs }
        : {
            'revoked-token-ids': JSON.stringify(outcomes.flatMap((o) => JSON.parse(o.outputs?.['revoked-token-ids'] ?? '[]'))),
        };
    if (spec.dryRun)
        outputs['dry-run'] = 'true';
    const summary = outcomes
        .map((o) => o.summary ?? (0,run_summary/* rotationSummary */.Zu)(o.rotation.label, o.result ?? {}, o.error))
        .join('\n')
        .concat((0,run_summary/* credentialSummary */.kr)((0,credential/* describeCredential */.t8)((0,credential/* inspectCredential */.iJ)(spec.credentials.fly))));
    const failure = failed.length === 0
        ? undefined
        : failed.length === 1 && outcomes.length === 1
            ? capitalise(failed[0].error)
            : `${failed.length} of ${outcomes.length} rotations failed: ${failed.map((o) => `${o.rotation.label}: ${o.error}`).join('; ')}`;
    return { outcomes, outputs, summary, ...(failure ? { failure } : {}) };
}
const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function prefixLog(log, label) {
    return {
        info: (m) => log.info(`[${label}] ${m}`),
        warning: (m) => log.warning(`[${label}] ${m}`),
        mask: log.mask,
        group: (_name, fn) => fn(),
    };
}

// EXTERNAL MODULE: ./src/net/fetch.ts
var fetch = __webpack_require__(9819);
;// CONCATENATED MODULE: ./src/net/rest.ts
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
        const signal = (0,budget/* withRunSignal */.Ay)(this.options.signal, timeoutMs);
        this.requests++;
        let res;
        let text;
        try {
            res = await (this.options.fetch ?? fetch/* apiFetch */.nr)(`${this.options.baseUrl}${req.path}`, {
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
            req.answers?.push(err instanceof fetch/* TransportError */.wX
                ? { lost: 'bad-reply' }
                : {
                    lost: err.name === 'TimeoutError' || err.name === 'AbortError'
                        ? 'timeout'
                        : 'reset',
                });
            if (err instanceof fetch/* TransportError */.wX)
                throw new core_errors/* ApiError */.hD(`${serviceName} API, trying to ${req.context}: ${err.message}`, service);
            const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
            throw new core_errors/* TransientError */.N_(this.options.signal?.aborted
                ? `The run's timeout ran out while waiting for ${serviceName} to ${req.context}.`
                : timedOut
                    ? `${serviceName} did not answer within ${timeoutMs} ms while trying to ${req.context}.`
                    : `Could not reach ${serviceName} while trying to ${req.context}: ${(0,core_errors/* errorMessage */.gJ)(err.cause ?? err)}`, undefined, service);
        }
        req.answers?.push({ status: res.status });
        if (retryableStatus(res.status)) {
            const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
            const error = new core_errors/* TransientError */.N_(`${serviceName} answered HTTP ${res.status} while trying to ${req.context}${snippet(text)}`, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined, service);
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
                    throw new core_errors/* TransientError */.N_(`${serviceName} sent a reply that is not JSON while trying to ${req.context}.`, undefined, service);
                }
            }
        }
        if (!res.ok) {
            throw new core_errors/* ApiError */.hD(`${serviceName} answered HTTP ${res.status} while trying to ${req.context}${snippet(messageOf(data) ?? text)}`, service, res.status);
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
            if (attempt === attempts || wait === undefined || wait >= (0,budget/* remainingMs */.XW)(options.signal, options.stop))
                break;
            await (options.sleep ?? ((ms) => (0,budget/* sleepWithin */.jo)(ms, options.signal, options.stop)))(wait);
            if (options.signal?.aborted || options.stop?.aborted)
                break;
        }
    }
    throw last;
}
/** How long to wait before the next attempt, or undefined when the error is final. */
function retryDelay(err, attempt, baseMs) {
    if (!(err instanceof core_errors/* TransientError */.N_))
        return undefined;
    if (err.retryAfterMs !== undefined)
        return Math.min(err.retryAfterMs, 60_000);
    return baseMs * 2 ** Math.min(attempt - 1, 4);
}

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
    /**
     * Not idempotent: never retried here. A lost answer leaves a token that the next run's sweep revokes.
     * `deadline` cuts the request earlier than the run's end, leaving time to list and revoke what it created.
     */
    async createToken(input, deadline) {
        const data = await this.graphql(CREATE_TOKEN, { input }, 'create a token', false, deadline);
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
    async graphql(query, variables, context, idempotent = true, deadline) {
        return withRetries(() => this.once(query, variables, context, deadline), {
            ...this.options,
            retries: idempotent ? this.options.retries : 0,
        });
    }
    async once(query, variables, context, deadline) {
        const doFetch = this.options.fetch ?? fetch/* apiFetch */.nr;
        const run = this.options.signal;
        const signal = deadline && run ? AbortSignal.any([deadline, run]) : (deadline ?? run);
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
                signal: (0,budget/* withRunSignal */.Ay)(signal, this.options.timeoutMs ?? 30_000),
            });
            text = await res.text();
        }
        catch (err) {
            // A redirect or an oversized answer: the same call would meet the same refusal.
            if (err instanceof fetch/* TransportError */.wX)
                throw new core_errors/* ApiError */.hD(`Fly API, trying to ${context}: ${err.message}`, 'fly');
            const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
            throw new core_errors/* TransientError */.N_(signal?.aborted
                ? `The run's timeout ran out while waiting for Fly to ${context}.`
                : timedOut
                    ? `Fly API did not answer within ${this.options.timeoutMs ?? 30_000} ms while trying to ${context}.`
                    : `Could not reach the Fly API while trying to ${context}: ${(0,core_errors/* errorMessage */.gJ)(err.cause ?? err)}`);
        }
        // A 403 that says when to come back is rate limiting, not a refused credential.
        // 408: the server gave up waiting for the request; like a 5xx it may have been applied, and may be retried.
        if (res.status === 408 ||
            res.status === 429 ||
            res.status >= 500 ||
            (res.status === 403 && res.headers.has('retry-after'))) {
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

;// CONCATENATED MODULE: ./src/forgejo/client.ts
// The REST client for a Forgejo (or Gitea) instance: API v1 below the instance's URL, the token in
// `Authorization: token \u2026` (the scheme Forgejo's API documents; it takes Bearer too).

function forgejoClient({ url, token, ...rest }) {
    return new RestClient({
        ...rest,
        baseUrl: `${url.replace(/\/+$/, '')}/api/v1`,
        auth: ['authorization', `token ${token}`],
        service: 'forgejo',
        serviceName: 'Forgejo',
    });
}

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
    metadata: 'Repository \u203a Metadata',
    actions: 'Repository \u203a Actions',
    secrets: 'Repository \u203a Secrets',
    environments: 'Repository \u203a Environments',
    dependabot_secrets: 'Repository \u203a Dependabot secrets',
    codespaces_secrets: 'Repository \u203a Codespaces secrets',
    organization_secrets: 'Organization \u203a Secrets',
    organization_dependabot_secrets: 'Organization \u203a Dependabot secrets',
    organization_codespaces_secrets: 'Organization \u203a Codespaces secrets',
};

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
        const owner = targetOwner(t);
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
        throw new core_errors/* InputError */.dz(`A GitHub App cannot write ${refused.map((t) => secretTarget(t).label).join('; ')}: GitHub does not let ` +
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
                '(Settings \u203a GitHub Apps \u203a Configure) with access to every target repository.', 'github', 404);
        }
        return githubError(err, `find the installation of ${what} on ${where}`, 'a GitHub App installation');
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

// EXTERNAL MODULE: ./src/net/proxy.ts
var proxy = __webpack_require__(1987);
// EXTERNAL MODULE: ./src/net/url.ts
var url = __webpack_require__(486);
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
    const signals = (0,budget/* runSignals */.XG)(spec.timeoutMs ?? (0,budget/* defaultTimeoutMs */.xO)(spec.rotations.length, spec.concurrency ?? budget/* DEFAULT_CONCURRENCY */.WH));
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
        ? appAccess(app, spec.rotations.flatMap((r) => r.targets).filter(core_spec/* isGitHubTarget */.Nd), clientOptions)
        : tokenAccess(spec.credentials.github, clientOptions);
    const { gitlab, forgejo, commandTimeoutMs } = spec.credentials;
    const rest = { timeoutMs, retryBaseMs, signal };
    return {
        fly,
        signals,
        canRead: (target) => (0,core_spec/* isGitHubTarget */.Nd)(target)
            ? Boolean(spec.credentials.github || app)
            : target.type === 'command' || Boolean(target.type.startsWith('gitlab-') ? gitlab : forgejo),
        github: (target) => access.client(targetOwner(target)),
        ...(gitlab
            ? {
                gitlab: new RestClient({
                    ...rest,
                    baseUrl: `${(0,url/* apiBaseUrl */.tj)(gitlab.url, 'gitlab-url')}/api/v4`,
                    auth: ['private-token', gitlab.token],
                    service: 'gitlab',
                    serviceName: 'GitLab',
                }),
            }
            : {}),
        ...(forgejo ? { forgejo: forgejoClient({ ...rest, url: forgejo.url, token: forgejo.token }) } : {}),
        commands: {
            ...(commandTimeoutMs ? { timeoutMs: commandTimeoutMs } : {}),
            log: (line) => log.info?.(line),
        },
        warn: (message) => log.warning(message),
        close: () => access.close(),
    };
}

;// CONCATENATED MODULE: ./src/run/index.ts
// What a door loads once its inputs are valid: the clients and the modes, one chunk shared by the action and
// the CLI (a refused run or a plan never loads it).




/***/ })

};
