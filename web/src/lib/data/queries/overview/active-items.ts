/**
 * The overview's active items for the filters shown: items in scope with demand in the range,
 * from the weekly or monthly fact over the range widened to whole periods (overview-range.ts), the
 * same range demandTotals reports. Its own query, because it reads a per-item fact (over HTTP, cold,
 * the larger part of the KPI work), so the demand totals can confirm before it answers. With no
 * filter the value equals the manifest summary's `active_items`.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import { demandGrains, type DemandGrain } from '#schema/tables.ts';
import type { Db } from '../../db-port.ts';
import { itemDemandCte, itemDemandParams, scopeCte, scopeParams, type OverviewFilter } from './overview-filter.ts';
import { overviewPlan, type OverviewPlan } from './overview-range.ts';

export interface ActiveItemsRow {
  active_items: number;
}

function activeSql(plan: OverviewPlan, filter: OverviewFilter): SqlText {
  return sql`
WITH ${scopeCte},
${itemDemandCte(plan, filter)}
SELECT count(*) AS active_items
FROM item_demand
WHERE units > 0`;
}

/** One row; `grains` as in demandTotals. */
export function activeItems(
  db: Db,
  filter: OverviewFilter,
  grains: readonly DemandGrain[] = demandGrains,
): Promise<ActiveItemsRow[]> {
  const plan = overviewPlan(filter, grains);
  return db.query<ActiveItemsRow>(activeSql(plan, filter), [
    ...scopeParams(filter),
    ...itemDemandParams(plan, filter),
  ]);
}
