export const id = 287;
export const ids = [287];
export const modules = {

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ githubError)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/**
 * Explains a failed GitHub call in terms of the credential: which permission on which target is missing.
 * `permission` reads like "Secrets: read and write on acme/web".
 */
function githubError(err, action, permission) {
    const e = err;
    const status = e.status;
    const said = e.response?.data?.message ?? (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err);
    if (status === 401) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`GitHub rejected github-token (401 ${said}) while trying to ${action}. Check that the token exists and has not expired.`, 'github', 401);
    }
    if (status === 403 && /not accessible by integration/i.test(said)) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`GitHub refused to ${action}: ${said}. If github-token is the workflow's own GITHUB_TOKEN, it can never read or write secrets; ` +
            `use a fine-grained PAT or a GitHub App (github-app-id + github-app-private-key) with ${permission} (docs/targets.md: "GitHub credentials").`, 'github', 403);
    }
    if (status === 403 || status === 404) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`GitHub answered ${status} (${said}) while trying to ${action}: github-token needs ${permission}` +
            (status === 404 ? ', and the target must exist and be visible to it.' : '.'), 'github', status);
    }
    if (status === 422)
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`GitHub rejected the request to ${action}: ${said}`, 'github', 422);
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(`GitHub failed to ${action}${status ? ` (HTTP ${status})` : ''}: ${said}`, 'github', status);
}


/***/ }),

/***/ 5617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gk: () => (/* binding */ secretTarget),
/* harmony export */   zM: () => (/* binding */ targetOwner)
/* harmony export */ });
/* unused harmony exports RepositorySecret, EnvironmentSecret, OrganizationSecret */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3116);

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
    actions: 'Organization permissions › Secrets',
    dependabot: 'Organization permissions › Dependabot secrets',
    codespaces: 'Organization permissions › Codespaces secrets',
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
    async publicKey(gh) {
        await this.check?.(gh);
        try {
            return (await gh.request(`GET ${this.base}/secrets/public-key`, this.params())).data;
        }
        catch (err) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubError */ .q)(err, `read ${this.keyName}`, this.permission);
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
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubError */ .q)(err, `read when ${this.label} was last written`, this.permission);
        }
    }
    async write(gh, encryptedValue, keyId, signal) {
        const extra = await this.writeFields(gh);
        try {
            const res = await gh.request(`PUT ${this.base}/secrets/{secret_name}`, {
                ...this.secretParams(),
                encrypted_value: encryptedValue,
                key_id: keyId,
                ...extra,
                ...(signal ? { request: { signal } } : {}),
            });
            return written(res.status);
        }
        catch (err) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubError */ .q)(err, `write ${this.label}`, this.permission);
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
class RepositorySecret extends SecretStore {
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
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubError */ .q)(err, missing
                ? `find environment "${this.environment}" in ${this.owner}/${this.repo} (it must already exist: this action never creates environments)`
                : `read environment "${this.environment}" of ${this.owner}/${this.repo}`, 
            // "Get an environment" needs Actions: read, not the Environments permission the secret needs.
            `Actions: read and ${this.permission}`);
        }
    }
}
class OrganizationSecret extends SecretStore {
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
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .githubError */ .q)(err, `look up ${this.org}/${repo}, selected for ${this.label}`, `Metadata: read on ${this.org}/${repo}`);
        }
    }
}
/** The writer for a validated target spec. */
function secretTarget(spec) {
    switch (spec.type) {
        case 'repository':
            return new RepositorySecret(spec.owner, spec.repo, spec.secret, spec.app);
        case 'environment':
            return new EnvironmentSecret(spec.owner, spec.repo, spec.environment, spec.secret);
        case 'organization':
            return new OrganizationSecret(spec.org, spec.visibility, spec.repositories, spec.secret, spec.app);
    }
}
/** The account that owns a target: whose GitHub App installation writes it. */
function targetOwner(spec) {
    return spec.type === 'organization' ? spec.org : spec.owner;
}


