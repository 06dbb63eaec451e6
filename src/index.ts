// The bundle's entry: the action as GitHub's runner starts it, or the CLI when bin/fly-token-rotator.js
// starts it (one bundle for both; the CLI's own code is a chunk the action never loads).
import * as core from '@actions/core';
import { main } from './action/main.js';

if ((globalThis as { flyTokenRotatorCli?: boolean }).flyTokenRotatorCli) {
  await import('./cli/main.js');
} else {
  await main(core, async () => (await import('@actions/github')).context, process.env);
  // @actions/core has written everything by now (files synchronously; stdout once this empty write's
  // callback runs). Exit instead of waiting for kept-alive API connections to time out.
  process.stdout.write('', () => process.exit());
}
