/**
 * gold.fact_demand_daily, one file per item_key range: a dense daily grid (every item of the range
 * × every day of the window; days without movements are zero), sorted by item_key then date, so
 * one item's history is one short run of rows in one file (see parquet-options.ts for the sizes).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString, type SqlText } from '#schema';
import { queryStep } from '../../db.ts';
import { FACT_ROW_GROUP_SIZE, parquetOptions } from './parquet-options.ts';
import type { DemandPart } from './stage-demand-inputs.ts';

const STEP = 'gold.fact_demand_daily';

/** The staged totals of a part, or an empty relation of the same shape when nothing moved. */
export function partTotals(part: DemandPart): SqlText {
  return part.totals === undefined
    ? sql`(SELECT CAST(NULL AS INTEGER) AS item_key, CAST(NULL AS DATE) AS date,
        CAST(NULL AS DECIMAL(38, 10)) AS demand, CAST(NULL AS BIGINT) AS orders LIMIT 0)`
    : sql`read_parquet(${sqlString(part.totals)})`;
}

const FACT_SQL = (items: string, part: DemandPart, target: string) => sql`
COPY (
  WITH items AS (
    SELECT item_key, item_id
    FROM read_parquet(${sqlString(items)})
    WHERE item_key BETWEEN ${part.keys.min} AND ${part.keys.max}
  ),
  days AS (
    SELECT CAST(range AS DATE) AS date
    FROM range(CAST($from AS DATE), CAST($to AS DATE) + INTERVAL 1 DAY, INTERVAL 1 DAY)
  )
  SELECT
    days.date,
    items.item_id,
    items.item_key,
    CAST(coalesce(totals.demand, 0) AS DOUBLE) AS demand,
    CAST(coalesce(totals.orders, 0) AS INTEGER) AS orders
  FROM items
  CROSS JOIN days
  LEFT JOIN ${partTotals(part)} AS totals ON totals.item_key = items.item_key AND totals.date = days.date
  ORDER BY items.item_key, days.date
) TO ${sqlString(target)} ${parquetOptions(FACT_ROW_GROUP_SIZE)}`;

export async function buildFactDemandDaily(
  connection: DuckDBConnection,
  paths: { items: string; part: DemandPart; target: string },
  window: { from: string; to: string },
): Promise<{ rows: number }> {
  const [result] = await queryStep<{ Count: number }>(
    connection,
    STEP,
    FACT_SQL(paths.items, paths.part, paths.target),
    window,
  );
  return { rows: result?.Count ?? 0 };
}
