/** The item categories present in dim_item, for the category filter. */
import { ident } from '../../../../../schema/ident.ts';
import type { Db } from '../db-port.ts';

export interface CategoryRow {
  category: string;
  item_count: number;
}

const item = ident('table', 'dim_item');
const category = ident('column', 'category');

const SQL = `
SELECT ${category} AS category, count(*) AS item_count
FROM ${item}
WHERE ${category} IS NOT NULL
GROUP BY ${category}
ORDER BY ${category}`;

export function categories(db: Db): Promise<CategoryRow[]> {
  return db.query<CategoryRow>(SQL);
}
