export const id = 843;
export const ids = [843];
export const modules = {

/***/ 9843:
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

// EXTERNAL MODULE: ./src/core/rotation.ts
var core_rotation = __webpack_require__(9973);
// EXTERNAL MODULE: ./src/fly/credential.ts
var credential = __webpack_require__(7444);
// EXTERNAL MODULE: ./src/run/summary.ts
var run_summary = __webpack_require__(5293);
// EXTERNAL MODULE: ./src/core/names.ts
var core_names = __webpack_require__(2483);
// EXTERNAL MODULE: ./src/core/holdings.ts
var holdings = __webpack_require__(5399);
// EXTERNAL MODULE: ./src/core/live.ts
var core_live = __webpack_require__(8045);
;// CONCATENATED MODULE: ./src/core/sweep.ts
// Which managed tokens exist, and which previous ones a rotation may revoke (the sweep).



/** Longer than any run can take with its timeouts and retries. */
const SWEEP_GRACE_MS = 15 * 60_000;
/** Managed tokens are recognised by name (see ./names.ts); this returns those still valid, oldest first. */
function managedTokens(tokens, names, now = Date.now()) {
    return allManaged(tokens, names).filter((t) => (0,core_live/* isLive */.D)(t, now));
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
    return (read ?? writer.evidence()).then((e) => (e ? (0,holdings/* lastWrittenAt */.Vo)(e) : 0), () => 0);
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
        const held = (0,holdings/* heldIds */.Gq)(await readHoldings(allManaged(tokens, managedName)));
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
        return opts.dryRun ? { id, name: t.name, outcome: 'would revoke' } : revokeListed(t, issuer, log);
    }));
}
/**
 * Revokes one token of the listing, past every check: revoked, already revoked (by someone else since the
 * listing), or failed. Modes revoke and revoke-all both end here.
 */
