/**
 * Bronze landing: the file exactly as received, byte for byte, under
 * bronze/raw_data/<source>/<ingest date>/<batch id>/, with its content hash for lineage.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileSize, writeAtomically } from '../../files.ts';
import type { BatchRef, Layout } from '../../layout.ts';

export interface LandedFile {
  originalName: string;
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * Copies the received file into bronze; with `move`, renames it instead (for files this run wrote
 * itself in its scratch folder on the same file system, such as the mock export). `sha256` is the
 * hash the caller computed to check for re-ingestion.
 */
export async function landRawFile(
  layout: Layout,
  batch: BatchRef,
  received: string,
  options: { move: boolean; sha256: string },
): Promise<LandedFile> {
  const target = path.join(layout.rawDir(batch), path.basename(received));
  await writeAtomically(target, (temp) =>
    options.move ? fs.rename(received, temp) : fs.copyFile(received, temp),
  );
  return {
    originalName: path.basename(received),
    path: target,
    bytes: await fileSize(target),
    sha256: options.sha256,
  };
}
