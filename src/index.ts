// The bundle's entry: the action as GitHub's runner starts it, or the CLI when bin/fly-token-rotator.js
// starts it (one bundle for both; the CLI's own code is a chunk the action never loads). Neither calls
// process.exit: each sets process.exitCode, and the process ends once its last connection has closed.
import { run } from './action/main.js';

if ((globalThis as { flyTokenRotatorCli?: boolean }).flyTokenRotatorCli) {
  await import('./cli/main.js');
} else {
  await run();
}
