/** The item categories present in dim_item, for the category filter. */
import { item, category } from './gold-names.ts';
import type { Db } from '../db-port.ts';
import { sql } from '#schema/sql.ts';

export interface CategoryRow {
  category: string;
  item_count: number;
}

const SQL = sql`
SELECT ${category} AS category, count(*) AS item_count
FROM ${item}
WHERE ${category} IS NOT NULL
GROUP BY ${category}
ORDER BY ${category}`;

export function categories(db: Db): Promise<CategoryRow[]> {
  return db.query<CategoryRow>(SQL);
}
