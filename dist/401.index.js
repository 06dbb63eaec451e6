export const id = 401;
export const ids = [401];
export const modules = {

/***/ 9401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  schemaProblems: () => (/* binding */ schemaProblems)
});

;// CONCATENATED MODULE: ./schema/config.schema.json
const config_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/fly-token-rotator/fly-token-rotator/blob/main/schema/config.schema.json","title":"fly-token-rotator config","description":"Many Fly token rotations in one file: defaults at the top, one entry per token under rotations.","type":"object","additionalProperties":false,"required":["rotations"],"properties":{"version":{"description":"Config format version.","const":1},"concurrency":{"description":"How many rotations run at once (default 8). GitHub writes are paced either way.","type":"integer","minimum":1,"maximum":64},"defaults":{"description":"Settings every rotation inherits unless it sets them itself.","allOf":[{"$ref":"#/definitions/settings"},{"not":{"required":["name"]}}]},"rotations":{"description":"One entry per managed token.","type":"array","minItems":1,"items":{"$ref":"#/definitions/settings"}}},"definitions":{"name":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"},"stringList":{"oneOf":[{"type":"string","minLength":1},{"type":"array","minItems":1,"items":{"type":"string","minLength":1}}]},"settings":{"type":"object","additionalProperties":false,"properties":{"name":{"description":"Unique name of this rotation, used by `only` and the plan matrix. Default: the app, or the org and kind.","$ref":"#/definitions/name"},"kind":{"description":"Token kind (the action\'s token-type).","enum":["deploy","org","readonly","machine-exec","ssh","wireguard","litefs-cloud"]},"app":{"description":"Fly app (deploy, machine-exec, ssh).","$ref":"#/definitions/name"},"org":{"description":"Fly organization slug (org, readonly, wireguard, litefs-cloud).","$ref":"#/definitions/name"},"cluster":{"description":"LiteFS Cloud cluster (litefs-cloud).","$ref":"#/definitions/name"},"commands":{"description":"machine-exec: the exact commands allowed, one per entry; \\"*\\" allows every command.","$ref":"#/definitions/stringList"},"command-prefixes":{"description":"machine-exec: command prefixes allowed, one per entry.","$ref":"#/definitions/stringList"},"expiry":{"description":"Lifetime of each new token: 90m, 72h, 1h30m, 7d, 2w.","type":"string","pattern":"^\\\\s*(\\\\d+(\\\\.\\\\d+)?(ms|s|m|h|d|w))+\\\\s*$"},"token-name":{"description":"Name of the managed Fly token.","type":"string","minLength":1,"maxLength":200},"keep-previous":{"description":"How many of the newest previous tokens to leave valid.","type":"integer","minimum":0},"targets":{"description":"Where the token is written: one target per entry, in the syntax of the action\'s targets input.","$ref":"#/definitions/stringList"},"repository":{"description":"Simple form: repository {owner}/{repo} for one repository secret.","type":"string"},"secret-name":{"description":"Simple form: the repository secret\'s name.","type":"string"}}}}}');
;// CONCATENATED MODULE: ./src/config/validate.ts
// Checks the parsed file against schema/config.schema.json (the schema editors use too), reporting every
// violation with its line. Loaded lazily by load.ts, so runs without a config file never pay for ajv.