async function revokeListed(t, issuer, log) {
    try {
        await issuer.revoke(t.id);
        log.info(`Revoked ${t.id} (${t.name}).`);
        return { id: t.id, name: t.name, outcome: 'revoked' };
    }
    catch (err) {
        // Revoked by someone else between our listing and our call: Fly answers NOT_FOUND. Say so if the list agrees.
        if (err instanceof core_errors/* ApiError */.hD && err.code === 'NOT_FOUND') {
            const now = (await issuer.list().catch(() => [])).find((x) => x.id === t.id);
            if (now?.revokedAt)
                return { id: t.id, name: t.name, outcome: 'already revoked', detail: now.revokedAt };
        }
        return { id: t.id, name: t.name, outcome: 'failed', detail: (0,core_errors/* errorMessage */.gJ)(err) };
    }
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
 * go (keep-previous and the grace period still apply, see ./sweep.ts). Returns that token, or why not.
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
        if (!(0,core_live/* isLive */.D)(h.token, now))
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
                throw new core_rotation/* RotationError */.F(`${(0,core_errors/* errorMessage */.gJ)(err)} (Fly created ${found.revoked.join(', ')} anyway; this run revoked it.)`, {
                    ownRevoked: found.revoked,
                });
            }
            throw err;
        }
        log.warning(`Creating the token failed ambiguously (${err.message}); checking whether Fly created it.`);
        const lost = await revokeOwn(issuer, runName, before, log);
        if (!lost.ok) {
            throw new core_rotation/* RotationError */.F(`${late()}Creating the token failed (${err.message}) and the token list could not be read to check whether Fly created it anyway ` +
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
            throw new core_rotation/* RotationError */.F(`${late()}Creating the token failed twice (${(0,core_errors/* errorMessage */.gJ)(again)}). Nothing was stored: every target still holds its previous token. ${fate}`, revoked.length ? { ownRevoked: revoked } : undefined);
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
    const { revoked, left } = await revokeUnheld(lost, issuer, log, (id, failure) => failure === undefined
        ? `Fly created ${id} but its value was lost in transit; nobody can hold it, so it was revoked.`
        : `Fly created ${id} but its value was lost in transit; revoking it failed (${failure}), a later run revokes it.`);
    return { ok: true, revoked, left };
}
/**
 * Revokes, one by one, tokens this run created whose value it never got (nobody can hold them), logging each
 * one's fate as `say` words it (`failure`: why its revoke failed). Returns the ids revoked and those left valid.
 */
async function revokeUnheld(tokens, issuer, log, say) {
    const revoked = [];
    const left = [];
    for (const t of tokens) {
        const r = await settle(issuer.revoke(t.id));
        (r.ok ? revoked : left).push(t.id);
        log.warning(say(t.id, r.ok ? undefined : (0,core_errors/* errorMessage */.gJ)(r.error)));
    }
    return { revoked, left };
}

// EXTERNAL MODULE: ./src/core/mask.ts
var mask = __webpack_require__(9239);
// EXTERNAL MODULE: ./src/core/evidence.ts
var evidence = __webpack_require__(3014);
;// CONCATENATED MODULE: ./src/core/verdicts.ts
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
    const needsRead = failed.some((s) => s.facts && !(0,evidence/* judgeAnswers */.nO)(s.facts));
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
        const judged = (0,evidence/* judgeWrite */.RL)(s.facts, {
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
        if (orphans.length && err instanceof core_rotation/* RotationError */.F)
            throw new core_rotation/* RotationError */.F(`${err.message} ${note()}`, err.partial);
        throw err;
    }
    if (orphans.length)
        throw new core_rotation/* RotationError */.F(`Every target holds the new token ${result.token.id}, but ${note()}`, result);
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
        throw new core_rotation/* RotationError */.F(`${late('Plan')}Nothing was minted, written or revoked.`);
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
        throw new core_rotation/* RotationError */.F(`${storeLate}${keepBoth(undecided, minted.id, before.at(-1)?.id)} ${failed
            .map((f) => (f.error?.startsWith(f.target.label) ? f.error : `${f.target.label}: ${f.error}`))
            .join('; ')}`, { token, stored, ...own });
    }
    if (failed.length === stored.length) {
        // Nothing holds the new token (GitHub says so): take it back, leaving every target as it was.
        const undo = await settle(issuer.revoke(minted.id));
        const fate = undo.ok
            ? `The new token ${minted.id} was revoked`
            : `Revoking the new token ${minted.id} also failed (${(0,core_errors/* errorMessage */.gJ)(undo.error)}); the next run revokes it`;
        throw new core_rotation/* RotationError */.F(`${storeLate}No target could be written, so nothing changed: every target still holds its previous token. ${fate}. First error: ${failed[0].error}`, { token, stored, ownRevoked: [...ownRevoked, ...(undo.ok ? [minted.id] : [])] });
    }
    if (failed.length > 0) {
        const held = failed.filter((f) => !f.ambiguous && !f.landedElsewhere);
        const states = [
            ...(held.length ? [`${held.map((f) => f.target.label).join(', ')} still hold the previous token`] : []),
            ...(undecided.length ? [mayHold(undecided, minted.id, before.at(-1)?.id)] : []),
        ];
        throw new core_rotation/* RotationError */.F(`${storeLate}The new token ${minted.id} was written to ${stored.length - failed.length} of ${stored.length} targets; ` +
            `${states.join('; ')}, so no token was revoked${undecided.length ? ' and both stay valid' : ''}. ` +
            `Fix the error and run again: the next run writes every target and revokes the old tokens${undecided.length ? '; `mode: status` shows which token each target holds' : ''}. ${failed
                .map((f) => (f.error?.startsWith(f.target.label) ? f.error : `${f.target.label}: ${f.error}`))
                .join('; ')}`, { token, stored, ...own });
    }
    if (!verified.ok) {
        throw new core_rotation/* RotationError */.F(`${late('Verify')}The new token ${minted.id} is stored, but proving that Fly accepts it failed, so the previous token was kept: ${(0,core_errors/* errorMessage */.gJ)(verified.error)}`, { token, stored, ...own });
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
            throw new core_rotation/* RotationError */.F(`${late('Revoke previous')}Every target holds the new token ${minted.id}, but revoking ${failures.length} previous token(s) failed; the next run retries: ${failures.join('; ')}`, result);
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
    return revokeUnheld(late, issuer, log, (id, failure) => failure === undefined
        ? `A create of this run completed on Fly after its answer was lost (${id}); nobody holds it, so it was revoked.`
        : `A create of this run completed on Fly after its answer was lost (${id}); revoking it failed (${failure}), a later run revokes it.`);
}

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

// EXTERNAL MODULE: ./src/stores.ts + 7 modules
var src_stores = __webpack_require__(7247);
;// CONCATENATED MODULE: ./src/run/writers.ts


function secretWriter(rotation, services) {
    const writers = [];
    for (const store of src_stores/* STORES */.ZZ) {
        const specs = rotation.targets.filter(store.owns);
        const connected = services.stores.get(store);
        if (!specs.length)
            continue;
        // Services connect every store of the registry; one missing is a bug.
        if (!connected)
            throw new Error(`store ${store.id} is not connected`);
        writers.push({ writer: connected.writer(specs), specs });
    }
    // Every writer's targets, back in the order of the rotation's targets.
    const bySpec = new Map();
    for (const { writer, specs } of writers) {
        specs.forEach((spec, i) => {
            bySpec.set(spec, writer.targets[i]);
        });
    }
    return joinWriters(writers.map((w) => w.writer), rotation.targets.map((t) => bySpec.get(t)));
}

;// CONCATENATED MODULE: ./src/run/rotation.ts
// One rotation of a RunSpec against the services: the RotationInput it becomes (names with the run's mark,
// deadlines), the protocol of ../core/rotate.ts with its issuer and writer, and the reader of what its targets
// hold. The door every front end goes through is ./execute.ts.









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
            const store = (0,holdings/* holdingFrom */.wx)(t.label, evidence[i], managed);
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
        const valid = managed.filter((t) => (0,core_live/* isLive */.D)(t, now));
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
    // The kill switch revokes held tokens too: no holdings check, only the loop mode revoke ends in.
    const report = await Promise.all(managed.map((t) => spec.dryRun ? { id: t.id, name: t.name, outcome: 'would revoke' } : revokeListed(t, issuer, log)));
    const failed = report.filter((r) => r.outcome === 'failed');
    const revoked = report.filter((r) => r.outcome === 'revoked').map((r) => r.id);
    // Revoked by someone else meanwhile is revoked all the same: the targets holding it are left as well.
    const gone = report
        .filter((r) => r.outcome === 'revoked' || r.outcome === 'already revoked')
        .map((r) => r.id);
    const error = failed.length
        ? `Revoking ${failed.length} of ${report.length} managed token(s) failed; run revoke-all again: ${failed.map((f) => `${f.id}: ${f.detail}`).join('; ')}`
        : undefined;
    const left = spec.dryRun ? '' : await targetsLeft(gone);
    const warning = spec.dryRun
        ? dryRunNote
        : left
            ? `**These targets now hold a revoked token** until the next rotation (mode rotate) writes a new one: ${(0,run_summary/* cell */.Hn)(left)}.`
            : `**Every target of this rotation now holds a revoked token** until the next rotation (mode rotate) writes a new one.`;
    if (!spec.dryRun && gone.length)
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
        if (h.proof === 'use' && h.token && !(0,core_live/* isLive */.D)(h.token, now)) {
            report.problem = `The runner handed this job ${h.token.id} for ${h.target} (proven by use), which was ${(0,core_live/* endedAt */.u)(h.token)}: every job that uses it fails.`;
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
    // Every target was written with `current`, so after each older token was minted (as ../core/sweep.ts settles).
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
// Mode rotate: the protocol in ../../core/rotate.ts, or with dry-run only its plan step (reads only) and what the
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
        const result = err instanceof core_rotation/* RotationError */.F ? err.partial : undefined;
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










/** Every store's credential inputs, as the note below names them: "github-token, gitlab-token or forgejo-token". */
const credentialInputs = (() => {
    const names = src_stores/* STORE_INPUTS */.G7.filter((i) => i.secret).map((i) => i.name);
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names.join('');
})();
const TARGETS_NOT_READ_NOTE = `Targets not read: a target's credential was not given (${credentialInputs}), so only Fly was checked and the newest valid managed token is taken to be the one the targets hold.`;
const runStatus = async (spec, rotation, services, log) => {
    const issuer = tokenIssuer(rotation, services.fly);
    // revoke-previous: after-use makes status the run that confirms a rotation: once every target is proven by
    // use to hold the newest token, the tokens before it go (see ../held.ts). Listed below as revoked.
    const confirmed = spec.revokePrevious === 'after-use'
        ? await log.group('Revoke after use', () => useBeforeRotation(spec, rotation, services, issuer, log))
        : undefined;
    const now = Date.now();
    const live = (t) => (0,core_live/* isLive */.D)(t, now);
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
        t.revokedAt ? (0,run_summary/* cell */.Hn)(t.revokedAt) : (0,core_live/* isLive */.D)(t, now) ? 'no' : 'expired',
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
        holdings ? (0,run_summary/* table */.tp)(['Target', 'Holds', 'Live', 'Expires'], targetRows) : TARGETS_NOT_READ_NOTE,
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
            return `The runner hands out ${h.token.id} for ${h.target} (proven by use), which was ${(0,core_live/* endedAt */.u)(h.token)}: every job that uses it fails. Run a rotation.`;
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
            return `${h.target} holds ${h.token.id}, which was ${(0,core_live/* endedAt */.u)(h.token)}: run a rotation.`;
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

;// CONCATENATED MODULE: ./src/run/execute.ts
// Runs a validated RunSpec in its mode, each rotation at a time within the concurrency, and describes what
// happened as outputs and a summary. ./entry.ts calls it for every door (mode plan never gets here).







async function execute(spec, services, log, concurrency = spec.concurrency ?? budget/* DEFAULT_CONCURRENCY */.WH, 
/** Called as each rotation finishes (the CLI's progress lines). */
onDone) {
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
                ...(err instanceof core_rotation/* RotationError */.F ? { result: err.partial } : {}),
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
// EXTERNAL MODULE: ./src/net/rest.ts
var rest = __webpack_require__(9117);
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
        return (0,rest/* withRetries */.LH)(() => this.once(query, variables, context, deadline), {
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

// EXTERNAL MODULE: ./src/net/proxy.ts
var proxy = __webpack_require__(1987);
// EXTERNAL MODULE: ./src/net/url.ts
var url = __webpack_require__(486);
;// CONCATENATED MODULE: ./src/run/services.ts
// Builds what a run talks to from its credentials and the environment: the Fly client, and each store
// connected through its descriptor (../stores.ts).





/**
 * `apiUrl`: the action passes its run context's GitHub API URL (@actions/github `context.apiUrl`); the CLI
 * and in-process tests leave it to GITHUB_API_URL in `env`.
 */
async function createServices(spec, env, log, apiUrl = env.GITHUB_API_URL) {
    const flyBase = (0,url/* apiBaseUrl */.tj)(env.FLY_API_BASE_URL || 'https://api.fly.io', 'FLY_API_BASE_URL');
    const storeEnv = { ...env, GITHUB_API_URL: apiUrl };
    // A proxy variable that cannot be honoured fails the run here, before any request (never a direct one).
    (0,proxy/* proxySettings */.E)(env);
    // Tests shorten backoff with FLY_TOKEN_ROTATOR_RETRY_BASE_MS; Retry-After from either API is still honoured.
    const retryBaseMs = Number(env.FLY_TOKEN_ROTATOR_RETRY_BASE_MS) || undefined;
    const timeoutMs = spec.requestTimeoutMs;
    // One deadline for the whole run, from now: every request of every client is cut when it fires.
    const signals = (0,budget/* runSignals */.XG)(spec.timeoutMs ?? (0,budget/* defaultTimeoutMs */.xO)(spec.rotations.length, spec.concurrency ?? budget/* DEFAULT_CONCURRENCY */.WH));
    const fly = new FlyClient({
        baseUrl: flyBase,
        token: spec.credentials.fly,
        timeoutMs,
        retryBaseMs,
        signal: signals.run,
    });
    const ctx = {
        spec,
        env: storeEnv,
        signals,
        timeoutMs,
        ...(retryBaseMs ? { retryBaseMs } : {}),
        log,
        credentialVariables: src_stores/* STORE_SECRET_VARIABLES */.Rk,
    };
    // Only the stores this run's targets live in: the others' clients are never loaded.
    const targets = spec.rotations.flatMap((r) => r.targets);
    const used = src_stores/* STORES */.ZZ.filter((s) => targets.some(s.owns));
    const connected = await Promise.all(used.map((s) => s.connect(spec.credentials.stores[s.id], ctx)));
    const stores = new Map(used.map((s, i) => [s, connected[i]]));
    return {
        fly,
        signals,
        stores,
        canRead: (target) => stores.get((0,src_stores/* storeOf */.xX)(target))?.canRead ?? false,
        close: async () => {
            await Promise.all([...stores.values()].map((s) => s.close?.()));
        },
    };
}

;// CONCATENATED MODULE: ./src/run/index.ts
// What a door loads once its inputs are valid: the clients and the modes, one chunk shared by the action and
// the CLI (a refused run or a plan never loads it).




/***/ })

};
