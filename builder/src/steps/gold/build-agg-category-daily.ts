/**
 * gold.agg_category_daily from the daily fact and dim_item: demand, value and orders per category,
 * unit and day, with the number of items that had demand. A few thousand rows that KPIs, the
 * trend and the category mix read instead of the daily fact. Sorted by date, then category, unit.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString, sqlStringList } from '#schema';
import { queryStep } from '../../db.ts';
import { exactSum } from './exact-sum.ts';
import { parquetOptions } from './parquet-options.ts';

const STEP = 'gold.agg_category_daily';

// The daily grid is dense, so every category and unit gets every day of the range (zeros included).
const AGG_SQL = (facts: readonly string[], items: string, target: string) => sql`
COPY (
  SELECT
    items.category,
    items.unit,
    fact.date,
    ${exactSum(sql`fact.demand`)} AS demand,
    ${exactSum(sql`fact.demand * items.unit_cost_brl`)} AS value_brl,
    CAST(sum(fact.orders) AS INTEGER) AS orders,
    CAST(count(*) FILTER (WHERE fact.demand > 0) AS INTEGER) AS active_items
  FROM read_parquet(${sqlStringList(facts)}) AS fact
  JOIN read_parquet(${sqlString(items)}) AS items USING (item_key)
  GROUP BY items.category, items.unit, fact.date
  ORDER BY fact.date, items.category, items.unit
) TO ${sqlString(target)} ${parquetOptions()}`;

export async function buildAggCategoryDaily(
  connection: DuckDBConnection,
  paths: { facts: readonly string[]; items: string; target: string },
): Promise<{ rows: number }> {
  const [result] = await queryStep<{ Count: number }>(
    connection,
    STEP,
    AGG_SQL(paths.facts, paths.items, paths.target),
  );
  return { rows: result?.Count ?? 0 };
}
