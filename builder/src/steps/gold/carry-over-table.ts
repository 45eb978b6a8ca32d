/**
 * Forecast tables come from ml/, not from this build: a new build keeps the current build's
 * fact_forecasts / fact_metrics byte for byte, or writes them empty when there are none yet.
 */
import fs from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { GoldTableId, Manifest } from '#schema';
import type { Layout } from '../../layout.ts';
import { writeEmptyTable } from './write-empty-table.ts';

export async function carryOverTable(
  connection: DuckDBConnection,
  layout: Layout,
  current: Manifest | undefined,
  table: GoldTableId,
  target: string,
): Promise<{ rows: number }> {
  const entry = current?.tables[table];
  const [file, ...more] = entry?.files ?? [];
  if (entry && entry.rows > 0 && file && more.length === 0) {
    await fs.copyFile(layout.resolve(file.path), target);
    return { rows: entry.rows };
  }
  return writeEmptyTable(connection, table, target);
}
