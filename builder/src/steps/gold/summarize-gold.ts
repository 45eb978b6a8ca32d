/**
 * The manifest's headline numbers, computed from the gold files just written. "Last 30 days" are
 * the 30 days ending on the last actual (inclusive); "previous 30 days" the 30 before them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, sqlString, sqlStringList, type Summary, sql } from '#schema';
import { queryStep } from '../../db.ts';

// From agg_category_daily (a few thousand rows) rather than the daily fact: the same sums, and
// value_brl there is already demand × unit_cost_brl per item.
const SUMMARY_SQL = (categoryDaily: string, items: string) => sql`
WITH category_daily AS (
  SELECT date, demand, value_brl
  FROM read_parquet(${sqlString(categoryDaily)})
),
bounds AS (
  SELECT min(date) AS first_day, max(date) AS last_day
  FROM category_daily
)
SELECT
  (SELECT count(*) FROM read_parquet(${sqlString(items)})) AS item_count,
  coalesce(sum(daily.demand), 0) AS units_total,
  coalesce(sum(daily.demand) FILTER (WHERE daily.date > bounds.last_day - 30), 0) AS units_last_30d,
  coalesce(sum(daily.demand) FILTER (WHERE daily.date > bounds.last_day - 60 AND daily.date <= bounds.last_day - 30), 0)
    AS units_prev_30d,
  round(coalesce(sum(daily.value_brl) FILTER (WHERE daily.date > bounds.last_day - 30), 0), 2)
    AS value_brl_last_30d,
  coalesce(strftime(any_value(bounds.first_day), '%Y-%m-%d'), '') AS actuals_from,
  coalesce(strftime(any_value(bounds.last_day), '%Y-%m-%d'), '') AS actuals_through
FROM category_daily AS daily
CROSS JOIN bounds`;

// A week or month source has no days: "last 30 days" becomes the last period, "previous" the one
// before, and actuals run through the last day of the last period.
const PERIOD_SUMMARY_SQL = (period: 'week' | 'month', facts: readonly string[], items: string) => {
  const start = ident('column', period === 'week' ? 'week_start' : 'month_start');
  const lastDay =
    period === 'week' ? sql`max(period_start) + 6` : sql`CAST(last_day(max(period_start)) AS DATE)`;
  return sql`
WITH periods AS (
  SELECT fact.${start} AS period_start, sum(fact.demand) AS demand, sum(fact.demand * items.unit_cost_brl) AS value_brl
  FROM read_parquet(${sqlStringList(facts)}) AS fact
  JOIN read_parquet(${sqlString(items)}) AS items USING (item_key)
  GROUP BY fact.${start}
),
ranked AS (
  SELECT *, row_number() OVER (ORDER BY period_start DESC) AS back
  FROM periods
)
SELECT
  (SELECT count(*) FROM read_parquet(${sqlString(items)})) AS item_count,
  coalesce(sum(demand), 0) AS units_total,
  coalesce(sum(demand) FILTER (WHERE back = 1), 0) AS units_last_30d,
  coalesce(sum(demand) FILTER (WHERE back = 2), 0) AS units_prev_30d,
  round(coalesce(sum(value_brl) FILTER (WHERE back = 1), 0), 2) AS value_brl_last_30d,
  coalesce(strftime(min(period_start), '%Y-%m-%d'), '') AS actuals_from,
  coalesce(strftime(${lastDay}, '%Y-%m-%d'), '') AS actuals_through
FROM ranked`;
};

export async function summarizeGold(
  connection: DuckDBConnection,
  paths: { categoryDaily: string; items: string },
  /** For a week or month source: that grain and its fact files. */
  coarse?: { period: 'week' | 'month'; facts: readonly string[] },
): Promise<Summary> {
  const [row] = await queryStep<Summary & Record<string, unknown>>(
    connection,
    'gold.summary',
    coarse
      ? PERIOD_SUMMARY_SQL(coarse.period, coarse.facts, paths.items)
      : SUMMARY_SQL(paths.categoryDaily, paths.items),
  );
  if (!row) throw new Error('summary query returned no row');
  return {
    item_count: Number(row.item_count),
    units_total: Number(row.units_total),
    units_last_30d: Number(row.units_last_30d),
    units_prev_30d: Number(row.units_prev_30d),
    value_brl_last_30d: Number(row.value_brl_last_30d),
    actuals_from: row.actuals_from,
    actuals_through: row.actuals_through,
  };
}
