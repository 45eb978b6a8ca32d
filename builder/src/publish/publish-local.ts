/**
 * Atomic publish to a folder. The build's files are staged in gold/.tmp-<build_id>/, renamed to
 * gold/<build_id>/ in one step, and only then is gold/manifest.json replaced (temp file + rename;
 * its precompressed siblings just before it, write-manifest-file.ts).
 * A reader following the manifest sees the previous build or this one, never a mix; a run that
 * dies at any point leaves the previous manifest and every file it names untouched. A run that dies
 * between the two renames leaves a complete build no manifest names; the next run removes it
 * (publish/remove-leftovers.ts).
 */
import fs from 'node:fs/promises';
import type { Manifest } from '#schema';
import type { Layout } from '../layout.ts';
import { pruneBuilds } from './prune-builds.ts';
import { writeManifestFile } from './write-manifest-file.ts';

/** Publishes the staged build and returns the ids of the old builds it pruned. */
export async function publishLocal(
  layout: Layout,
  stagedBuildDir: string,
  manifest: Manifest,
  keepBuilds: number,
): Promise<string[]> {
  await fs.rename(stagedBuildDir, layout.buildDir(manifest.build_id));
  await writeManifestFile(layout.manifestFile(), manifest);
  return pruneBuilds(layout, manifest.build_id, keepBuilds);
}
