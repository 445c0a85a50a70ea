import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: [
      'e2e/**/*.test.ts',
      'cli/**/*.test.ts',
      'realtime/**/*.test.ts',
      'deploy/**/*.test.ts',
      'channels/**/*.test.ts',
      'load/**/*.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
