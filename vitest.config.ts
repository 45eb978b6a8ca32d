import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration and browser tests start servers and DuckDB instances; two cores are the limit here.
    maxWorkers: 2,
  },
});
