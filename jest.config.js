// ESM TypeScript through ts-jest; run with NODE_OPTIONS=--experimental-vm-modules (see package.json).
import { availableParallelism } from 'node:os';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testSequencer: '<rootDir>/test/sequencer.js',
  // jest's default (cores - 1) is one worker on two cores, leaving a core idle while the fault suite runs; one
  // worker per core, at least two. A third measured 5% faster for 8% more CPU: the suite is bound by CPU.
  maxWorkers: Math.max(2, availableParallelism()),
  testTimeout: 30000,
};
