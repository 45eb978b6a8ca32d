/**
 * Writes tiny gold Parquet files from rows given in a test, with the column names and types of
 * schema/tables.ts, the way the builder writes them (ZSTD). Returns the paths for openNodeDb.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { ident } from '#schema/ident.ts';
import { sqlString } from '#schema/literal.ts';
import { goldTables, type GoldTableId, type RowOf } from '#schema/tables.ts';

/** A row whose columns may be NULL, as Parquet allows (the fixtures need missing values). */
export type NullableRow<T extends GoldTableId> = { [C in keyof RowOf<T>]: RowOf<T>[C] | null };
export type GoldRows = { [T in GoldTableId]?: readonly NullableRow<T>[] };
/** The one file written for each table given. */
export type WrittenGold = Partial<Record<GoldTableId, string>>;

async function writeTable(
  connection: Awaited<ReturnType<DuckDBInstance['connect']>>,
  table: GoldTableId,
  rows: readonly Record<string, unknown>[],
  path: string,
): Promise<void> {
  const columns = goldTables[table];
  const name = ident('table', table);
  const definitions = columns.map((c) => `${ident('column', c.name)} ${c.type}`).join(', ');
  await connection.run(`CREATE TABLE ${name} (${definitions})`);
  const placeholders = `(${columns.map((c) => `CAST(? AS ${c.type})`).join(', ')})`;
  for (const row of rows) {
    const values = columns.map((c) => (row[c.name] ?? null) as DuckDBValue);
    await connection.run(`INSERT INTO ${name} VALUES ${placeholders}`, values);
  }
  await connection.run(`COPY ${name} TO ${sqlString(path)} (FORMAT PARQUET, COMPRESSION ZSTD)`);
}

export async function writeGold(dir: string, rows: GoldRows): Promise<WrittenGold> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const files: WrittenGold = {};
  try {
    for (const [table, tableRows] of Object.entries(rows) as [
      GoldTableId,
      readonly Record<string, unknown>[],
    ][]) {
      const path = join(dir, `${table}.parquet`);
      await writeTable(connection, table, tableRows, path);
      files[table] = path;
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return files;
}
