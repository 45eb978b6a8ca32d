/**
 * One item's daily history from the daily fact: only the file of the fact that holds the item is
 * read (see item-fact-source.ts), and the filter is on item_key cast to INTEGER, so the file's
 * row-group statistics skip every other item (DuckDB-WASM binds a JS number as DOUBLE, which
 * cannot use INTEGER statistics; string statistics keep only an 8-byte prefix of item_id).
 */
import { date, demand, itemKey, orders } from './gold-names.ts';
import type { ManifestTable } from '#schema/manifest.ts';
import { sql } from '#schema/sql.ts';
import type { Db } from '../db-port.ts';
import { itemFactSource } from '../item-fact-source.ts';

export interface ItemDailyRow {
  /** `yyyy-mm-dd`. */
  date: string;
  demand: number;
  orders: number;
}

/** `fact` is the manifest entry of fact_demand_daily, whose files carry item_key ranges. */
export function itemDaily(db: Db, fact: ManifestTable, key: number): Promise<ItemDailyRow[]> {
  if (!Number.isInteger(key)) throw new RangeError(`item_key must be an integer, got ${key}`);
  const text = sql`
SELECT strftime(f.${date}, '%Y-%m-%d') AS date, f.${demand} AS demand, f.${orders} AS orders
FROM ${itemFactSource(fact, key)} AS f
WHERE f.${itemKey} = CAST(? AS INTEGER)
ORDER BY f.${date}`;
  return db.query<ItemDailyRow>(text, [key]);
}
