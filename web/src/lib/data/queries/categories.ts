/**
 * The item categories present in dim_item, for the category filter. Each carries the item_key span
 * of its items: the overview queries bind it as a range on the facts (sorted by item_key), the one
 * filter DuckDB 0.9 can skip row groups with; a semi-join on the category's items cannot.
 */
import { item, category, itemKey } from './gold-names.ts';
import type { Db } from '../db-port.ts';
import { sql } from '#schema/sql.ts';

export interface CategoryRow {
  category: string;
  item_count: number;
  /** The lowest and highest item_key of the category's items. */
  first_key: number;
  last_key: number;
}

const SQL = sql`
SELECT ${category} AS category, count(*) AS item_count, min(${itemKey}) AS first_key,
  max(${itemKey}) AS last_key
FROM ${item}
WHERE ${category} IS NOT NULL
GROUP BY ${category}
ORDER BY ${category}`;

export function categories(db: Db): Promise<CategoryRow[]> {
  return db.query<CategoryRow>(SQL);
}
