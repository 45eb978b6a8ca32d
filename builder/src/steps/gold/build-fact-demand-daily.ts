/**
 * gold.fact_demand_daily: a dense daily grid (every item × every day of the window; days without
 * movements are zero), sorted by item_key (the item's rank by item_id, assigned here) then date. A movement sent again in a later batch
 * replaces the earlier copy (batch ids sort by time).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString, sqlStringList, sql } from '#schema';
import { queryStep } from '../../db.ts';
import { FACT_ROW_GROUP_SIZE, parquetOptions } from './parquet-options.ts';

const STEP = 'gold.fact_demand_daily';

// Demand and order count per item and day over the window, zero-filled.
const FACT_SQL = (
  items: readonly string[],
  validated: readonly string[],
  target: string,
  rowGroupSize: number,
) => sql`
COPY (
  WITH items AS (
    SELECT item_id, CAST(row_number() OVER (ORDER BY item_id) AS INTEGER) AS item_key
    FROM (SELECT DISTINCT item_id FROM read_parquet(${sqlStringList(items)}))
  ),
  movements AS (
    SELECT item_id, movement_date, quantity
    FROM read_parquet(${sqlStringList(validated)})
    ${validated.length > 1 ? sql`QUALIFY row_number() OVER (PARTITION BY movement_id ORDER BY _batch_id DESC) = 1` : sql``}
  ),
  days AS (
    SELECT CAST(range AS DATE) AS date
    FROM range(CAST($from AS DATE), CAST($to AS DATE) + INTERVAL 1 DAY, INTERVAL 1 DAY)
  ),
  daily_totals AS (
    SELECT item_id, movement_date AS date, sum(quantity) AS demand, count(*) AS orders
    FROM movements
    WHERE movement_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
    GROUP BY item_id, movement_date
  )
  SELECT
    days.date,
    items.item_id,
    items.item_key,
    CAST(coalesce(daily_totals.demand, 0) AS DOUBLE) AS demand,
    CAST(coalesce(daily_totals.orders, 0) AS INTEGER) AS orders
  FROM items
  CROSS JOIN days
  LEFT JOIN daily_totals ON daily_totals.item_id = items.item_id AND daily_totals.date = days.date
  ORDER BY items.item_key, days.date
) TO ${sqlString(target)} ${parquetOptions(rowGroupSize)}`;

export async function buildFactDemandDaily(
  connection: DuckDBConnection,
  paths: { items: readonly string[]; validated: readonly string[]; target: string },
  window: { from: string; to: string },
  rowGroupSize: number = FACT_ROW_GROUP_SIZE,
): Promise<{ rows: number }> {
  const sql = FACT_SQL(paths.items, paths.validated, paths.target, rowGroupSize);
  const [result] = await queryStep<{ Count: number }>(connection, STEP, sql, {
    from: window.from,
    to: window.to,
  });
  return { rows: result?.Count ?? 0 };
}
