/**
 * What a reader following gold/manifest.json gets, checked whole: the manifest parses and is a
 * manifest, every file it names is there with its recorded size and sha256, and each Parquet
 * file holds the rows the manifest says (read from its footer by native DuckDB).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { isManifest, manifestFiles, sqlString, type Manifest } from '#schema';
import { openTestConnection } from '../helpers/duckdb.ts';
import { sha256 } from './kill-points.ts';

/** `read(relativePath)` returns the bytes a reader gets for a path under the lakehouse root. */
export async function expectReaderSeesWholeBuild(
  read: (relativePath: string) => Promise<Buffer>,
  scratch: string,
): Promise<Manifest> {
  const value: unknown = JSON.parse((await read('gold/manifest.json')).toString('utf8'));
  if (!isManifest(value)) throw new Error('gold/manifest.json is not a manifest');
  const db = await openTestConnection();
  try {
    for (const [index, entry] of manifestFiles(value).entries()) {
      const bytes = await read(entry.path);
      expect(bytes.length, entry.path).toBe(entry.bytes);
      expect(sha256(bytes), entry.path).toBe(entry.sha256);
      const copy = path.join(scratch, `check-${index}.parquet`);
      await fs.writeFile(copy, bytes);
      const [row] = await db.rows<{ rows: number }>(
        `SELECT sum(num_rows)::INTEGER AS rows FROM parquet_file_metadata(${sqlString(copy)})`,
      );
      expect(row?.rows ?? 0, entry.path).toBe(entry.rows);
      await fs.rm(copy);
    }
  } finally {
    db.close();
  }
  return value;
}
