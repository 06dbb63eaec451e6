// The fly-token-rotator command: the action's core for laptops and other CI systems (see --help). Loaded by
// src/index.ts when bin/fly-token-rotator.js starts the bundle, so the action never pays for it. It sets the
// exit code and lets the process end by itself once its output is written and its connections are closed.
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr,
});
