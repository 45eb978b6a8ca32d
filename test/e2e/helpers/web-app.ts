/** The production build of the app, for browser tests: Vite with the repo's own config, into `outDir`. */
import { resolve } from 'node:path';
import { build } from 'vite';

export async function buildWebApp(outDir: string): Promise<void> {
  await build({
    configFile: resolve('web/vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
}