/***/ }),

/***/ 2287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CONCURRENCY: () => (/* binding */ DEFAULT_CONCURRENCY),
  execute: () => (/* binding */ execute)
});

// EXTERNAL MODULE: ./src/config/plan.ts
var plan = __webpack_require__(9311);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
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
;// CONCATENATED MODULE: ./src/core/holdings.ts
/** How far Fly's and GitHub's clocks may disagree, one-second resolution of both included. */
const CLOCK_SKEW_MS = 5_000;
const created = (t) => Date.parse(t.createdAt);
/** `tokens`: every managed token of the scope, revoked and expired ones too (a target can hold those). */
function holdingOf(target, updatedAt, tokens) {
    if (updatedAt === undefined)
        return { target, possible: [] };
    const written = Date.parse(updatedAt);
    const sorted = [...tokens].sort((a, b) => created(a) - created(b) || a.id.localeCompare(b.id));
    const token = sorted.filter((t) => created(t) <= written + CLOCK_SKEW_MS).at(-1);
    if (!token)
        return { target, updatedAt, possible: [] };
    const near = sorted.filter((t) => Math.abs(created(t) - written) <= CLOCK_SKEW_MS);
    const before = created(token) > written ? sorted.filter((t) => created(t) <= written).at(-1) : undefined;
    const possible = [...new Set([...(before ? [before] : []), ...near, token])];
    return { target, updatedAt, token, possible };
}
/**
 * Whether a write of a token minted at `mintedAt` can have landed, judged from the secret's updated_at read
 * after the write failed ambiguously: an updated_at older than the mint (by more than the clock skew) proves
 * the write did not happen; anything newer counts as landed, since it may be ours.
 */
function writeMayHaveLanded(mintedAt, updatedAt) {
    return updatedAt !== undefined && Date.parse(updatedAt) > Date.parse(mintedAt) - CLOCK_SKEW_MS;
}
/** The ids some target may hold, each with the labels of the targets that may hold it. */
function heldIds(holdings) {
    const out = new Map();
    for (const h of holdings)
        for (const t of h.possible)
            out.set(t.id, [...(out.get(t.id) ?? []), h.target]);
    return out;
}

// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(2483);
;// CONCATENATED MODULE: ./src/core/previous.ts

/** Longer than any run can take with its timeouts and retries. */
const SWEEP_GRACE_MS = 15 * 60_000;
/** Managed tokens are recognised by name (see ./names.ts); this returns those still valid, oldest first. */
function managedTokens(tokens, prefix, now = Date.now()) {
    return allManaged(tokens, prefix).filter((t) => !t.revokedAt && Date.parse(t.expiresAt) > now);
}
/** Every managed token, revoked and expired ones too, oldest first. */
function allManaged(tokens, prefix) {
    return tokens
        .filter((t) => (0,names/* isManagedName */.BU)(t.name, prefix))
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
function settledAt(before, input, writer) {
    const grace = input.sweepGraceMs ?? SWEEP_GRACE_MS;
    const anyYoung = choosePrevious(before, input.keepPrevious, grace).deferred.length > 0;
    return anyYoung ? writer.lastWritten().catch(() => 0) : Promise.resolve(0);
}

;// CONCATENATED MODULE: ./src/core/revoke.ts



/**
 * Which valid tokens revoking would break, each with why: those some target may hold (naming the targets). When
 * the targets cannot be read (no GitHub credential, or GitHub failing) the run cannot tell, and says so.
 */
async function protectedTokens(tokens, managedName, readHoldings) {
    const out = new Map();
    if (!readHoldings) {
        const newest = managedTokens(tokens, managedName).at(-1);
        if (newest)
            out.set(newest.id, 'with no GitHub credential the targets cannot be read, so the newest managed token is taken to be the one they hold');
        return out;
    }
    try {
        const held = heldIds(await readHoldings(allManaged(tokens, managedName)));
        for (const [id, targets] of held)
            out.set(id, `held by ${targets.join(', ')}`);
    }
    catch (err) {
        for (const t of managedTokens(tokens, managedName))
            out.set(t.id, `the targets could not be read to tell which token they hold (${(0,errors/* errorMessage */.gJ)(err)})`);
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
            if (err instanceof errors/* ApiError */.hD && err.code === 'NOT_FOUND') {
                const now = (await issuer.list().catch(() => [])).find((x) => x.id === id);
                if (now?.revokedAt)
                    return { id, name: t.name, outcome: 'already revoked', detail: now.revokedAt };
            }
            return { id, name: t.name, outcome: 'failed', detail: (0,errors/* errorMessage */.gJ)(err) };
        }
    }));
}

