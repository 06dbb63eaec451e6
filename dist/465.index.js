export const id = 465;
export const ids = [465];
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

/***/ 9465:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connect: () => (/* binding */ connect)
});

// EXTERNAL MODULE: ./src/net/rest.ts
var net_rest = __webpack_require__(9117);
;// CONCATENATED MODULE: ./src/forgejo/client.ts
// The REST client for a Forgejo (or Gitea) instance: API v1 below the instance's URL, the token in
// `Authorization: token \u2026` (the scheme Forgejo's API documents; it takes Bearer too).

function forgejoClient({ url, token, ...rest }) {
    return new net_rest/* RestClient */.eo({
        ...rest,
        baseUrl: `${url.replace(/\/+$/, '')}/api/v1`,
        auth: ['authorization', `token ${token}`],
        service: 'forgejo',
        serviceName: 'Forgejo',
    });
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/mask.ts
var mask = __webpack_require__(9239);
// EXTERNAL MODULE: ./src/core/shared.ts
var shared = __webpack_require__(1594);
;// CONCATENATED MODULE: ./src/forgejo/errors.ts
// Forgejo's failures in terms of the credential: which scope or role is missing, what must exist. Every message
// passes through scrubError (../core/mask.ts): older Forgejo releases answer an unknown token with "access token
// does not exist [sha: <the token>]", and any answer is remote text, so credential and secret values are cut out
// of it.

/** Ends a message with a full stop, so that a hint can follow it. */
function sentence(text) {
    return /[.!?]$/.test(text) ? text : `${text}.`;
}
/** Adds what the credential needs to a failed call's error; other failures pass through unchanged. */
function explain(err, action, hint) {
    const status = (0,errors/* statusOf */.c2)(err);
    if (status === 401) {
        // Forgejo's own text is dropped: it may quote the token.
        return new errors/* ApiError */.hD(`Forgejo refused the token (HTTP 401) while trying to ${action}: check that it exists and has not expired or been revoked.`, 'forgejo', 401);
    }
    if (status === 403) {
        return new errors/* ApiError */.hD(`${sentence((0,errors/* errorMessage */.gJ)(err))} The token needs ${hint.needs}.`, 'forgejo', 403);
    }
    if (status === 404) {
        return new errors/* ApiError */.hD(`${sentence((0,errors/* errorMessage */.gJ)(err))} ${hint.missing}; the token needs ${hint.needs}.`, 'forgejo', 404);
    }
    return err;
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
/**
 * A Forgejo Actions secret of one level (the subclasses). Not GitHub's secret classes under other names: Forgejo
 * takes the value in clear over REST, proves write access with a probe and can only say whether a secret exists.
 */
class ForgejoSecret {
    secretName;
    proof = 'none';
    label;
    scope;
    base;
    owner;
    hint;
    constructor(secretName, level) {
        this.secretName = secretName;
        this.label = `Forgejo secret ${secretName} of ${level.owner}`;
        this.scope = level.scope.toLowerCase();
        this.base = level.base;
        this.owner = level.owner;
        this.hint = level.hint;
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
        const status = (0,errors/* statusOf */.c2)(probe.reason);
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
        throw new errors/* ApiError */.hD(`Forgejo answered HTTP ${status} instead of 201 or 204 while trying to ${action}, so the write is not confirmed.`, 'forgejo');
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
        throw new errors/* ApiError */.hD(`Forgejo kept answering pages of secrets of ${this.owner} past ${MAX_PAGES}.`, 'forgejo');
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
            throw new errors/* ApiError */.hD(`Forgejo sent an answer that is not a list of secrets while trying to ${action}.`, 'forgejo');
        }
        const header = res.headers.get('x-total-count');
        const total = header === null ? undefined : Number(header);
        return {
            names: items.map((s) => s.name),
            total: total !== undefined && Number.isSafeInteger(total) && total >= 0 ? total : undefined,
        };
    }
}
class ForgejoRepoSecret extends ForgejoSecret {
    repoOwner;
    repo;
    constructor(repoOwner, repo, secretName) {
        const full = `${repoOwner}/${repo}`;
        super(secretName, {
            owner: `repository ${full}`,
            scope: `repo:${full}`,
            base: `/repos/${enc(repoOwner)}/${enc(repo)}/actions/secrets`,
            hint: {
                needs: `the write:repository scope, and its user must own ${full}: be its owner, an owner of its ` +
                    'organization or in a team with administrator access to it (a collaborator, even an administrator, is not enough)',
                missing: `The repository ${full} must exist, be visible to the token's user and have Actions enabled`,
            },
        });
        this.repoOwner = repoOwner;
        this.repo = repo;
    }
}
class ForgejoOrgSecret extends ForgejoSecret {
    org;
    constructor(org, secretName) {
        super(secretName, {
            owner: `organization ${org}`,
            scope: `org:${org}`,
            base: `/orgs/${enc(org)}/actions/secrets`,
            hint: {
                needs: `the write:organization scope, and its user must be an owner of organization ${org}`,
                missing: `The organization ${org} must exist (a user's name is not an organization)`,
            },
        });
        this.org = org;
    }
}
/** A Forgejo login as the API may send it; anything else is not believed. */
const LOGIN = /^[\w.-]{1,100}$/;
/** The token's own user's secret: Forgejo writes it for whoever the token belongs to. */
class ForgejoUserSecret extends ForgejoSecret {
    user;
    constructor(user, secretName) {
        super(secretName, {
            owner: `user ${user}`,
            scope: `user:${user}`,
            base: '/user/actions/secrets',
            hint: {
                needs: `the write:user scope, and must belong to user ${user}`,
                missing: "This instance has no API for a user's own Actions secrets (older Forgejo and Gitea releases lack it)",
            },
        });
        this.user = user;
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
            throw new errors/* ApiError */.hD(`Forgejo sent an answer without a valid login while trying to ${action}.`, 'forgejo');
        }
        // Forgejo compares user names without regard to case.
        if (login.toLowerCase() !== this.user.toLowerCase()) {
            throw new errors/* ApiError */.hD(`The Forgejo token belongs to user ${login}, not ${this.user}: a user's secrets are written with that ` +
                `user's own token, so ${this.label} needs a token of ${this.user}.`, 'forgejo');
        }
    }
}
/** The target for a validated spec. */
function forgejoTarget(spec) {
    switch (spec.type) {
        case 'forgejo-repo':
            return new ForgejoRepoSecret(spec.owner, spec.repo, spec.secret);
        case 'forgejo-org':
            return new ForgejoOrgSecret(spec.org, spec.secret);
        case 'forgejo-user':
            return new ForgejoUserSecret(spec.user, spec.secret);
    }
}

