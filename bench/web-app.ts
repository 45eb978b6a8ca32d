/** The app as users get it: a production Vite build, into a folder of the run's own. */
import path from 'node:path';
import { build } from 'vite';

export async function buildWebApp(outDir: string): Promise<void> {
  await build({
    configFile: path.resolve('web/vite.config.ts'),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
}