// EXTERNAL MODULE: ./src/fly/macaroon/index.ts + 10 modules
var macaroon = __webpack_require__(8584);
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
    async mint(name, expiry) {
        await this.prepare();
        const minted = await this.fly.createToken({
            name,
            organizationId: this.organizationId(),
            profile: this.profile,
            profileParams: this.profileParams(),
            expiry,
        });
        try {
            return { ...minted, header: this.window(this.narrow(minted.header), minted.expiresAt) };
        }
        catch (err) {
            // The server token exists but is not the token asked for: take it back rather than leave it valid.
            const undo = await this.revoke(minted.id).then(() => `token ${minted.id} was revoked`, (e) => `revoking token ${minted.id} failed too (${(0,errors/* errorMessage */.gJ)(e)}); the next run revokes it`);
            throw new Error(`Fly minted token ${minted.id} in ${this.scope}, but narrowing it to the kind asked for failed (${(0,errors/* errorMessage */.gJ)(err)}), so it was not stored: ${undo}.`);
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
// EXTERNAL MODULE: ./src/core/budget.ts
var budget = __webpack_require__(4782);
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
 * If the listing fails too, we stop: a blind retry could leak a second token.
 */
async function mintOnce(input, runName, issuer, before, log) {
    const late = () => (0,budget/* lateMessage */.ug)(input.signals, 'Create');
    try {
        return { token: await issuer.mint(runName, input.expiry), ownRevoked: [] };
    }
    catch (err) {
        if (!(err instanceof errors/* TransientError */.N_)) {
            // Even a plain refusal may come after Fly minted (an error answer from a handler that ran): look once.
            const found = await revokeOwn(issuer, runName, before, log);
            if (found.ok && found.revoked.length) {
                throw new core_result/* RotationError */.F(`${(0,errors/* errorMessage */.gJ)(err)} (Fly created ${found.revoked.join(', ')} anyway; this run revoked it.)`, {
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
            return { token: await issuer.mint(runName, input.expiry), ownRevoked: lost.revoked };
        }
        catch (again) {
            // A second ambiguous create may have minted too: this run's name finds it.
            const cleanup = again instanceof errors/* TransientError */.N_ ? await revokeOwn(issuer, runName, before, log) : lost;
            const revoked = [...lost.revoked, ...(cleanup.ok && cleanup !== lost ? cleanup.revoked : [])];
            const fate = !cleanup.ok
                ? `If Fly created a token anyway, a later run revokes it (${cleanup.error}).`
                : cleanup.left.length || lost.left.length
                    ? `Revoking ${[...lost.left, ...cleanup.left].join(', ')}, created anyway, failed; a later run revokes it.`
                    : revoked.length
                        ? `Fly created ${revoked.join(', ')} anyway, so this run revoked it.`
                        : 'Fly created no token.';
            throw new core_result/* RotationError */.F(`${late()}Creating the token failed twice (${(0,errors/* errorMessage */.gJ)(again)}). Nothing was stored: every target still holds its previous token. ${fate}`, revoked.length ? { ownRevoked: revoked } : undefined);
        }
    }
}
/** Lists and revokes this run's own tokens that appeared since `before` (created, value lost: held by nobody). */
async function revokeOwn(issuer, runName, before, log) {
    const listed = await settle(issuer.list());
    if (!listed.ok)
        return { ok: false, error: (0,errors/* errorMessage */.gJ)(listed.error) };
    const known = new Set(before.map((t) => t.id));
    const lost = listed.value.filter((t) => t.name === runName && !t.revokedAt && !known.has(t.id));
    const revoked = [];
    const left = [];
    for (const t of lost) {
        const r = await settle(issuer.revoke(t.id));
        (r.ok ? revoked : left).push(t.id);
        log.warning(r.ok
            ? `Fly created ${t.id} but its value was lost in transit; nobody can hold it, so it was revoked.`
            : `Fly created ${t.id} but its value was lost in transit; revoking it failed (${(0,errors/* errorMessage */.gJ)(r.error)}), a later run revokes it.`);
    }
    return { ok: true, revoked, left };
}

// EXTERNAL MODULE: ./src/core/mask.ts
var mask = __webpack_require__(9239);
;// CONCATENATED MODULE: ./src/core/store.ts
// After the store step: what a write that failed ambiguously really did, read from the secret's updated_at.



/**
 * A write that failed ambiguously (timeout, reset, 5xx) may have landed. The secret's updated_at tells: older
 * than the mint, it did not (the outcome stays a failure, no longer ambiguous); newer, it counts as written.
 * `unknown` is set when GitHub could not be read at all.
 */
async function resolveAmbiguous(written, token, writer, log) {
    if (!written.some((s) => s.ambiguous))
        return { stored: written };
    const times = await settle(writer.updatedAt());
    if (!times.ok)
        return { stored: written, unknown: (0,errors/* errorMessage */.gJ)(times.error) };
    const at = new Map(writer.targets.map((t, i) => [t, times.value[i]]));
    const stored = written.map((s) => {
        if (!s.ambiguous)
            return s;
        const updatedAt = at.get(s.target);
        if (writeMayHaveLanded(token.createdAt, updatedAt)) {
            log.warning(`The write of ${s.target.label} failed (${s.error}), but it landed: the secret was updated at ${updatedAt}, after ${token.id} was minted.`);
            return { target: s.target, result: 'updated' };
        }
        const last = updatedAt ? `last updated at ${updatedAt}` : 'does not exist';
        return {
            target: s.target,
            error: `${s.error} (the secret ${last}, before ${token.id} was minted: the write did not land)`,
        };
    });
    return { stored };
}

;// CONCATENATED MODULE: ./src/core/rotate.ts
// The rotation protocol: plan → create → store → verify → revoke. Everything it touches is behind two
// small interfaces (TokenIssuer for Fly, SecretWriter for the secrets, see ./interfaces.ts), so it can be
// read and tested on its own.









async function rotate(input, issuer, writer, log) {
    const runName = input.runName ?? (0,names/* runTokenName */.sR)(input.tokenName, (0,names/* runIdentity */.yK)('cli'));
    const late = (step) => (0,budget/* lateMessage */.ug)(input.signals, step);
    // 1. Plan: ids, the managed tokens that exist now, and every public key, all at once.
    writer.warmUp();
    const before = await log.group('Plan', () => (0,budget/* beforeDeadline */.OJ)(input.signals, 'Plan (reading the app, the token list and the public keys)', Promise.all([issuer.prepare(), issuer.list(), writer.prepare()])).then(([, tokens]) => {
        const managed = managedTokens(tokens, input.tokenName);
        log.info(`${managed.length} managed token(s) named "${input.tokenName}" in ${issuer.scope}.`);
        return managed;
    }));
    // Minting with no time left to store and clean up would only leave a token nobody holds.
    if (input.signals?.work.aborted)
        throw new core_result/* RotationError */.F(`${late('Plan')}Nothing was minted, written or revoked.`);
    // Must be read before this run writes anything.
    const settled = settledAt(before, input, writer);
    // 2. Create.
    const { token: minted, ownRevoked } = await log.group('Create', async () => {
        const created = await mintOnce(input, runName, issuer, before, log);
        const t = created.token;
        (0,mask/* maskToken */.g)(t.header, log);
        log.info(`Minted token ${t.id} named "${runName}", expires ${t.expiresAt}.`);
        return created;
    });
    const own = ownRevoked.length ? { ownRevoked } : {};
    const token = {
        id: minted.id,
        name: minted.name,
        createdAt: minted.createdAt,
        expiresAt: minted.expiresAt,
        revokedAt: null,
    };
    // 3. Store, while 4. Verify and a fresh listing run alongside (they need only the new token).
    const [written, verified, after] = await log.group('Store and verify', () => Promise.all([
        writer.store(minted.header, input.signals?.work),
        settle(issuer.verify(minted.header)),
        settle(issuer.list()),
    ]));
    const { stored, unknown } = await resolveAmbiguous(written, token, writer, log);
    for (const s of stored) {
        if (s.error)
            log.warning(`Could not write ${s.target.label}: ${s.error}`);
        else
            log.info(`Wrote ${s.target.label} (${s.result}).`);
    }
    const failed = stored.filter((s) => s.error);
    const storeLate = late('Store');
    if (failed.length === stored.length && unknown) {
        // GitHub could not even be read: the write may have landed, so the new token stays valid, and so do the
        // previous ones. The next run writes every target again and sweeps whichever is left over.
        throw new core_result/* RotationError */.F(`${storeLate}No target confirmed the write of the new token ${minted.id}, and GitHub could not be read to tell whether it landed ` +
            `(${unknown}), so no token was revoked: every target holds either its previous token or ${minted.id}, both valid. ` +
            `Run again: the next run writes every target and revokes the rest. First error: ${failed[0].error}`, { token, stored, ...own });
    }
    if (failed.length === stored.length) {
        // Nothing holds the new token (GitHub says so): take it back, leaving every target as it was.
        const undo = await settle(issuer.revoke(minted.id));
        const fate = undo.ok
            ? `The new token ${minted.id} was revoked`
            : `Revoking the new token ${minted.id} also failed (${(0,errors/* errorMessage */.gJ)(undo.error)}); the next run revokes it`;
        throw new core_result/* RotationError */.F(`${storeLate}No target could be written, so nothing changed: every target still holds its previous token. ${fate}. First error: ${failed[0].error}`, { token, stored, ownRevoked: [...ownRevoked, ...(undo.ok ? [minted.id] : [])] });
    }
    if (failed.length > 0) {
        throw new core_result/* RotationError */.F(`${storeLate}The new token ${minted.id} was written to ${stored.length - failed.length} of ${stored.length} targets; ` +
            `${failed.map((f) => f.target.label).join(', ')} still hold the previous token, so no token was revoked. ` +
            'Fix the error and run again: the next run writes every target and revokes the old tokens.', { token, stored, ...own });
    }
    if (!verified.ok) {
        throw new core_result/* RotationError */.F(`${late('Verify')}The new token ${minted.id} is stored, but proving that Fly accepts it failed, so the previous token was kept: ${(0,errors/* errorMessage */.gJ)(verified.error)}`, { token, stored, ...own });
    }
    const verification = verified.value ?? 'accepted by Fly';
    // 5. Revoke what came before, newest kept for in-flight jobs; never a token that appeared during this run.
    return log.group('Revoke previous', async () => {
        const known = new Set(before.map((t) => t.id));
        const newer = after.ok
            ? managedTokens(after.value, input.tokenName).filter((t) => !known.has(t.id) && t.id !== minted.id && Date.parse(t.createdAt) >= Date.parse(minted.createdAt))
            : [];
        if (!after.ok || newer.length > 0 || input.signals?.work.aborted) {
            const why = !after.ok
                ? `the token list could not be read again (${(0,errors/* errorMessage */.gJ)(after.error)})`
                : newer.length > 0
                    ? `another rotation minted ${newer.map((t) => t.id).join(', ')} after this one; it will revoke the older tokens`
                    : `the run's timeout ran out before this step; the next run revokes them`;
            log.warning(`Previous tokens left valid: ${why}.`);
            return {
                token,
                stored,
                verification,
                revoked: [],
                kept: before.map((t) => t.id),
                revocationSkipped: why,
                ...own,
            };
        }
        const stillValid = new Set(managedTokens(after.value, input.tokenName).map((t) => t.id));
        const previous = before.filter((t) => stillValid.has(t.id));
        const { doomed, kept, deferred } = choosePrevious(previous, input.keepPrevious, input.sweepGraceMs ?? SWEEP_GRACE_MS, await settled);
        const results = await Promise.all(doomed.map((t) => settle(issuer.revoke(t.id))));
        const revoked = [];
        const failures = [];
        results.forEach((r, i) => {
            if (r.ok)
                revoked.push(doomed[i].id);
            else
                failures.push(`${doomed[i].id}: ${(0,errors/* errorMessage */.gJ)(r.error)}`);
        });
        for (const id of revoked)
            log.info(`Revoked previous token ${id}.`);
        for (const t of kept)
            log.info(`Kept previous token ${t.id} (keep-previous).`);
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

// EXTERNAL MODULE: ./src/github/targets.ts
var github_targets = __webpack_require__(5617);
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
    async store(value, signal) {
        return Promise.all(this.targets.map(async (target) => {
            try {
                const key = await this.key(target);
                const sealed = await sealSecret(value, key.key);
                const gh = await this.clientFor(target);
                return { target, result: await target.write(gh, sealed, key.key_id, signal) };
            }
            catch (err) {
                const status = err.status;
                const ambiguous = !(status !== undefined && status >= 400 && status < 500);
                return { target, error: (0,errors/* errorMessage */.gJ)(err), ...(ambiguous ? { ambiguous } : {}) };
            }
        }));
    }
    /**
     * The moment by which every target had been written at least once (the oldest updated_at), or 0 when a
     * target has never been written. Tokens created before it are known to have finished their writes.
     */
    async lastWritten() {
        const times = await this.updatedAt();
        return times.some((t) => t === undefined) ? 0 : Math.min(...times.map((t) => Date.parse(t)));
    }
    /** Each target's updated_at, read now (never cached: it is read again after an ambiguous write). */
    updatedAt() {
        return Promise.all(this.targets.map(async (t) => t.lastWritten(await this.clientFor(t))));
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

;// CONCATENATED MODULE: ./src/run/rotation.ts
// One door for every front end (action, CLI, demo): run a validated RunSpec against the services.







/** The writer for a rotation's targets, each written with the GitHub client for its owner. */
function secretWriter(rotation, services) {
    const targets = rotation.targets.map((spec) => ({ spec, target: (0,github_targets/* secretTarget */.Gk)(spec) }));
    const byTarget = new Map(targets.map((t) => [t.target, t.spec]));
    return new GitHubWriter(targets.map((t) => t.target), (target) => services.github(byTarget.get(target)));
}
/** What the protocol needs for one rotation: names, expiry, and the run's deadlines when there are some. */
function rotationInput(rotation, spec, services) {
    return {
        tokenName: rotation.tokenName,
        runName: (0,names/* runTokenName */.sR)(rotation.tokenName, (0,names/* runIdentity */.yK)(spec?.runLabel ?? 'cli')),
        ...(services?.signals ? { signals: services.signals } : {}),
        expiry: (0,duration/* goDuration */.Lm)(rotation.expiryMs),
        keepPrevious: rotation.keepPrevious,
        ...(spec?.sweepGraceMs !== undefined ? { sweepGraceMs: spec.sweepGraceMs } : {}),
    };
}
function runRotation(rotation, services, log, spec) {
    return rotate(rotationInput(rotation, spec, services), tokenIssuer(rotation, services.fly), secretWriter(rotation, services), log);
}
/**
 * Reads which token each target of the rotation holds, or undefined when the run has no GitHub credential (then
 * modes say that the targets were not read).
 */
function holdingsReader(rotation, services) {
    if (services.canReadTargets === false)
        return undefined;
    return async (managed) => {
        const writer = secretWriter(rotation, services);
        const times = await writer.updatedAt();
        return writer.targets.map((t, i) => holdingOf(t.label, times[i], managed));
    };
}

;// CONCATENATED MODULE: ./src/run/modes/types.ts
const dryRunNote = '**Dry run**: nothing was created, written or revoked.';

;// CONCATENATED MODULE: ./src/run/modes/revoke.ts
// Mode revoke: revoke the ids from token-ids, each reported as revoked / already revoked / unknown / refused.





const runRevokeIds = async (spec, rotation, services, log) => {
    const report = await revokeTokens(spec.tokenIds, tokenIssuer(rotation, services.fly), {
        managedName: rotation.tokenName,
        force: spec.force,
        dryRun: spec.dryRun,
        holdings: holdingsReader(rotation, services),
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
    const managed = managedTokens(listed, rotation.tokenName);
    const report = await Promise.all(managed.map(async (t) => {
        if (spec.dryRun)
            return { id: t.id, name: t.name, outcome: 'would revoke' };
        try {
            await issuer.revoke(t.id);
            log.info(`Revoked ${t.id} (${t.name}).`);
            return { id: t.id, name: t.name, outcome: 'revoked' };
        }
        catch (err) {
            return { id: t.id, name: t.name, outcome: 'failed', detail: (0,errors/* errorMessage */.gJ)(err) };
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
        const read = holdingsReader(rotation, services);
        if (!read || ids.length === 0)
            return '';
        try {
            const holdings = await read(allManaged(listed, rotation.tokenName));
            const hit = holdings.filter((h) => h.possible.some((t) => ids.includes(t.id))).map((h) => h.target);
            return hit.join('; ');
        }
        catch {
            return '';
        }
    }
};

;// CONCATENATED MODULE: ./src/run/modes/rotate.ts
// Mode rotate: the protocol in ../rotate.ts, or with dry-run only its plan step (reads only) and what the
// other steps would do.







const runRotate = async (spec, rotation, services, log) => {
    if (spec.dryRun)
        return planRotation(spec, rotation, services, log);
    try {
        const result = await runRotation(rotation, services, log, spec);
        return { outputs: rotationOutputs(result), summary: (0,run_summary/* rotationSummary */.Zu)(rotation.label, result), result };
    }
    catch (err) {
        const result = err instanceof core_result/* RotationError */.F ? err.partial : undefined;
        return {
            outputs: rotationOutputs(result ?? {}),
            summary: (0,run_summary/* rotationSummary */.Zu)(rotation.label, result ?? {}, (0,errors/* errorMessage */.gJ)(err)),
            error: (0,errors/* errorMessage */.gJ)(err),
            ...(result ? { result } : {}),
        };
    }
};
function rotationOutputs(r) {
    return {
        ...(r.token ? { 'token-id': r.token.id, 'expires-at': r.token.expiresAt } : {}),
        'revoked-token-ids': JSON.stringify([...(r.ownRevoked ?? []), ...(r.revoked ?? [])]),
    };
}
const planRotation = async (spec, rotation, services, log) => {
    const issuer = tokenIssuer(rotation, services.fly);
    const writer = secretWriter(rotation, services);
    const input = rotationInput(rotation, spec);
    const [, tokens] = await Promise.all([issuer.prepare(), issuer.list(), writer.prepare()]);
    const managed = managedTokens(tokens, input.tokenName);
    const { doomed, kept, deferred } = choosePrevious(managed, input.keepPrevious, input.sweepGraceMs ?? SWEEP_GRACE_MS, await settledAt(managed, input, writer));
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
        summary: `### Fly token rotation plan\n\n${dryRunNote}\n\n${(0,run_summary/* table */.tp)(['', ''], facts)}\n`,
    };
};

;// CONCATENATED MODULE: ./src/run/modes/status.ts
// Mode status: which token each target holds (read from GitHub's updated_at, see ../../core/holdings.ts), whether
// it is live and when it expires, and the managed tokens of the scope. It fails when a target holds a revoked or
// expired token, none at all, or one that expires within warn-before. Reads only, so dry-run changes nothing here.
//
// Without a GitHub credential the targets cannot be read: status then checks the Fly side only (the newest valid
// managed token stands for what the targets hold) and says so in its summary.




const NO_GITHUB_NOTE = 'Targets not read: no GitHub credential was given (github-token or a GitHub App), so only Fly was checked and the newest valid managed token is taken to be the one the targets hold.';
const runStatus = async (spec, rotation, services) => {
    const issuer = tokenIssuer(rotation, services.fly);
    const now = Date.now();
    const live = (t) => !t.revokedAt && Date.parse(t.expiresAt) > now;
    const managed = allManaged(await issuer.list(), rotation.tokenName);
    const read = holdingsReader(rotation, services);
    const holdings = read ? await read(managed) : undefined;
    const newest = managed.filter(live).at(-1);
    const held = holdings ? holdings.flatMap((h) => (h.token ? [h.token] : [])) : newest ? [newest] : [];
    const tokens = managed.map((t) => ({ ...pick(t), current: held.includes(t) }));
    const targets = (holdings ?? []).map((h) => ({
        target: h.target,
        updatedAt: h.updatedAt ?? null,
        tokenId: h.token?.id ?? null,
        live: h.token ? live(h.token) : false,
        expiresAt: h.token?.expiresAt ?? null,
    }));
    const error = problem(holdings, newest, spec.warnBeforeMs, now, live) ?? undefined;
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
        t.tokenId ? (0,run_summary/* code */.aY)(t.tokenId) : 'none',
        t.tokenId ? (t.live ? 'yes' : 'no') : '',
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
        rows.length ? (0,run_summary/* table */.tp)(['Token', 'Name', 'Created', 'Expires', 'Revoked'], rows) : 'No managed tokens.',
        '',
    ].join('\n');
    return {
        outputs: {
            tokens: JSON.stringify(tokens),
            'token-id': first?.id ?? '',
            'expires-at': first?.expiresAt ?? '',
            ...(holdings ? { holdings: JSON.stringify(targets) } : {}),
        },
        summary,
        ...(error ? { error } : {}),
    };
};
/** The first thing a person must act on, or null. */
function problem(holdings, newest, warnBeforeMs, now, live) {
    const soon = (t) => Date.parse(t.expiresAt) - now < warnBeforeMs;
    if (!holdings) {
        if (!newest)
            return 'No valid managed token: run a rotation.';
        return soon(newest)
            ? `The current token ${newest.id} expires at ${newest.expiresAt}, within warn-before: run a rotation.`
            : null;
    }
    for (const h of holdings) {
        if (!h.token)
            return `${h.target} holds no token this action minted (${h.updatedAt ? `last written ${h.updatedAt}` : 'it does not exist'}): run a rotation.`;
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
        const error = (0,errors/* errorMessage */.gJ)(err);
        const note = spec.dryRun ? ' (dry run)' : '';
        return {
            outputs: {},
            summary: `### ${TITLES[mode]} failed${note}\n\n> ${(0,run_summary/* cell */.Hn)(error)}\n\nScope: ${(0,run_summary/* cell */.Hn)(rotation.label)}\n\nNothing was changed.\n`,
            error,
        };
    }
}

;// CONCATENATED MODULE: ./src/run/execute.ts
// Runs a validated RunSpec in its mode and describes what happened as outputs and a summary. The action
// and the CLI both call this; they differ only in how they print the report.







/** How many rotations run at once; Fly calls overlap freely and GitHub writes are paced by octokit. */
const DEFAULT_CONCURRENCY = 8;
async function execute(spec, services, log, concurrency = spec.concurrency ?? DEFAULT_CONCURRENCY, 
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
                error: (0,errors/* errorMessage */.gJ)(err),
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


/***/ })

};
