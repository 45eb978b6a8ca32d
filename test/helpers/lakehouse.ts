import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { isManifest, manifestFiles, type GoldTableId, type Manifest } from '#schema';

export async function readManifest(dir: string): Promise<Manifest> {
  const value: unknown = JSON.parse(await fs.readFile(path.join(dir, 'gold', 'manifest.json'), 'utf8'));
  if (!isManifest(value)) throw new Error(`${dir}/gold/manifest.json is not a manifest`);
  return value;
}

/** Every file the manifest names exists with the recorded size and sha256. */
export async function expectManifestIntact(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  for (const entry of manifestFiles(manifest)) {
    const bytes = await fs.readFile(path.join(dir, entry.path));
    if (bytes.length !== entry.bytes)
      throw new Error(`${entry.path}: ${bytes.length} bytes, manifest says ${entry.bytes}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== entry.sha256) throw new Error(`${entry.path}: sha256 differs from the manifest`);
  }
  return manifest;
}

/** Absolute paths of one table's files in the lakehouse folder `dir`. */
export function tableFiles(dir: string, manifest: Manifest, table: GoldTableId): string[] {
  return manifest.tables[table].files.map((file) => path.join(dir, file.path));
}
