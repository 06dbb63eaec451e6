import { main } from './main.js';
import { runnerCore } from './runner.js';

await main(
  runnerCore(process.env, (line) => process.stdout.write(line)),
  process.env,
);
// Everything is written by now (files synchronously; stdout once this empty write's callback runs). Exit
// instead of idling: Node's fetch keeps the process alive for ~60 ms after the last response.
process.stdout.write('', () => process.exit());
