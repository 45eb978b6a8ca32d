/**
 * Forecast tables come from ml/, not from this build: a new build keeps the current build's
 * fact_forecasts / fact_metrics, or writes them empty when there are none yet. item_key is a rank
 * within one build, so the rows are re-keyed by item_id against the new dim_item (items that left
 * the item master are dropped) and sorted by the new key, as every gold table that holds items.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  goldTables,
  ident,
  sql,
  sqlJoin,
  sqlString,
  sqlStringList,
  type Manifest,
  type SqlText,
} from '#schema';
import { queryStep } from '../../db.ts';
import type { Layout } from '../../layout.ts';
import { parquetOptions } from './parquet-options.ts';
import { writeEmptyTable } from './write-empty-table.ts';

type ForecastTable = 'fact_forecasts' | 'fact_metrics';

const SORT: Record<ForecastTable, SqlText> = {
  fact_forecasts: sql`item_key, date, model`,
  fact_metrics: sql`item_key, model`,
};

const CARRY_OVER_SQL = (table: ForecastTable, files: readonly string[], dimItem: string, target: string) => {
  const columns = goldTables[table].map((column) =>
    column.name === 'item_key' ? sql`items.item_key AS item_key` : sql`kept.${ident('column', column.name)}`,
  );
  return sql`
COPY (
  SELECT ${sqlJoin(columns, ', ')}
  FROM read_parquet(${sqlStringList(files)}) AS kept
  JOIN read_parquet(${sqlString(dimItem)}) AS items ON items.item_id = kept.item_id
  ORDER BY ${SORT[table]}
) TO ${sqlString(target)} ${parquetOptions()}`;
};

export async function carryOverTable(
  connection: DuckDBConnection,
  layout: Layout,
  current: Manifest | undefined,
  table: ForecastTable,
  paths: { dimItem: string; target: string },
): Promise<{ rows: number }> {
  const entry = current?.tables[table];
  if (!entry || entry.rows === 0) return writeEmptyTable(connection, table, paths.target);
  const files = entry.files.map((file) => layout.resolve(file.path));
  const [result] = await queryStep<{ Count: number }>(
    connection,
    `gold.${table}`,
    CARRY_OVER_SQL(table, files, paths.dimItem, paths.target),
  );
  return { rows: result?.Count ?? 0 };
}
