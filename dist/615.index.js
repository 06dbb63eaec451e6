export const id = 615;
export const ids = [615];
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

/***/ 615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connect: () => (/* binding */ connect)
});

// EXTERNAL MODULE: ./src/net/rest.ts
var rest = __webpack_require__(9117);
// EXTERNAL MODULE: ./src/net/url.ts
var url = __webpack_require__(486);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/mask.ts
var mask = __webpack_require__(9239);
// EXTERNAL MODULE: ./src/core/printable.ts
var printable = __webpack_require__(8080);
// EXTERNAL MODULE: ./src/core/shared.ts
var shared = __webpack_require__(1594);
;// CONCATENATED MODULE: ./src/gitlab/errors.ts
// Turns failed GitLab calls into messages about the credential (which scope and role are missing, on which
// project or group), and keeps the token being written out of every message, whatever a server echoes.

/** A failure that proves what happened (a read-back that disagrees, a scope GitLab dropped): never ambiguous. */
class GitLabCheckError extends errors/* ApiError */.hD {
    undone;
    constructor(message, 
    /** What was written was taken back: the target holds what it held before. */
    undone = false) {
        super(message, 'gitlab');
        this.undone = undone;
    }
}
/** Is this GitLab's "no such variable" (as opposed to no such project or group)? */
function variableMissing(err) {
    return (0,errors/* statusOf */.c2)(err) === 404 && /\b(Group)?Variable Not Found\b/.test(err.message);
}
/**
 * Explains a failed call: 401 is the token itself, 403 a missing scope or role, 404 a path that does not exist
 * or is not visible to the token. `requirement` reads "\u2026 with scope api and the Owner role on group acme".
 * Transient errors are returned as they are, so callers still see them as such.
 */
function gitlabError(err, requirement) {
    if (!(err instanceof errors/* ApiError */.hD) || err.status === undefined || err.status >= 500)
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
    return hint ? new errors/* ApiError */.hD(`${err.message}.${hint}`, 'gitlab', status) : err;
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
const MAX_PAGES = 50;
class GitLabWriter {
    api;
    warn;
    targets;
    /**
     * One listing per project or group, shared by its variables: the access check, and the variables of the
     * targets' keys as they were before minting (what a write into the wrong scope is put back from).
     */
    access = new shared/* SharedCalls */.B();
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
            throw new errors/* InputError */.dz(problems.join(' '));
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
                const error = (0,mask/* scrubText */.Ho)((0,errors/* errorMessage */.gJ)(gitlabError(err, target.requirement)), (0,mask/* tokenForms */.py)(token.header), '[token]');
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
                const forms = value === undefined ? [] : (0,mask/* tokenForms */.py)(value);
                throw (0,mask/* scrubError */.Sz)(gitlabError(err, target.requirement), forms, 'gitlab', '[token]');
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
        const shown = serverText(scope);
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
                    path: target.itemIn(scope),
                    body: restoreFields(before),
                    context: `put back ${target.spec.secret} of ${target.owner} (environment ${shown})`,
                });
                restored = 'Its value from before this run was put back.';
            }
            catch (err) {
                restored = `Putting its value from before this run back failed (${(0,errors/* errorMessage */.gJ)(err)}): set it again in GitLab.`;
            }
        }
        throw new GitLabCheckError(`GitLab wrote the new token into ${target.spec.secret} of ${target.owner} with environment scope "${shown}" ` +
            `instead of "${serverText(target.spec.environmentScope)}": the variable of that scope was deleted while ` +
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
            if ((0,errors/* statusOf */.c2)(err) === 400 && /has already been taken/.test(err.message))
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
        const shown = serverText(scope);
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
                    path: target.itemIn(scope),
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
                    : `Deleting it again failed (${(0,errors/* errorMessage */.gJ)(err)}): every matching environment reads the new token until you delete it in GitLab.`;
            }
        throw new GitLabCheckError(`GitLab stored the new token in ${where} with environment scope "${shown}" instead of ` +
            `"${serverText(target.spec.environmentScope)}".${why} ${fate} Use environment scope "${shown}", or move ` +
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
                throw new errors/* ApiError */.hD(`GitLab answered reading ${target.label} with something that is not a variable.`, 'gitlab');
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
            const status = (0,errors/* statusOf */.c2)(err);
            if (status === 403 && /insufficient_scope/.test(err.message)) {
                throw new errors/* ApiError */.hD('The GitLab token lacks the api scope, which writing CI/CD variables needs.', 'gitlab', 403);
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
        throw new errors/* ApiError */.hD(`The GitLab token has scopes ${held || '(none)'}; writing CI/CD variables needs scope api (read_api only reads).`, 'gitlab', 403);
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
            const status = (0,errors/* statusOf */.c2)(err);
            if (status !== undefined && status >= 400 && status < 500)
                return undefined;
            throw err;
        }
    }
    /** The owner's variables of the targets' keys as listed before minting (undefined when prepare never ran). */
    async listed(target) {
        const listing = this.access.peek(target.owner.toLowerCase());
        return listing?.then((l) => l.variables).catch(() => undefined);
    }
    /** Lists the owner's variables once (every page): the access check, and what exists before minting. */
    checkAccess(target) {
        const key = target.owner.toLowerCase();
        // A failed check may be tried again by a later prepare().
        return this.access.get(key, () => {
            const keys = new Set(this.targets.filter((t) => t.owner.toLowerCase() === key).map((t) => t.spec.secret));
            return this.listAll(target, keys).catch((err) => {
                throw gitlabError(err, target.requirement);
            });
        });
    }
    async listAll(target, keys) {
        const listing = { variables: [], undescribed: false };
        for (let page = 1; page <= MAX_PAGES;) {
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
    throw new errors/* ApiError */.hD(`${release ? `GitLab ${release}` : 'This GitLab'} ${old ? 'is older than' : 'returns variables without a description, as releases before'} ` +
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
            `environment ${serverText(scope)}. That needs GitLab Premium or Ultimate: without them GitLab ignores the ` +
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
/** A server's string as it may appear in a message: printable (../core/printable.ts), and short. */
function serverText(s) {
    return (0,printable/* printable */.g$)([...s].slice(0, 100).join(''));
}
/**
 * What a variable holds for a token: GitLab masks a raw value only when it has no whitespace, so a masked
 * variable holds the token without its `FlyV1 ` scheme (`fm2_\u2026,fm2_\u2026`), which flyctl and Fly's API accept too.
 */
function storedForm(target, header, hidden = false) {
    return target.spec.masked || hidden ? maskedForm(header) : header;
}
const maskedForm = (header) => header.replace(/^FlyV1\s+/i, '');

;// CONCATENATED MODULE: ./src/gitlab/connect.ts



function connect(credentials, ctx) {
    const given = credentials;
    const api = given &&
        new rest/* RestClient */.eo({
            timeoutMs: ctx.timeoutMs,
            retryBaseMs: ctx.retryBaseMs,
            signal: ctx.signals.run,
            baseUrl: `${(0,url/* apiBaseUrl */.tj)(given.url, 'gitlab-url')}/api/v4`,
            auth: ['private-token', given.token],
            service: 'gitlab',
            serviceName: 'GitLab',
        });
    return {
        canRead: Boolean(api),
        writer: (targets) => {
            // Inputs reading refuses a rotation without the token, so this is a bug guard.
            if (!api)
                throw new Error('no gitlab-token was given for targets that need it');
            return new GitLabWriter(targets, api, (message) => ctx.log.warning(message));
        },
    };
}


/***/ })

};
