import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: [
      'e2e/**/*.test.ts',
      'realtime/**/*.test.ts',
      'deploy/**/*.test.ts',
      'channels/**/*.test.ts',
      'load/**/*.test.ts',
    ],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One file at a time (each starts a server, many a browser), after the parallel group of unit, server,
    // security and CLI tests (Vitest 4 runs projects of one group together and needs one worker count per group).
    fileParallelism: false,
    sequence: { groupOrder: 1 },
  },
});
