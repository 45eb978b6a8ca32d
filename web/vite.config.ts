/**
 * The SPA build. `base: './'` makes every asset URL relative, so the same dist/ works from any
 * prefix: a bucket path, a CDN folder, the bundled static server.
 */
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

/**
 * `<link rel="preload">` for DuckDB-WASM's wasm (the exception-handling build every current
 * browser takes, see duckdb-bundles.ts), so its 18 MB download starts with the page instead of
 * after the app's code has run and the worker has asked for it; the worker's fetch then finds it
 * in the HTTP cache (assets are immutable). `crossorigin` matches the worker's CORS-mode fetch.
 */
function preloadDuckDBWasm(): Plugin {
  let base = './';
  return {
    name: 'nova-preload-duckdb-wasm',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const wasm = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'asset' && /(^|\/)duckdb-eh-[\w-]+\.wasm$/.test(output.fileName),
        );
        if (!wasm) throw new Error('the build has no duckdb-eh wasm asset to preload');
        return [
          {
            tag: 'link',
            attrs: {
              rel: 'preload',
              href: `${base}${wasm.fileName}`,
              as: 'fetch',
              type: 'application/wasm',
              crossorigin: '',
            },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [svelte(), preloadDuckDBWasm()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
