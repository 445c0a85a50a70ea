import { defineProject } from 'vitest/config';

// The command-line tests: each runs `otklik` as a child process against its own temporary data directory or
// database, so the files run in parallel with the unit and server tests (group 0).
export default defineProject({
  test: {
    name: 'cli',
    include: ['**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
