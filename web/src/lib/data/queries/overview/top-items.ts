/**
 * The items with the most demand in the overview range and category. Ranked by value (BRL), the
 * measure comparable across units; by units only when every item in scope shares one unit, where
 * units compare like with like. Read from the weekly or monthly fact, never the daily one.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import { demandGrains, type DemandGrain } from '#schema/tables.ts';
import type { Db } from '../../db-port.ts';
import { category, item, itemId, itemKey, name, unit, unitCost } from '../gold-names.ts';
import {
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

export const TOP_ITEMS_MAX = 1000;

export interface TopItemsInput extends OverviewFilter {
  limit: number;
}

export interface TopItemRow {
  item_id: string;
  name: string;
  category: string;
  unit: string;
  units: number;
  /** Units times the item's unit cost, in BRL. */
  value_brl: number;
  /** What the list is ordered by. */
  ranked_by: 'value' | 'units';
}

// Ties are broken by item_id so the list is stable between engines and reloads.
function topSql(plan: OverviewPlan, filter: OverviewFilter): SqlText {
  return sql`
WITH ${spanCte(plan.finest)},
${scopeCte},
${itemDemandCte(plan, filter)},
ranking AS (
  SELECT ${scopeUnit} IS NOT NULL AS by_units
)
SELECT i.${itemId} AS item_id, i.${name} AS name, i.${category} AS category, i.${unit} AS unit,
  r.units, r.units * i.${unitCost} AS value_brl,
  CASE WHEN k.by_units THEN 'units' ELSE 'value' END AS ranked_by
FROM item_demand AS r
JOIN ${item} AS i ON i.${itemKey} = r.item_key
CROSS JOIN ranking AS k
WHERE r.units > 0
ORDER BY CASE WHEN k.by_units THEN r.units ELSE r.units * i.${unitCost} END DESC, i.${itemId}
LIMIT ?`;
}

/** Over the range widened to whole weeks or months (overview-range.ts); `grains` as in overviewKpis. */
export function topItems(
  db: Db,
  input: TopItemsInput,
  grains: readonly DemandGrain[] = demandGrains,
): Promise<TopItemRow[]> {
  const { limit } = input;
  if (!Number.isInteger(limit) || limit < 1 || limit > TOP_ITEMS_MAX) {
    throw new RangeError(`top items limit must be an integer from 1 to ${TOP_ITEMS_MAX}, got ${limit}`);
  }
  const plan = overviewPlan(input, grains);
  return db.query<TopItemRow>(topSql(plan, input), [
    ...spanParams(plan),
    ...scopeParams(input),
    ...itemDemandParams(plan, input),
    limit,
  ]);
}
