#!/usr/bin/env node
// The fly-token-rotator command: the action's core for laptops and other CI systems (see --help).
import { runCli } from './cli/run.js';

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr,
});
// Output is complete once both streams have flushed; exit then instead of idling for ~60 ms on Node's fetch.
process.stdout.write('', () => process.stderr.write('', () => process.exit()));
