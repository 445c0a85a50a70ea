import { defineProject } from 'vitest/config';

export default defineProject({
  // Pure computation: a limit only catches a hang. Property tests (hundreds of generated calendars) take 1–6 s on a
  // shared 2-core CI machine, past vitest's default 5 s when the machine is busy.
  test: { name: 'domain', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});