/** What each schema pattern means, in words. */
const PATTERN_MEANS = {
    expiry: 'a duration such as 90m, 72h, 1h30m, 7d or 2w',
    name: 'letters, digits, dots, dashes and underscores',
    app: 'a Fly app name: letters, digits and dashes',
    org: 'a Fly organization slug: letters, digits and dashes',
    cluster: 'a cluster name: letters, digits and dashes',
};
let compiled;
function validator() {
    compiled ??= __webpack_require__.e(/* import() */ 463).then(__webpack_require__.t.bind(__webpack_require__, 2463, 23)).then((mod) => {
        const Ajv = mod.default;
        return new Ajv({ allErrors: true, strict: false }).compile(config_schema_namespaceObject);
    });
    return compiled;
}
async function schemaProblems(source) {
    const validate = await validator();
    if (validate(source.value))
        return [];
    const seen = new Set();
    const problems = [];
    // oneOf/allOf/not report their branches separately; the branch errors say more than the wrapper.
    const errors = (validate.errors ?? []).filter((e) => !['oneOf', 'allOf', 'if'].includes(e.keyword));
    for (const e of mergeTypeErrors(errors)) {
        const path = e.instancePath
            .split('/')
            .slice(1)
            .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
            .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        const where = path.length ? path.join('.') : 'the file';
        const problem = describe(e, path, where, source);
        const key = `${problem.line}:${problem.message}`;
        if (!seen.has(key)) {
            seen.add(key);
            problems.push({ ...problem, path });
        }
    }
    return problems.sort((a, b) => a.line - b.line);
}
/**
 * A value that may be text or a list (oneOf) fails both branches: a wrong type shows as one error naming
 * both types, and a list with a problem of its own (empty) drops the "must be text" of the other branch.
 */
function mergeTypeErrors(errors) {
    const typed = new Map();
    const otherwise = new Set(errors.filter((e) => e.keyword !== 'type').map((e) => e.instancePath));
    for (const e of errors) {
        if (e.keyword === 'type')
            typed.set(e.instancePath, [...(typed.get(e.instancePath) ?? []), String(e.params.type)]);
    }
    const out = [];
    for (const e of errors) {
        if (e.keyword !== 'type')
            out.push(e);
        else if (!otherwise.has(e.instancePath) && typed.has(e.instancePath)) {
            out.push({ ...e, params: { type: typed.get(e.instancePath).join(',') } });
            typed.delete(e.instancePath);
        }
    }
    return out;
}
/** JSON Schema type names in the words of a YAML file. */
const TYPE_WORDS = {
    object: 'a mapping of keys to values',
    array: 'a list',
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
};
const ROTATION_EXAMPLE = '"rotations: [{app: my-app, targets: [repo:me/my-app]}]"';
function describe(e, path, where, source) {
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(e.params.additionalProperty);
            return { line: source.lineOfKey(path, key), message: `${where} has unknown key "${key}".` };
        }
        case 'required': {
            const key = String(e.params.missingProperty);
            const hint = path.length === 0 && key === 'rotations' ? `, e.g. ${ROTATION_EXAMPLE}` : '';
            return { line: source.lineOf(path), message: `${where} needs "${key}"${hint}.` };
        }
        case 'enum':
            return {
                line: source.lineOf(path),
                message: `${where} must be one of: ${e.params.allowedValues.join(', ')}.`,
            };
        case 'not':
            return {
                line: source.lineOf(path),
                message: `${where} must not set "name" (each rotation names itself).`,
            };
        case 'pattern': {
            const expected = PATTERN_MEANS[String(path[path.length - 1])] ?? `text matching ${String(e.params.pattern)}`;
            return { line: source.lineOf(path), message: `${where} is not valid. Expected ${expected}.` };
        }
        case 'const':
            return {
                line: source.lineOf(path),
                message: `${where} must be ${JSON.stringify(e.params.allowedValue)}.`,
            };
        case 'type': {
            const types = String(e.params.type).split(',');
            return {
                line: source.lineOf(path),
                message: `${where} must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}.`,
            };
        }
        case 'minItems':
            return {
                line: source.lineOf(path),
                message: path.length === 1 && path[0] === 'rotations'
                    ? `rotations must list at least one rotation, e.g. ${ROTATION_EXAMPLE}.`
                    : `${where} must list at least ${String(e.params.limit)} entry.`,
            };
        case 'minLength':
            return { line: source.lineOf(path), message: `${where} must not be empty.` };
        case 'maxLength':
            return {
                line: source.lineOf(path),
                message: `${where} must be at most ${String(e.params.limit)} characters long.`,
            };
        case 'minimum':
        case 'maximum':
            return {
                line: source.lineOf(path),
                message: `${where} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(e.params.limit)}.`,
            };
        default:
            return { line: source.lineOf(path), message: `${where} ${e.message ?? 'is not valid'}.` };
    }
}


/***/ })

};
