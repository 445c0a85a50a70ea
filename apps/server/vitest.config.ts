import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Server logs (pino, stderr) would drown the test report; OTKLIK_LOG_LEVEL=debug pnpm test shows them.
    env: { OTKLIK_LOG_LEVEL: process.env.OTKLIK_LOG_LEVEL ?? 'silent' },
  },
});
