/**
 * gold.fact_demand_weekly / gold.fact_demand_monthly: one row per item and ISO week (starting on
 * Monday) or calendar month, dense (every item × every period of the window), sorted by item_key
 * then period start. `days` is the number of days of the period inside the window. Written one
 * item_key range at a time from the staged movement totals (so each query stays small at any
 * scale), then joined into one file in range order, which keeps the sort without sorting again.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, sql, sqlString, sqlStringList, type SqlText } from '#schema';
import { queryStep, runStep } from '../../db.ts';
import { partTotals } from './build-fact-demand-daily.ts';
import { exactSum } from './exact-sum.ts';
import { PERIOD_FACT_ROW_GROUP_SIZE, parquetOptions } from './parquet-options.ts';
import type { DemandInputs, DemandPart } from './stage-demand-inputs.ts';

export type DemandPeriod = 'week' | 'month';

const periodTable = { week: 'fact_demand_weekly', month: 'fact_demand_monthly' } as const;
const periodColumn = { week: 'week_start', month: 'month_start' } as const;
// The CAST keeps a DATE: date_trunc on a DATE returns a TIMESTAMP on some DuckDB versions.
const periodStart = (period: DemandPeriod, column: SqlText): SqlText =>
  period === 'week'
    ? sql`CAST(date_trunc('week', ${column}) AS DATE)`
    : sql`CAST(date_trunc('month', ${column}) AS DATE)`;

const PART_SQL = (period: DemandPeriod, items: string, part: DemandPart, target: string) => sql`
COPY (
  WITH items AS (
    SELECT item_key, item_id
    FROM read_parquet(${sqlString(items)})
    WHERE item_key BETWEEN ${part.keys.min} AND ${part.keys.max}
  ),
  periods AS (
    SELECT ${periodStart(period, sql`CAST(range AS DATE)`)} AS period_start, count(*) AS days
    FROM range(CAST($from AS DATE), CAST($to AS DATE) + INTERVAL 1 DAY, INTERVAL 1 DAY)
    GROUP BY period_start
  ),
  totals AS (
    SELECT item_key, ${periodStart(period, sql`date`)} AS period_start, ${exactSum(sql`demand`)} AS demand,
      sum(orders) AS orders
    FROM ${partTotals(part)}
    GROUP BY item_key, period_start
  )
  SELECT
    items.item_key,
    items.item_id,
    periods.period_start AS ${ident('column', periodColumn[period])},
    coalesce(totals.demand, 0) AS demand,
    CAST(coalesce(totals.orders, 0) AS INTEGER) AS orders,
    CAST(periods.days AS INTEGER) AS days
  FROM items
  CROSS JOIN periods
  LEFT JOIN totals ON totals.item_key = items.item_key AND totals.period_start = periods.period_start
  ORDER BY items.item_key, periods.period_start
) TO ${sqlString(target)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

// Files are read in list order and rows in file order (insertion order is preserved).
const JOIN_SQL = (period: DemandPeriod, parts: readonly string[], target: string) => sql`
COPY (
  SELECT item_key, item_id, ${ident('column', periodColumn[period])}, demand, orders, days
  FROM read_parquet(${sqlStringList(parts)})
) TO ${sqlString(target)} ${parquetOptions(PERIOD_FACT_ROW_GROUP_SIZE)}`;

export async function buildFactDemandPeriod(
  connection: DuckDBConnection,
  period: DemandPeriod,
  inputs: DemandInputs,
  paths: { workDir: string; target: string },
  window: { from: string; to: string },
): Promise<{ rows: number }> {
  const step = `gold.${periodTable[period]}`;
  const parts: string[] = [];
  for (const part of inputs.parts) {
    const file = `${paths.workDir}/${period}-${part.index}.parquet`;
    await runStep(connection, step, PART_SQL(period, inputs.items, part, file), window);
    parts.push(file);
  }
  const [result] = await queryStep<{ Count: number }>(
    connection,
    step,
    JOIN_SQL(period, parts, paths.target),
  );
  return { rows: result?.Count ?? 0 };
}
