/**
 * Writes silver/rejected files for query tests, one per batch, with the column names and types of
 * schema/silver.ts and the builder's codec, under `<dir>/silver/rejected/`.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { quoteIdentifier } from '#schema/ident.ts';
import { sqlString } from '#schema/literal.ts';
import { rejectedColumns, rejectedFilePath, type RejectedColumnName } from '#schema/silver.ts';

export type RejectedRow = { [C in RejectedColumnName]: C extends '_row_number' ? number : string | null };

/** One file per batch id found in `rows` (plus an empty one for each id in `emptyBatches`). */
export async function writeRejected(
  dir: string,
  rows: readonly RejectedRow[],
  emptyBatches: readonly string[] = [],
): Promise<string[]> {
  await mkdir(join(dir, 'silver', 'rejected'), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const batches = [...new Set([...rows.map((row) => row._batch_id ?? ''), ...emptyBatches])];
  const paths: string[] = [];
  try {
    const definitions = rejectedColumns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ');
    const placeholders = rejectedColumns.map((c) => `CAST(? AS ${c.type})`).join(', ');
    for (const batch of batches) {
      await connection.run(`CREATE OR REPLACE TABLE rejected (${definitions})`);
      for (const row of rows.filter((r) => r._batch_id === batch)) {
        const values = rejectedColumns.map((c) => row[c.name] as DuckDBValue);
        await connection.run(`INSERT INTO rejected VALUES (${placeholders})`, values);
      }
      const path = join(dir, rejectedFilePath(batch));
      await connection.run(`COPY rejected TO ${sqlString(path)} (FORMAT PARQUET, COMPRESSION ZSTD)`);
      paths.push(path);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return paths;
}

const rules = ['BAD_DATE', 'MISSING_ID', 'UNKNOWN_ITEM', 'BAD_DATE', 'NON_POSITIVE_QUANTITY'] as const;

/** Rows of two batches, out of file order, with a value that looks like markup and one like SQL. */
export const sampleRejected: RejectedRow[] = Array.from({ length: 23 }, (_, index) => {
  const batch = index % 3 === 0 ? 'batch-b' : 'batch-a';
  const rule = rules[index % rules.length] ?? 'BAD_DATE';
  return {
    movement_id: rule === 'MISSING_ID' ? null : `MV-${index}`,
    raw_movement_date: index === 4 ? `01/01'; DROP TABLE x; --` : '31/02/2024',
    item_id: index === 2 ? '<img src=x onerror=alert(1)>' : `NC-BAT-${index}`,
    raw_quantity: rule === 'NON_POSITIVE_QUANTITY' ? '-1' : '3',
    site_id: 'BA-001',
    rule_code: rule,
    rule_message: `${rule} message ${index}`,
    _source_file: 'movimentos.csv',
    _row_number: 1000 - index * 7,
    _batch_id: batch,
  };
});
