/**
 * Gives one item of a lakehouse the builder made another name, in place: dim_item is rewritten by
 * native DuckDB and its manifest entry (rows, bytes, sha256) updated, so the lakehouse stays
 * consistent for the jobs that read it after (the forecast job verifies what it reads). Used to put
 * a hostile name, such as an HTML payload, in front of the app.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ident } from '#schema/ident.ts';
import { sqlString } from '#schema/literal.ts';
import type { Manifest } from '#schema/manifest.ts';
import { sql } from '#schema/sql.ts';

export async function renameItem(
  dataDir: string,
  manifest: Manifest,
  itemId: string,
  name: string,
): Promise<Manifest> {
  const entry = manifest.tables.dim_item;
  const [file, ...more] = entry.files;
  if (!file || more.length > 0) throw new Error('renameItem expects dim_item in one file');
  const path = join(dataDir, file.path);
  const staged = `${path}.renamed`;
  const items = ident('table', 'dim_item');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(sql`CREATE TABLE ${items} AS SELECT * FROM read_parquet(${sqlString(path)})`);
    await connection.run(
      sql`UPDATE ${items} SET ${ident('column', 'name')} = $name WHERE ${ident('column', 'item_id')} = $id`,
      {
        name,
        id: itemId,
      },
    );
    await connection.run(
      sql`COPY (SELECT * FROM ${items} ORDER BY ${ident('column', 'item_key')}) TO ${sqlString(staged)} (FORMAT PARQUET, COMPRESSION ZSTD)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const bytes = await readFile(staged);
  await writeFile(path, bytes);
  await rm(staged);
  const updated = { ...file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  const next: Manifest = {
    ...manifest,
    tables: { ...manifest.tables, dim_item: { ...entry, files: [updated], bytes: bytes.length } },
  };
  await writeFile(join(dataDir, 'gold/manifest.json'), JSON.stringify(next, null, 2));
  return next;
}
