/**
 * gold.fact_demand_weekly / gold.fact_demand_monthly from the daily fact: one row per item and ISO
 * week or calendar month, in one pass over the daily grid (which is dense, so `days` is simply the
 * number of daily rows folded into the period: the days of the period inside the data range).
 * Sorted by item_key then period start, like the daily fact, so one item is one short run of rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, sql, sqlString, sqlStringList, type SqlText } from '#schema';
import { queryStep } from '../../db.ts';
import { exactSum } from './exact-sum.ts';
import { FACT_ROW_GROUP_SIZE, parquetOptions } from './parquet-options.ts';

export type DemandPeriod = 'week' | 'month';

const periodTable = { week: 'fact_demand_weekly', month: 'fact_demand_monthly' } as const;
const periodColumn = { week: 'week_start', month: 'month_start' } as const;
// date_trunc('week') starts weeks on Monday (ISO). The CAST keeps a DATE on every DuckDB version.
const periodStart: Record<DemandPeriod, SqlText> = {
  week: sql`CAST(date_trunc('week', date) AS DATE)`,
  month: sql`CAST(date_trunc('month', date) AS DATE)`,
};

// Grouped on item_key only (an integer); item_id comes back from dim_item, which is small.
const PERIOD_SQL = (period: DemandPeriod, facts: readonly string[], items: string, target: string) => sql`
COPY (
  WITH periods AS (
    SELECT item_key, ${periodStart[period]} AS period_start, ${exactSum(sql`demand`)} AS demand,
      sum(orders) AS orders, count(*) AS days
    FROM read_parquet(${sqlStringList(facts)})
    GROUP BY item_key, period_start
  )
  SELECT
    periods.item_key,
    items.item_id,
    periods.period_start AS ${ident('column', periodColumn[period])},
    CAST(periods.demand AS DOUBLE) AS demand,
    CAST(periods.orders AS INTEGER) AS orders,
    CAST(periods.days AS INTEGER) AS days
  FROM periods
  JOIN read_parquet(${sqlString(items)}) AS items USING (item_key)
  ORDER BY periods.item_key, periods.period_start
) TO ${sqlString(target)} ${parquetOptions(FACT_ROW_GROUP_SIZE)}`;

export async function buildFactDemandPeriod(
  connection: DuckDBConnection,
  period: DemandPeriod,
  paths: { facts: readonly string[]; items: string; target: string },
): Promise<{ rows: number }> {
  const [result] = await queryStep<{ Count: number }>(
    connection,
    `gold.${periodTable[period]}`,
    PERIOD_SQL(period, paths.facts, paths.items, paths.target),
  );
  return { rows: result?.Count ?? 0 };
}
