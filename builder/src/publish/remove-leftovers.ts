/**
 * What runs that were killed leave behind, removed by the next run while it holds the lakehouse
 * lock (so nothing removed here can belong to a live run): scratch folders, staged gold
 * (gold/.tmp-*), temp files of atomic writes (.tmp-* in any layer), and complete build folders that
 * no manifest names because the run died between renaming the build and writing the manifest.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Layout } from '../layout.ts';
import { isId } from './build-id.ts';
import { readCurrentManifest } from './read-current-manifest.ts';

async function removeTempEntries(dir: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('.tmp-')) await fs.rm(full, { recursive: true, force: true });
    else if (entry.isDirectory()) await removeTempEntries(full);
  }
}

export async function removeLeftovers(layout: Layout): Promise<void> {
  for (const entry of await fs.readdir(layout.root)) {
    if (entry.startsWith('.scratch-')) await fs.rm(layout.resolve(entry), { recursive: true, force: true });
  }
  for (const layer of ['bronze', 'silver', 'gold']) await removeTempEntries(layout.resolve(layer));
  // Build ids sort by time: a build newer than the one the manifest names was never published.
  // An unreadable manifest is reported by the build itself; here it only means: keep every build.
  const current = await readCurrentManifest(layout).catch(() => undefined);
  if (!current) return;
  for (const entry of await fs.readdir(layout.goldDir())) {
    if (isId(entry) && entry > current.build_id) {
      await fs.rm(layout.resolve('gold', entry), { recursive: true, force: true });
    }
  }
}
