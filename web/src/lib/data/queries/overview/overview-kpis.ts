/**
 * The overview's headline numbers for the filters shown: demand value in R$ (the one measure that
 * adds up across categories), active items, and units only when every item in scope shares one
 * unit. Value and units come from the per-category table, active items from the weekly or monthly
 * fact, over the range widened to whole periods (overview-range.ts) and reported in `range_from`
 * and `range_to`. With no filter the values equal the manifest `summary` (same definitions, same
 * tables, BRL rounded to cents), so the cards paint from the manifest first and DuckDB's answer
 * replaces them unchanged.
 */
import type { Summary } from '#schema/manifest.ts';
import { sql, type SqlText } from '#schema/sql.ts';
import { demandGrains, type DemandGrain } from '#schema/tables.ts';
import type { Db } from '../../db-port.ts';
import {
  categoryDemandCte,
  inCategory,
  itemDemandCte,
  itemDemandParams,
  scopeCte,
  scopeParams,
  scopeUnit,
  spanCte,
  spanParams,
  type OverviewFilter,
} from './overview-filter.ts';
import { overviewPlan, type OverviewPlan } from './overview-range.ts';

export interface OverviewKpiRow extends Summary {
  /** Units in range, or null when the items in scope mix units (metres and pieces). */
  demand_units: number | null;
  /** The unit `demand_units` counts in, or null. */
  unit: string | null;
  /** The range the numbers cover, `yyyy-mm-dd`; empty when there are no actuals. */
  range_from: string;
  range_to: string;
}

function kpiSql(plan: OverviewPlan, filter: OverviewFilter): SqlText {
  return sql`
WITH ${spanCte(plan.finest)},
${scopeCte},
${categoryDemandCte(plan.finest)},
${itemDemandCte(plan, filter)},
totals AS (
  SELECT round(coalesce(sum(cd.value_brl), 0), 2) AS demand_value_brl, coalesce(sum(cd.demand), 0) AS units
  FROM category_demand AS cd
  WHERE ${inCategory(sql`cd.category`)}
)
SELECT
  t.demand_value_brl,
  (SELECT count(*) FROM item_demand WHERE units > 0) AS active_items,
  (SELECT count(*) FROM scope) AS item_count,
  CASE WHEN ${scopeUnit} IS NOT NULL THEN t.units END AS demand_units,
  ${scopeUnit} AS unit,
  coalesce(strftime(s.actuals_from, '%Y-%m-%d'), '') AS actuals_from,
  coalesce(strftime(s.actuals_through, '%Y-%m-%d'), '') AS actuals_through,
  coalesce(strftime(s.first_day, '%Y-%m-%d'), '') AS range_from,
  coalesce(strftime(s.last_day, '%Y-%m-%d'), '') AS range_to
FROM totals AS t
CROSS JOIN span AS s`;
}

/**
 * One row; numbers are 0 and dates empty when nothing is in range. `grains` are the manifest's
 * (the grains whose tables hold data); a lakehouse with all three is assumed when omitted.
 */
export function overviewKpis(
  db: Db,
  filter: OverviewFilter,
  grains: readonly DemandGrain[] = demandGrains,
): Promise<OverviewKpiRow[]> {
  const plan = overviewPlan(filter, grains);
  return db.query<OverviewKpiRow>(kpiSql(plan, filter), [
    ...spanParams(plan),
    ...scopeParams(filter),
    ...itemDemandParams(plan, filter),
    ...scopeParams(filter),
  ]);
}
