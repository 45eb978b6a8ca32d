/**
 * One item's attributes, found by the item_id a link carries. Links name the item_id because
 * item_key is only stable inside one build; every other item query then filters by the key.
 */
import {
  item,
  itemId,
  itemKey,
  name,
  category,
  unit,
  unitCost,
  leadTime,
  supplier,
  abcClass,
  demandClass,
} from '../gold-names.ts';
import type { DimItemRow } from '#schema/tables.ts';
import type { Db } from '../../db-port.ts';
import { sql } from '#schema/sql.ts';

const SQL = sql`
SELECT ${itemKey} AS item_key, ${itemId} AS item_id, ${name} AS name, ${category} AS category,
  ${unit} AS unit, ${unitCost} AS unit_cost_brl, ${leadTime} AS lead_time_days,
  ${supplier} AS supplier, ${abcClass} AS abc_class, ${demandClass} AS demand_class
FROM ${item}
WHERE ${itemId} = CAST(? AS VARCHAR)`;

/** At most one row: dim_item has one row per item_id. */
export function itemById(db: Db, id: string): Promise<DimItemRow[]> {
  return db.query<DimItemRow>(SQL, [id]);
}
