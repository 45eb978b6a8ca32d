/**
 * Removes old builds once `keep` newer ones exist (the current one always stays). Build ids sort by
 * creation time. Staging left by killed runs is removed by the next run, under the lakehouse lock.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Layout } from '../layout.ts';
import { isId } from './build-id.ts';

export async function pruneBuilds(layout: Layout, currentBuildId: string, keep: number): Promise<string[]> {
  const goldDir = layout.goldDir();
  const entries = await fs.readdir(goldDir, { withFileTypes: true });
  const builds = entries
    .filter((entry) => entry.isDirectory() && isId(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const expired = builds.slice(Math.max(1, keep)).filter((id) => id !== currentBuildId);
  for (const name of expired) {
    await fs.rm(path.join(goldDir, name), { recursive: true, force: true });
  }
  return expired;
}
