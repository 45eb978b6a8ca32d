/**
 * The overview's demand headline for the filters shown: demand value in R$ (the one measure that
 * adds up across categories), units only when every item in scope shares one unit, the item count,
 * and the range covered. Read from the per-category table (agg_category_daily, a few thousand rows,
 * or a week or month source's own fact) and dim_item only, so it answers first after DuckDB starts;
 * active items (active-items.ts), which read a per-item fact, follow in their own query. The range
 * is widened to whole periods (overview-range.ts) and reported in `range_from` and `range_to`.
 * With no filter the values equal the manifest `summary` (same definitions, same tables, BRL
 * rounded to cents), so the cards paint from the manifest first and DuckDB's answer replaces them
 * unchanged.
 */
import type { Summary } from '#schema/manifest.ts';
import { sql, type SqlText } from '#schema/sql.ts';
import { demandGrains, type DemandGrain } from '#schema/tables.ts';
import type { Db } from '../../db-port.ts';
import {
  categoryDemandCte,
  categoryDemandParams,
  inCategory,
  scopeCte,
  scopeParams,
  spanCte,
  spanParams,
  type OverviewFilter,
} from './overview-filter.ts';
import { overviewPlan, type OverviewPlan } from './overview-range.ts';

export interface DemandTotalsRow extends Omit<Summary, 'active_items' | 'units_total'> {
  /** Units in range, or null when the items in scope mix units (metres and pieces). */
  demand_units: number | null;
  /** The unit `demand_units` counts in, or null. */
  unit: string | null;
  /** The range the numbers cover, `yyyy-mm-dd`; empty when there are no actuals. */
  range_from: string;
  range_to: string;
}

// `scope` is read once, for both its count and its one unit: DuckDB 0.9 evaluates a CTE again at
// every reference.
function totalsSql(plan: OverviewPlan, filter: OverviewFilter): SqlText {
  return sql`
WITH ${spanCte(plan.finest)},
${scopeCte},
${categoryDemandCte(plan.finest, filter)},
totals AS (
  SELECT round(coalesce(sum(cd.value_brl), 0), 2) AS demand_value_brl, coalesce(sum(cd.demand), 0) AS units
  FROM category_demand AS cd
  WHERE ${inCategory(sql`cd.category`)}
),
items AS (
  SELECT count(*) AS item_count, CASE WHEN count(DISTINCT unit) = 1 THEN min(unit) END AS unit
  FROM scope
)
SELECT
  t.demand_value_brl,
  i.item_count,
  CASE WHEN i.unit IS NOT NULL THEN t.units END AS demand_units,
  i.unit,
  coalesce(strftime(s.actuals_from, '%Y-%m-%d'), '') AS actuals_from,
  coalesce(strftime(s.actuals_through, '%Y-%m-%d'), '') AS actuals_through,
  coalesce(strftime(s.first_day, '%Y-%m-%d'), '') AS range_from,
  coalesce(strftime(s.last_day, '%Y-%m-%d'), '') AS range_to
FROM totals AS t
CROSS JOIN items AS i
CROSS JOIN span AS s`;
}

/**
 * One row; numbers are 0 and dates empty when nothing is in range. `grains` are the manifest's
 * (the grains whose tables hold data); a lakehouse with all three is assumed when omitted.
 */
export function demandTotals(
  db: Db,
  filter: OverviewFilter,
  grains: readonly DemandGrain[] = demandGrains,
): Promise<DemandTotalsRow[]> {
  const plan = overviewPlan(filter, grains);
  return db.query<DemandTotalsRow>(totalsSql(plan, filter), [
    ...spanParams(plan),
    ...scopeParams(filter),
    ...categoryDemandParams(plan.finest, filter),
    ...scopeParams(filter),
  ]);
}
