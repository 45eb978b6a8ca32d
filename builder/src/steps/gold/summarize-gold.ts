/**
 * The manifest's headline numbers, computed from the gold files just written: the overview's KPIs
 * with no filter (all actuals, every category). Demand is valued in BRL, since units do not add up
 * across items counted in metres and in pieces.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, sqlString, sqlStringList, type Summary, sql } from '#schema';
import { queryStep } from '../../db.ts';

export interface SummaryInputs {
  categoryDaily: string;
  /** The monthly fact (one file or several), for the items that moved. */
  monthly: string | readonly string[];
  items: string;
}

const files = (paths: string | readonly string[]) => sqlStringList([paths].flat());

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
    FROM read_parquet(${files(paths.monthly)})
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

// A week or month source has no days: the same numbers from its own fact, and actuals run
// through the last day of the last period.
const PERIOD_SUMMARY_SQL = (period: 'week' | 'month', facts: readonly string[], items: string) => {
  const start = ident('column', period === 'week' ? 'week_start' : 'month_start');
  const lastDay =
    period === 'week' ? sql`max(period_start) + 6` : sql`CAST(last_day(max(period_start)) AS DATE)`;
  return sql`
WITH per_item AS (
  SELECT fact.item_key, fact.${start} AS period_start, fact.demand, fact.demand * items.unit_cost_brl AS value_brl
  FROM read_parquet(${sqlStringList(facts)}) AS fact
  JOIN read_parquet(${sqlString(items)}) AS items USING (item_key)
),
moving AS (
  SELECT count(*) AS items
  FROM (SELECT item_key FROM per_item GROUP BY item_key HAVING sum(demand) > 0)
)
SELECT
  (SELECT count(*) FROM read_parquet(${sqlString(items)})) AS item_count,
  (SELECT items FROM moving) AS active_items,
  round(coalesce(sum(value_brl), 0), 2) AS demand_value_brl,
  coalesce(sum(demand), 0) AS units_total,
  coalesce(strftime(min(period_start), '%Y-%m-%d'), '') AS actuals_from,
  coalesce(strftime(${lastDay}, '%Y-%m-%d'), '') AS actuals_through
FROM per_item`;
};

export async function summarizeGold(
  connection: DuckDBConnection,
  paths: SummaryInputs,
  /** For a week or month source: that grain and its fact files. */
  coarse?: { period: 'week' | 'month'; facts: readonly string[] },
): Promise<Summary> {
  const [row] = await queryStep<Summary & Record<string, unknown>>(
    connection,
    'gold.summary',
    coarse ? PERIOD_SUMMARY_SQL(coarse.period, coarse.facts, paths.items) : SUMMARY_SQL(paths),
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
