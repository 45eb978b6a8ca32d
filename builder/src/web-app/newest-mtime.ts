import fs from 'node:fs/promises';
import path from 'node:path';

/** The newest modification time (ms) among files under the given paths; 0 when none exist. */
export async function newestMtime(paths: readonly string[]): Promise<number> {
  let newest = 0;
  for (const entry of paths) {
    const stats = await fs.stat(entry).catch(() => undefined);
    if (!stats) continue;
    if (!stats.isDirectory()) {
      newest = Math.max(newest, stats.mtimeMs);
      continue;
    }
    const children = await fs.readdir(entry);
    newest = Math.max(newest, await newestMtime(children.map((child) => path.join(entry, child))));
  }
  return newest;
}
