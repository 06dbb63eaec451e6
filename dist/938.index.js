export const id = 938;
export const ids = [938];
export const modules = {

/***/ 1594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SharedCalls)
/* harmony export */ });
// One call shared by every caller that asks for the same thing while it runs or after it succeeded (a public
// key, an access check, a module load), and forgotten when it fails, so that a later caller tries again.
class SharedCalls {
    calls = new Map();
    /** The call for `key`: the one started before, unless it failed; else `start()`, now. */
    get(key, start) {
        const running = this.calls.get(key);
        if (running)
            return running;
        const call = start();
        this.calls.set(key, call);
        call.catch(() => {
            if (this.calls.get(key) === call)
                this.calls.delete(key);
        });
        return call;
    }
    /** The call for `key` if one was started and has not failed; starts none. */
    peek(key) {
        return this.calls.get(key);
    }
}


/***/ }),

/***/ 7938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connect: () => (/* binding */ connect)
});

// EXTERNAL MODULE: ./src/net/url.ts
var url = __webpack_require__(486);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/github/errors.ts

/**
 * Explains a failed GitHub call in terms of the credential: which permission on which target is missing.
 * `permission` reads like "Secrets: read and write on acme/web".
 */
function githubError(err, action, permission) {
    const e = err;
    const status = e.status;
    const said = e.response?.data?.message ?? (0,errors/* errorMessage */.gJ)(err);
    // Octokit reports a request that got no HTTP answer at all (refused, reset, no DNS) as status 500 without a
    // response: that is no server error, and no status is shown for it.
    if (status === 500 && !e.response) {
        return new errors/* ApiError */.hD(`Could not reach GitHub while trying to ${action}: ${deepestCause(err)}. No HTTP answer came; check the API URL (GITHUB_API_URL), the network and any proxy.`, 'github');
    }
    if (status === 401) {
        return new errors/* ApiError */.hD(`GitHub rejected github-token (401 ${said}) while trying to ${action}. Check that the token exists and has not expired.`, 'github', 401);
    }
    if (status === 403 && /not accessible by integration/i.test(said)) {
        return new errors/* ApiError */.hD(`GitHub refused to ${action}: ${said}. If github-token is the workflow's own GITHUB_TOKEN, it can never read or write secrets; ` +
            `use a fine-grained PAT or a GitHub App (github-app-id + github-app-private-key) with ${permission} (docs/targets.md: "GitHub credentials").`, 'github', 403);
    }
    if (status === 403 || status === 404) {
        return new errors/* ApiError */.hD(`GitHub answered ${status} (${said}) while trying to ${action}: github-token needs ${permission}` +
            (status === 404 ? ', and the target must exist and be visible to it.' : '.'), 'github', status);
    }
    if (status === 422)
        return new errors/* ApiError */.hD(`GitHub rejected the request to ${action}: ${said}`, 'github', 422);
    return new errors/* ApiError */.hD(`GitHub failed to ${action}${status ? ` (HTTP ${status})` : ''}: ${said}`, 'github', status);
}
/** The innermost cause's message ("connect ECONNREFUSED 127.0.0.1:1"): octokit's own may be "fetch failed". */
function deepestCause(err) {
    let e = err;
    for (let depth = 0; depth < 5 && e?.cause; depth++)
        e = e.cause;
    return (0,errors/* errorMessage */.gJ)(e);
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

// EXTERNAL MODULE: ./src/core/shared.ts
var shared = __webpack_require__(1594);
;// CONCATENATED MODULE: ./src/github/targets.ts
// One class per kind of secret GitHub keeps: where its public key is, how it is written, and which permission a
// credential needs for it (named in every error).



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
            if ((0,errors/* statusOf */.c2)(err) === 404)
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
    exists = new shared/* SharedCalls */.B();
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
        return this.exists.get('', () => this.find(gh));
    }
    async find(gh) {
        try {
            await gh.request(`GET ${this.base}`, this.params());
        }
        catch (err) {
            const missing = (0,errors/* statusOf */.c2)(err) === 404;
            throw githubError(err, missing
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
    /** Resolved once; a failed lookup may be retried by a later call. */
    repositoryIds = new shared/* SharedCalls */.B();
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
        return this.repositoryIds.get('', () => Promise.all(this.repositories.map((repo) => this.repositoryId(gh, repo))));
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
        throw new errors/* InputError */.dz(`A GitHub App cannot write ${refused.map((t) => secretTarget(t).label).join('; ')}: GitHub does not let ` +
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
        const status = (0,errors/* statusOf */.c2)(err);
        if (status === 401) {
            return new errors/* ApiError */.hD(`GitHub rejected the JWT of ${what} (401 ${(0,errors/* errorMessage */.gJ)(err)}): github-app-private-key is not a key of app ${app.appId}, ` +
                'or github-app-id is wrong. Generate a private key in the app settings and use it with the app id (or client id) shown there.', 'github', 401);
        }
        if (status === 404) {
            return new errors/* ApiError */.hD(`${what} is not installed on ${where}. Install the app on the ${where.includes('/') ? 'repository' : 'organization'} ` +
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
            const status = (0,errors/* statusOf */.c2)(err);
            if (status === 422) {
                const perms = Object.entries(need.permissions)
                    .map(([p, level]) => `${p}: ${level}`)
                    .join(', ');
                const repos = need.repositories.length ? ` on repositories ${need.repositories.join(', ')}` : '';
                throw new errors/* ApiError */.hD(`${what} cannot get a token for ${need.owner} (${(0,errors/* errorMessage */.gJ)(err)}). Its installation on ${need.owner} needs ` +
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
                    options.log.warning(`Could not revoke an installation token of ${what} (it expires within an hour): ${(0,errors/* errorMessage */.gJ)(err)}`);
                }
            }));
            minted.length = 0;
        },
    };
}

// EXTERNAL MODULE: ./src/github/spec.ts
var spec = __webpack_require__(5356);
;// CONCATENATED MODULE: ./src/github/seal.ts
// libsodium is loaded on first use: its WebAssembly compile costs ~150 ms that modes which never
// write a secret (status, revoke, dry runs) should not pay.

const loading = new shared/* SharedCalls */.B();
function sodium() {
    return loading.get('', () => __webpack_require__.e(/* import() */ 768).then(__webpack_require__.bind(__webpack_require__, 4768)).then(async (m) => {
        await m.default.ready;
        return m.default;
    }));
}
/** Starts loading libsodium now, so that sealing right after the mint does not wait for its compile. */
function preloadSealing() {
    sodium().catch(() => {
        // A failure resurfaces, with its message, at the first seal (which loads again).
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
                return { target, error: (0,errors/* errorMessage */.gJ)(err), facts: { answers } };
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
    const status = (0,errors/* statusOf */.c2)(err);
    return typeof status === 'number' ? { status } : { lost: 'reset' };
}

;// CONCATENATED MODULE: ./src/github/connect.ts





function connect(credentials, ctx) {
    const given = (credentials ?? { github: '' });
    const options = {
        baseUrl: (0,url/* apiBaseUrl */.tj)(ctx.env.GITHUB_API_URL || 'https://api.github.com', 'GITHUB_API_URL'),
        pacing: ctx.env.FLY_TOKEN_ROTATOR_GITHUB_PACING !== 'off',
        timeoutMs: ctx.timeoutMs,
        retryBaseMs: ctx.retryBaseMs,
        signal: ctx.signals.run,
        log: { warning: ctx.log.warning, mask: ctx.log.mask ?? (() => { }) },
    };
    // With a GitHub App, each target owner gets its own installation token (GHES too: all follow GITHUB_API_URL).
    const app = given.githubApp;
    const targets = ctx.spec.rotations.flatMap((r) => r.targets).filter(spec/* isGitHubTarget */.Nd);
    const access = app ? appAccess(app, targets, options) : tokenAccess(given.github, options);
    return {
        canRead: Boolean(given.github || app),
        writer: (specs) => {
            const pairs = specs.map((spec) => ({ spec, target: secretTarget(spec) }));
            const byTarget = new Map(pairs.map((p) => [p.target, p.spec]));
            return new GitHubWriter(pairs.map((p) => p.target), (target) => access.client(targetOwner(byTarget.get(target))));
        },
        close: () => access.close(),
    };
}


/***/ })

};
