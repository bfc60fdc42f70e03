import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'modules/**/*.test.ts', 'tests/**/*.test.ts', 'designer/**/*.test.ts'],
    // Native drivers and child processes: forks isolate them best.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
