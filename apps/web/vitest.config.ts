import { defineProject } from 'vitest/config';

export default defineProject({
  // A limit only catches a hang (the shared 2-core CI machine can be slow): 60 s, not vitest's 5.
  test: { name: 'web', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});
