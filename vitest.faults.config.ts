import { defineConfig } from 'vitest/config';

// `npm run test:faults`: the long fault-injection and load runs, kept out of `npm test`.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    maxWorkers: 2,
    testTimeout: 900_000,
    hookTimeout: 300_000,
  },
});
