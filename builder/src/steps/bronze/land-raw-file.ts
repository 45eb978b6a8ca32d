/**
 * Bronze landing: the file exactly as received, byte for byte, under
 * bronze/raw_data/<source>/<ingest date>/<batch id>/, with its content hash for lineage.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileSize, sha256File, writeAtomically } from '../../files.ts';
import type { BatchRef, Layout } from '../../layout.ts';

export interface LandedFile {
  originalName: string;
  path: string;
  bytes: number;
  sha256: string;
}

export async function landRawFile(layout: Layout, batch: BatchRef, received: string): Promise<LandedFile> {
  const target = path.join(layout.rawDir(batch), path.basename(received));
  await writeAtomically(target, (temp) => fs.copyFile(received, temp));
  return {
    originalName: path.basename(received),
    path: target,
    bytes: await fileSize(target),
    sha256: await sha256File(target),
  };
}
