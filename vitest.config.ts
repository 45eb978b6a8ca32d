import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 60_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    // Integration and browser tests start servers and DuckDB instances; two cores are the limit here.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['test/**/*.test.ts'],
          // The long fault and load runs are `npm run test:faults` (vitest.faults.config.ts).
          exclude: ['test/**/*.svelte.test.ts', 'test/faults/**'],
        },
      },
      {
        // Rune modules (*.svelte.ts) behave as in the browser only when compiled for the client and
        // linked against Svelte's client runtime; Vitest runs in Node, which would pick the server
        // build, where effects never run.
        plugins: [svelte({ dynamicCompileOptions: () => ({ generate: 'client' }) })],
        ssr: { resolve: { conditions: ['browser'], externalConditions: ['browser'] } },
        resolve: { conditions: ['browser'] },
        test: { ...shared, name: 'runes', include: ['test/**/*.svelte.test.ts'] },
      },
    ],
  },
});
