import { defineProject } from 'vitest/config';

// Security tests: the role × procedure matrix, visibility, cross-site requests, headers, sign-in limits, the audit
// log and the fuzz of every procedure, the intake and the socket, against in-process servers on loopback.
export default defineProject({
  test: {
    name: 'security',
    include: ['**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
