/**
 * The same fact rewritten at another row-group size, and optionally cut to a smaller item_key
 * range (a smaller file, as a smaller rows-per-file setting would write), exactly as the builder
 * writes it (sorted by item_key then date, its Parquet options), with native DuckDB; reports the
 * row groups it got.
 */
import { stat } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetOptions } from '#builder';
import { ident } from '#schema/ident.ts';
import { sqlString } from '#schema/literal.ts';
import { sql, sqlJoin } from '#schema/sql.ts';
import { goldTables } from '#schema/tables.ts';

export interface FactLayout {
  rowGroupSize: number;
  /** The item_key range kept; undefined keeps the whole file. */
  keys?: { min: number; max: number } | undefined;
  rows: number;
  path: string;
  bytes: number;
  rowGroups: number;
  /** DuckDB's writer may cut groups short at thread boundaries; the largest shows the real size. */
  largestRowGroup: number;
}

const columns = sqlJoin(
  goldTables.fact_demand_daily.map((column) => ident('column', column.name)),
  ', ',
);

// The builder's order and options; only the row-group size and the item_key range vary.
const COPY_SQL = (source: string, target: string, rowGroupSize: number) => sql`
COPY (
  SELECT ${columns}
  FROM read_parquet(${sqlString(source)})
  WHERE ${ident('column', 'item_key')} BETWEEN $min AND $max
  ORDER BY ${ident('column', 'item_key')}, ${ident('column', 'date')}
) TO ${sqlString(target)} ${parquetOptions(rowGroupSize)}`;

const LAYOUT_SQL = (target: string) => sql`
SELECT
  count(DISTINCT row_group_id) AS row_groups,
  sum(row_group_num_rows) FILTER (WHERE column_id = 0) AS rows,
  max(row_group_num_rows) AS largest_row_group
FROM parquet_metadata(${sqlString(target)})`;

export async function rewriteFact(
  source: string,
  targets: readonly Pick<FactLayout, 'path' | 'rowGroupSize' | 'keys'>[],
): Promise<FactLayout[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const layouts: FactLayout[] = [];
    for (const target of targets) {
      const keys = target.keys ?? { min: -(2 ** 31), max: 2 ** 31 - 1 };
      await connection.run(COPY_SQL(source, target.path, target.rowGroupSize), keys);
      const reader = await connection.runAndReadAll(LAYOUT_SQL(target.path));
      const [row] = reader.getRowObjectsJS();
      layouts.push({
        ...target,
        bytes: (await stat(target.path)).size,
        rows: Number(row?.rows),
        rowGroups: Number(row?.row_groups),
        largestRowGroup: Number(row?.largest_row_group),
      });
    }
    return layouts;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
