import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One run covers every package: domain unit tests, server API tests, CLI and browser tests.
export default defineConfig({
  test: {
    // Vitest's default in a run is one worker fewer than the cores: one on CI's two-core machine. The unit, server,
    // security and CLI files are independent (own databases, own temporary directories, own ports): two at a time.
    // The browser and fault projects run one file at a time after them (their own `sequence.groupOrder`).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: ['packages/*', 'apps/*', 'tests', 'tests/cli', 'tests/security', 'tests/fault'],
  },
});
