/** The items with the most units over the 90 days ending at the last actual date. */
import { fact, item, date, demand, itemId, itemKey, name, category, unitCost } from './gold-names.ts';
import type { Db } from '../db-port.ts';
import { sql } from '#schema/sql.ts';

export const TOP_ITEMS_WINDOW_DAYS = 90;
export const TOP_ITEMS_MAX = 1000;

export interface TopItemsInput {
  limit: number;
  /** Only items of this category; `undefined` for all. */
  category?: string | undefined;
}

export interface TopItemRow {
  item_id: string;
  name: string;
  category: string;
  units: number;
  /** Units times the item's unit cost, in BRL. */
  value_brl: number;
}

// Ties on units are broken by item_id so the list is stable between engines and reloads.
const SQL = sql`
WITH bounds AS (
  SELECT max(${date}) AS last_date
  FROM ${fact}
),
recent AS (
  SELECT f.${itemKey} AS item_key, sum(f.${demand}) AS units
  FROM ${fact} AS f
  CROSS JOIN bounds AS b
  WHERE f.${date} > b.last_date - ${TOP_ITEMS_WINDOW_DAYS}
  GROUP BY f.${itemKey}
)
SELECT i.${itemId} AS item_id, i.${name} AS name, i.${category} AS category, r.units,
  r.units * i.${unitCost} AS value_brl
FROM recent AS r
JOIN ${item} AS i ON i.${itemKey} = r.item_key
WHERE CAST(? AS VARCHAR) IS NULL OR i.${category} = CAST(? AS VARCHAR)
ORDER BY r.units DESC, i.${itemId}
LIMIT ?`;

export function topItems(db: Db, input: TopItemsInput): Promise<TopItemRow[]> {
  const { limit } = input;
  if (!Number.isInteger(limit) || limit < 1 || limit > TOP_ITEMS_MAX) {
    throw new RangeError(`top items limit must be an integer from 1 to ${TOP_ITEMS_MAX}, got ${limit}`);
  }
  const filter = input.category ?? null;
  return db.query<TopItemRow>(SQL, [filter, filter, limit]);
}
