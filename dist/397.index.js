export const id = 397;
export const ids = [397];
export const modules = {

/***/ 9397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseConfigSource: () => (/* binding */ parseConfigSource)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
// The config file as YAML with positions: the parsed value plus a way to find the line of any path in it,
// so that every problem can be reported where the user has to fix it.

function parseConfigSource(text) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const lineAt = (offset) => lines.linePos(offset).line;
    const problems = doc.errors.map((e) => ({ line: lineAt(e.pos[0]), message: e.message.split('\n')[0] }));
    if (problems.length)
        return { problems };
    let value;
    try {
        value = doc.toJS({ maxAliasCount: 100 });
    }
    catch (err) {
        // yaml refuses aliases that expand past the count (a "billion laughs" file) with a ReferenceError: a
        // problem of the file, not of this program.
        if (!(err instanceof ReferenceError) || !/alias/i.test(err.message))
            throw err;
        const alias = /^[^#\n]*\*[\w-]/m.exec(text);
        return {
            problems: [
                {
                    line: alias ? lineAt(alias.index) : 1,
                    message: 'its YAML aliases (*name) expand to too many values, as a "billion laughs" file does. Expected each anchor (&name) used a few times at most, or the values written out.',
                },
            ],
        };
    }
    const source = {
        value,
        lineOf: (path) => lineAt(nodeOffset(doc, path)),
        lineOfKey: (path, key) => {
            const map = path.length ? doc.getIn(path, true) : doc.contents;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(map)) {
                const pair = map.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(p) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && p.key.value === key);
                const range = pair && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.range : undefined;
                if (range)
                    return lineAt(range[0]);
            }
            return lineAt(nodeOffset(doc, path));
        },
    };
    return { source, problems: [] };
}
function nodeOffset(doc, path) {
    for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        const range = node?.range;
        if (range)
            return range[0];
    }
    return 0;
}


/***/ })

};
