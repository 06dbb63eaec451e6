// Prints the closing line CI counts tests by, `jest: N passed, M failed`, from jest's --json results file.
// A suite that could not run (syntax error, failed import) counts as one failed test: jest counts it as none.
// Usage: node .ci/jest-count.mjs <results.json>
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file) || readFileSync(file, 'utf8').trim() === '') {
  console.error(`no jest results in ${file ?? '(no file given)'}: jest did not finish.`);
  console.log('jest: 0 passed, 1 failed');
} else {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  console.log(`jest: ${r.numPassedTests} passed, ${failed} failed`);
}
