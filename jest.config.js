// ESM TypeScript through ts-jest; run with NODE_OPTIONS=--experimental-vm-modules (see package.json).
import { availableParallelism } from 'node:os';

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testSequencer: '<rootDir>/test/sequencer.js',
  // Most tests wait on the action's child processes and loopback I/O, so jest's default (cores - 1: one worker
  // on two cores) leaves a core idle; one worker per core, at least two, keeps the fault suite beside the rest.
  maxWorkers: Math.max(2, availableParallelism()),
  testTimeout: 30000,
};
