/**
 * Removes old builds once `keep` newer ones exist (the current one always stays), and staging
 * folders left behind by runs that died. Build ids sort by creation time.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Layout } from '../layout.ts';
import { isId } from './build-id.ts';

/** Staging left by a crashed run is only removed once it is clearly not a run still in progress. */
const STALE_STAGING_MS = 6 * 60 * 60 * 1000;

export async function pruneBuilds(layout: Layout, currentBuildId: string, keep: number): Promise<string[]> {
  const goldDir = layout.goldDir();
  const entries = await fs.readdir(goldDir, { withFileTypes: true });
  const builds = entries
    .filter((entry) => entry.isDirectory() && isId(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const expired = builds.slice(Math.max(1, keep)).filter((id) => id !== currentBuildId);
  const staleStaging: string[] = [];
  for (const entry of entries) {
    if (!entry.name.startsWith('.tmp-')) continue;
    const stats = await fs.stat(path.join(goldDir, entry.name));
    if (Date.now() - stats.mtimeMs > STALE_STAGING_MS) staleStaging.push(entry.name);
  }
  for (const name of [...expired, ...staleStaging]) {
    await fs.rm(path.join(goldDir, name), { recursive: true, force: true });
  }
  return expired;
}
