#!/usr/bin/env node
// The command shares the action's bundle (dist/): this flag makes its entry run the CLI instead of the action.
globalThis.flyTokenRotatorCli = true;
await import('../dist/index.js');
