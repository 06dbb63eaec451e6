// The fly-token-rotator command: the action's core for laptops and other CI systems (see --help). Loaded by
// src/index.ts when bin/fly-token-rotator.js starts the bundle, so the action never pays for it.
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr,
});
// Output is complete once both streams have flushed; exit then instead of waiting for kept-alive connections.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));
