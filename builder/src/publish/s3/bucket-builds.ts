/**
 * Gold builds in a bucket (the "folders" gold/<build_id>/): pruning after a publish, and removing
 * builds that killed runs uploaded but never published. The same rules as in a folder
 * (prune-builds.ts, remove-leftovers.ts): build ids sort by creation time, `keep` newest builds
 * stay, the build the manifest names always stays, and without a readable manifest nothing goes.
 */
import { MANIFEST_PATH } from '#schema';
import { isId } from '../build-id.ts';
import { parseCurrentManifest } from '../read-current-manifest.ts';
import type { BucketStore } from './bucket-store.ts';

async function buildIds(store: BucketStore): Promise<string[]> {
  return (await store.listFolders('gold/')).filter(isId).sort().reverse();
}

async function removeBuilds(store: BucketStore, ids: readonly string[]): Promise<void> {
  for (const id of ids) await store.deleteObjects(await store.listObjects(`gold/${id}/`));
}

export async function pruneBucketBuilds(
  store: BucketStore,
  currentBuildId: string,
  keep: number,
): Promise<string[]> {
  const expired = (await buildIds(store)).slice(Math.max(1, keep)).filter((id) => id !== currentBuildId);
  await removeBuilds(store, expired);
  return expired;
}

async function publishedBuildId(store: BucketStore): Promise<string | undefined> {
  const stored = await store.getText(MANIFEST_PATH);
  if (!stored) return undefined;
  try {
    return parseCurrentManifest(stored.text, store.url(MANIFEST_PATH))?.build_id;
  } catch {
    return undefined; // reported by the build itself; here it only means: keep every build
  }
}

/** Builds newer than the published one were uploaded by runs that died before their manifest PUT. */
export async function removeUnpublishedBuilds(store: BucketStore): Promise<string[]> {
  const current = await publishedBuildId(store);
  if (current === undefined) return [];
  const orphans = (await buildIds(store)).filter((id) => id > current);
  await removeBuilds(store, orphans);
  return orphans;
}
