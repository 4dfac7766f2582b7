import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Several suites build the starter or run cloud functions, which takes seconds, not ms.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
