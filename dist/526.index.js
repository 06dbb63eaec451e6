export const id = 526;
export const ids = [526];
export const modules = {

/***/ 2526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   schemaProblems: () => (/* binding */ schemaProblems)
/* harmony export */ });
/** What each schema pattern means, in words. */
const PATTERN_MEANS = {
    expiry: 'a duration such as 90m, 72h, 1h30m, 7d or 2w',
    name: 'letters, digits, dots, dashes and underscores',
    app: 'a Fly app name: letters, digits and dashes',
    org: 'a Fly organization slug: letters, digits and dashes',
    cluster: 'a cluster name: letters, digits and dashes',
};
// Compiled from the schema at build time (scripts/config-validator.ts), so runs never load ajv itself.
let compiled;
function validator() {
    compiled ??= __webpack_require__.e(/* import() */ 82).then(__webpack_require__.bind(__webpack_require__, 5082)).then((mod) => mod.default);
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