;// CONCATENATED MODULE: ./src/forgejo/writer.ts
// Writes one value into many Forgejo Actions secrets. Nothing needs sealing (Forgejo takes values in clear over
// TLS); what a run checks before minting is that the token may write every target, once per scope.




class ForgejoWriter {
    client;
    warn;
    targets;
    /** One write check per scope; a failed one may be run again by a later call. */
    checks = new shared/* SharedCalls */.B();
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
                const error = (0,errors/* errorMessage */.gJ)((0,mask/* scrubError */.Sz)(err, [...this.credential, ...(0,mask/* tokenForms */.py)(token.header)], 'forgejo'));
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
            throw (0,mask/* scrubError */.Sz)(err, this.credential, 'forgejo');
        }
    }
    check(target) {
        return this.checks.get(target.scope, () => target.check(this.client).catch((err) => {
            throw (0,mask/* scrubError */.Sz)(err, this.credential, 'forgejo');
        }));
    }
}

;// CONCATENATED MODULE: ./src/forgejo/connect.ts


function connect(credentials, ctx) {
    const given = credentials;
    const api = given &&
        forgejoClient({
            timeoutMs: ctx.timeoutMs,
            retryBaseMs: ctx.retryBaseMs,
            signal: ctx.signals.run,
            url: given.url,
            token: given.token,
        });
    return {
        canRead: Boolean(api),
        writer: (targets) => {
            // Inputs reading refuses a rotation without the token, so this is a bug guard.
            if (!api)
                throw new Error('no forgejo-token was given for targets that need it');
            return new ForgejoWriter(targets, api, (message) => ctx.log.warning(message));
        },
    };
}


/***/ })

};
