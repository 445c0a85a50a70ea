import { defineConfig } from 'vitest/config';

// One run covers every package: domain unit tests, server API tests, CLI and browser tests.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'tests', 'tests/security', 'tests/fault'],
  },
});
