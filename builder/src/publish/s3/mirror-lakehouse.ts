/**
 * The working copy of a lakehouse in a bucket: what an incremental run reads, downloaded with the
 * SDK into a local folder of the same layout (native DuckDB then reads local files; its httpfs
 * extension is not available offline). That is the batch ledger, the silver files of the active
 * batches, and the current manifest with every file it names, each checked against its sha256.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_PATH, manifestFiles } from '#schema';
import { activeBatches, readLedger } from '../../catalog/batch-ledger.ts';
import { CliError, ExitCode } from '../../errors.ts';
import { sha256File, writeAtomically } from '../../files.ts';
import type { Layout } from '../../layout.ts';
import { parseCurrentManifest } from '../read-current-manifest.ts';
import type { BucketStore } from './bucket-store.ts';
import { inParallel } from './in-parallel.ts';

export const LEDGER_PATH = 'silver/batches.json';

export interface Mirror {
  /** Relative path → sha256 of every object copied down: these are in the bucket already. */
  files: Map<string, string>;
  /** ETag of the manifest read, so replacing it can be conditional; undefined when there is none. */
  manifestEtag: string | undefined;
  ledgerEtag: string | undefined;
  bytes: number;
}

const DOWNLOADS_IN_FLIGHT = 4;

function relativeTo(layout: Layout, file: string): string {
  return path.relative(layout.root, file).split(path.sep).join('/');
}

async function mirrorText(store: BucketStore, layout: Layout, relative: string, mirror: Mirror) {
  const stored = await store.getText(relative);
  if (!stored) return undefined;
  const file = layout.resolve(...relative.split('/'));
  await writeAtomically(file, (temp) => fs.writeFile(temp, stored.text));
  mirror.files.set(relative, await sha256File(file));
  mirror.bytes += Buffer.byteLength(stored.text);
  return stored;
}

async function download(
  store: BucketStore,
  layout: Layout,
  relative: string,
  mirror: Mirror,
  sha256?: string,
) {
  const file = layout.resolve(...relative.split('/'));
  if ((await store.head(relative)) === undefined) {
    throw new CliError(`${store.url(relative)} is missing, but the lakehouse names it`, {
      exitCode: ExitCode.io,
      hint: 'the bucket was changed by hand; restore the object, or publish into a fresh prefix',
    });
  }
  await store.download(relative, file);
  const actual = await sha256File(file);
  if (sha256 !== undefined && actual !== sha256) {
    throw new CliError(`${store.url(relative)} does not match the sha256 its manifest records`, {
      exitCode: ExitCode.io,
      hint: 'the object was changed after it was published; restore it, or publish into a fresh prefix',
    });
  }
  mirror.files.set(relative, actual);
  mirror.bytes += (await fs.stat(file)).size;
}

export async function mirrorLakehouse(store: BucketStore, layout: Layout): Promise<Mirror> {
  const mirror: Mirror = { files: new Map(), manifestEtag: undefined, ledgerEtag: undefined, bytes: 0 };
  const ledger = await mirrorText(store, layout, LEDGER_PATH, mirror);
  mirror.ledgerEtag = ledger?.etag;
  const silver = activeBatches(await readLedger(layout)).flatMap((batch) => [
    ...(batch.files.some((file) => file.role === 'items')
      ? [layout.silverFile('items', batch.batch_id)]
      : []),
    layout.silverFile('validated', batch.batch_id),
  ]);
  const manifestText = await mirrorText(store, layout, MANIFEST_PATH, mirror);
  mirror.manifestEtag = manifestText?.etag;
  const manifest = manifestText
    ? parseCurrentManifest(manifestText.text, store.url(MANIFEST_PATH))
    : undefined;
  const gold = manifest ? manifestFiles(manifest) : [];
  await inParallel(
    [
      ...silver.map((file) => ({ relative: relativeTo(layout, file), sha256: undefined })),
      ...gold.map((entry) => ({ relative: entry.path, sha256: entry.sha256 })),
    ],
    DOWNLOADS_IN_FLIGHT,
    ({ relative, sha256 }) => download(store, layout, relative, mirror, sha256),
  );
  return mirror;
}
