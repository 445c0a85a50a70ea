import { defineProject } from 'vitest/config';

// Fault tests: each file starts its own PostgreSQL server and Otklik processes on loopback (bounded in time), one file
// at a time (the machine has two cores).
export default defineProject({
  test: {
    name: 'fault',
    include: ['**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    sequence: { groupOrder: 2 },
  },
});
