// The doors (action/main.ts, cli/run.ts) import the printable rule from here; it lives in ../core/printable.ts so
// that the store clients below run/ use the same one.
export { printable, printableJson, printableLines, printableLog } from '../core/printable.js';
