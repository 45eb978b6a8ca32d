/**
 * The manifest's headline numbers, computed from the gold files just written: the overview's KPIs
 * with no filter (all actuals, every category). Demand is valued in BRL, since units do not add up
 * across items counted in metres and in pieces.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString, type Summary, sql } from '#schema';
import { queryStep } from '../../db.ts';

const SUMMARY_SQL = (fact: string, items: string) => sql`
WITH per_item AS (
  SELECT item_key, sum(demand) AS units
  FROM read_parquet(${sqlString(fact)})
  GROUP BY item_key
),
bounds AS (
  SELECT min(date) AS first_day, max(date) AS last_day
  FROM read_parquet(${sqlString(fact)})
)
SELECT
  (SELECT count(*) FROM read_parquet(${sqlString(items)})) AS item_count,
  count(*) FILTER (WHERE per_item.units > 0) AS active_items,
  round(coalesce(sum(per_item.units * items.unit_cost_brl), 0), 2) AS demand_value_brl,
  coalesce(sum(per_item.units), 0) AS units_total,
  coalesce(strftime(any_value(bounds.first_day), '%Y-%m-%d'), '') AS actuals_from,
  coalesce(strftime(any_value(bounds.last_day), '%Y-%m-%d'), '') AS actuals_through
FROM per_item
JOIN read_parquet(${sqlString(items)}) AS items USING (item_key)
CROSS JOIN bounds`;

export async function summarizeGold(
  connection: DuckDBConnection,
  paths: { fact: string; items: string },
): Promise<Summary> {
  const [row] = await queryStep<Summary & Record<string, unknown>>(
    connection,
    'gold.summary',
    SUMMARY_SQL(paths.fact, paths.items),
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
