/**
 * Writes a gold table with its schema and no rows, for tables whose producer has not run yet
 * (fact_forecasts and fact_metrics before the first forecast), so readers always find all five.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { goldTables, ident, sql, sqlJoin, sqlString, sqlType, type GoldTableId } from '#schema';
import { queryStep } from '../../db.ts';
import { parquetOptions } from './parquet-options.ts';

const EMPTY_TABLE_SQL = (table: GoldTableId, target: string) => {
  const columns = goldTables[table].map(
    (column) => sql`CAST(NULL AS ${sqlType(column.type)}) AS ${ident('column', column.name)}`,
  );
  return sql`
COPY (
  SELECT ${sqlJoin(columns, ', ')}
  LIMIT 0
) TO ${sqlString(target)} ${parquetOptions()}`;
};

export async function writeEmptyTable(
  connection: DuckDBConnection,
  table: GoldTableId,
  target: string,
): Promise<{ rows: number }> {
  await queryStep(connection, `gold.${table}`, EMPTY_TABLE_SQL(table, target));
  return { rows: 0 };
}
