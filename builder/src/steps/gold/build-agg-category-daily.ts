/**
 * gold.agg_category_daily: demand, value and orders per category, unit and day, with the number of
 * items that had demand, from the staged movement totals (sparse, so one pass over the movements,
 * not the dense daily grid). Dense: every category and unit of the item master gets every day of
 * the window. A few thousand rows that KPIs, trend and category mix read instead of the daily fact.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString } from '#schema';
import { queryStep } from '../../db.ts';
import { exactSum } from './exact-sum.ts';
import { parquetOptions } from './parquet-options.ts';
import type { DemandInputs } from './stage-demand-inputs.ts';

const STEP = 'gold.agg_category_daily';

// Movement totals are never zero (quantities are positive), so a totals row is an active item-day.
const AGG_SQL = (inputs: DemandInputs, totals: string, target: string) => sql`
COPY (
  WITH items AS (
    SELECT item_key, category, unit, unit_cost_brl
    FROM read_parquet(${sqlString(inputs.items)})
  ),
  days AS (
    SELECT CAST(range AS DATE) AS date
    FROM range(CAST($from AS DATE), CAST($to AS DATE) + INTERVAL 1 DAY, INTERVAL 1 DAY)
  ),
  groups AS (
    SELECT DISTINCT category, unit
    FROM items
  ),
  daily AS (
    SELECT
      items.category,
      items.unit,
      totals.date,
      ${exactSum(sql`totals.demand`)} AS demand,
      ${exactSum(sql`totals.demand * items.unit_cost_brl`)} AS value_brl,
      sum(totals.orders) AS orders,
      count(*) FILTER (WHERE totals.demand > 0) AS active_items
    FROM read_parquet(${sqlString(totals)}) AS totals
    JOIN items USING (item_key)
    GROUP BY items.category, items.unit, totals.date
  )
  SELECT
    groups.category,
    groups.unit,
    days.date,
    coalesce(daily.demand, 0) AS demand,
    coalesce(daily.value_brl, 0) AS value_brl,
    CAST(coalesce(daily.orders, 0) AS INTEGER) AS orders,
    CAST(coalesce(daily.active_items, 0) AS INTEGER) AS active_items
  FROM groups
  CROSS JOIN days
  LEFT JOIN daily
    ON daily.category IS NOT DISTINCT FROM groups.category
    AND daily.unit IS NOT DISTINCT FROM groups.unit
    AND daily.date = days.date
  ORDER BY days.date, groups.category, groups.unit
) TO ${sqlString(target)} ${parquetOptions()}`;

export async function buildAggCategoryDaily(
  connection: DuckDBConnection,
  inputs: DemandInputs,
  paths: { totals: string; target: string },
  window: { from: string; to: string },
): Promise<{ rows: number }> {
  const [result] = await queryStep<{ Count: number }>(
    connection,
    STEP,
    AGG_SQL(inputs, paths.totals, paths.target),
    window,
  );
  return { rows: result?.Count ?? 0 };
}
