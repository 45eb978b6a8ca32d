/**
 * The manifest's headline numbers, computed from the gold files just written: the overview's KPIs
 * with no filter (all actuals, every category). Demand is valued in BRL, since units do not add up
 * across items counted in metres and in pieces.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString, type Summary, sql } from '#schema';
import { queryStep } from '../../db.ts';

// From agg_category_daily (a few thousand rows) and the monthly fact rather than the daily fact:
// the same sums; value_brl there is already demand × unit_cost_brl per item.
const SUMMARY_SQL = (paths: SummaryInputs) => sql`
WITH category_daily AS (
  SELECT date, demand, value_brl
  FROM read_parquet(${sqlString(paths.categoryDaily)})
),
bounds AS (
  SELECT min(date) AS first_day, max(date) AS last_day
  FROM category_daily
),
moving AS (
  SELECT count(*) AS items
  FROM (
    SELECT item_key
    FROM read_parquet(${sqlString(paths.monthly)})
    GROUP BY item_key
    HAVING sum(demand) > 0
  )
)
SELECT
  (SELECT count(*) FROM read_parquet(${sqlString(paths.items)})) AS item_count,
  (SELECT items FROM moving) AS active_items,
  round(coalesce(sum(daily.value_brl), 0), 2) AS demand_value_brl,
  coalesce(sum(daily.demand), 0) AS units_total,
  coalesce(strftime(any_value(bounds.first_day), '%Y-%m-%d'), '') AS actuals_from,
  coalesce(strftime(any_value(bounds.last_day), '%Y-%m-%d'), '') AS actuals_through
FROM category_daily AS daily
CROSS JOIN bounds`;

export interface SummaryInputs {
  categoryDaily: string;
  monthly: string;
  items: string;
}

export async function summarizeGold(connection: DuckDBConnection, paths: SummaryInputs): Promise<Summary> {
  const [row] = await queryStep<Summary & Record<string, unknown>>(
    connection,
    'gold.summary',
    SUMMARY_SQL(paths),
  );
  if (!row) throw new Error('summary query returned no row');
  return {
    item_count: Number(row.item_count),
    active_items: Number(row.active_items),
    demand_value_brl: Number(row.demand_value_brl),
    units_total: Number(row.units_total),
    actuals_from: row.actuals_from,
    actuals_through: row.actuals_through,
  };
}
