/**
 * The built web app (web/dist): built with Vite when it is missing or older than its sources, so
 * `npm start` and `publish-web` never serve or upload a stale app.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from './newest-mtime.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST = path.join(REPO, 'web', 'dist');

/** Builds the app if needed and returns its folder; `log` hears when a build starts. */
export async function ensureWebApp(log: (line: string) => void): Promise<string> {
  const builtAt = await fs.stat(path.join(WEB_DIST, 'index.html')).then(
    (stats) => stats.mtimeMs,
    () => 0,
  );
  const sourcesAt = await newestMtime(
    ['web/src', 'web/index.html', 'web/vite.config.ts', 'schema', 'package-lock.json'].map((entry) =>
      path.join(REPO, entry),
    ),
  );
  if (builtAt > sourcesAt) return WEB_DIST;
  log('web: building the app into web/dist');
  // Loaded only here: Vite is a build tool, not something every builder run needs in memory.
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO, 'web', 'vite.config.ts'), logLevel: 'warn' });
  return WEB_DIST;
}
