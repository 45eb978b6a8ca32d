/**
 * The overview's headline numbers for the filters shown: demand value in R$ (the one measure that
 * adds up across categories), active items, and units only when every item in scope shares one
 * unit. With no filter the values equal the manifest `summary` (same definitions, BRL rounded to
 * cents), so the cards paint from the manifest first and DuckDB's answer replaces them unchanged.
 */
import type { Summary } from '#schema/manifest.ts';
import { sql } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import { date, demand, fact, itemKey } from '../gold-names.ts';
import { scopeCte, scopeParams, scopeUnit, spanCte, spanParams, type OverviewFilter } from './overview-filter.ts';

export interface OverviewKpiRow extends Summary {
  /** Units in range, or null when the items in scope mix units (metres and pieces). */
  demand_units: number | null;
  /** The unit `demand_units` counts in, or null. */
  unit: string | null;
  /** The range the numbers cover, `yyyy-mm-dd`; empty when there are no actuals. */
  range_from: string;
  range_to: string;
}

const SQL = sql`
WITH ${spanCte},
${scopeCte},
in_range AS (
  SELECT f.${itemKey} AS item_key, sum(f.${demand}) AS units
  FROM ${fact} AS f
  CROSS JOIN span AS s
  WHERE f.${date} BETWEEN s.first_day AND s.last_day
    AND f.${itemKey} IN (SELECT item_key FROM scope)
  GROUP BY f.${itemKey}
),
totals AS (
  SELECT
    round(coalesce(sum(r.units * sc.unit_cost_brl), 0), 2) AS demand_value_brl,
    count(*) FILTER (WHERE r.units > 0) AS active_items,
    coalesce(sum(r.units), 0) AS units
  FROM in_range AS r
  JOIN scope AS sc ON sc.item_key = r.item_key
)
SELECT
  t.demand_value_brl,
  t.active_items,
  (SELECT count(*) FROM scope) AS item_count,
  CASE WHEN ${scopeUnit} IS NOT NULL THEN t.units END AS demand_units,
  ${scopeUnit} AS unit,
  coalesce(strftime(s.actuals_from, '%Y-%m-%d'), '') AS actuals_from,
  coalesce(strftime(s.actuals_through, '%Y-%m-%d'), '') AS actuals_through,
  coalesce(strftime(s.first_day, '%Y-%m-%d'), '') AS range_from,
  coalesce(strftime(s.last_day, '%Y-%m-%d'), '') AS range_to
FROM totals AS t
CROSS JOIN span AS s`;

/** One row; numbers are 0 and dates empty when nothing is in range. */
export function overviewKpis(db: Db, filter: OverviewFilter): Promise<OverviewKpiRow[]> {
  return db.query<OverviewKpiRow>(SQL, [...spanParams(filter), ...scopeParams(filter)]);
}
