/**
 * The items with the most demand in the overview range and category. Ranked by value (BRL), the
 * measure comparable across units; by units only when every item in scope shares one unit, where
 * units compare like with like.
 */
import { sql } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import { category, date, demand, fact, item, itemId, itemKey, name, unit, unitCost } from '../gold-names.ts';
import { scopeCte, scopeParams, scopeUnit, spanCte, spanParams, type OverviewFilter } from './overview-filter.ts';

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
ranking AS (
  SELECT ${scopeUnit} IS NOT NULL AS by_units
)
SELECT i.${itemId} AS item_id, i.${name} AS name, i.${category} AS category, i.${unit} AS unit,
  r.units, r.units * i.${unitCost} AS value_brl,
  CASE WHEN k.by_units THEN 'units' ELSE 'value' END AS ranked_by
FROM in_range AS r
JOIN ${item} AS i ON i.${itemKey} = r.item_key
CROSS JOIN ranking AS k
WHERE r.units > 0
ORDER BY CASE WHEN k.by_units THEN r.units ELSE r.units * i.${unitCost} END DESC, i.${itemId}
LIMIT ?`;

export function topItems(db: Db, input: TopItemsInput): Promise<TopItemRow[]> {
  const { limit } = input;
  if (!Number.isInteger(limit) || limit < 1 || limit > TOP_ITEMS_MAX) {
    throw new RangeError(`top items limit must be an integer from 1 to ${TOP_ITEMS_MAX}, got ${limit}`);
  }
  return db.query<TopItemRow>(SQL, [...spanParams(input), ...scopeParams(input), limit]);
}
