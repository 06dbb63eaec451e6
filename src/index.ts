import { main } from './main.js';
import { runnerCore } from './runner.js';

await main(
  runnerCore(process.env, (line) => process.stdout.write(line)),
  process.env,
);
