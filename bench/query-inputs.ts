/** The parameter values of the query set, taken from the lakehouse itself (native DuckDB, once). */
import type { Manifest } from '#schema/manifest.ts';
import { openNodeDb } from '#support/node-db.ts';
import type { QueryInputs } from './queries.ts';

// The middle item of the sort order: its rows sit mid-file, neither in the first nor the last row group.
// The app looks an item's key up in the small dim_item first, then filters the fact by the integer.
const MIDDLE_ITEM_SQL = `
SELECT item_id, item_key
FROM dim_item
WHERE item_id = (SELECT quantile_disc(item_id, 0.5) FROM dim_item)`;

export async function queryInputs(itemsFile: string, manifest: Manifest): Promise<QueryInputs> {
  const db = await openNodeDb({ dim_item: itemsFile });
  try {
    const [row] = await db.query<{ item_id: string; item_key: number }>(MIDDLE_ITEM_SQL);
    if (!row) throw new Error('dim_item is empty');
    return { itemId: row.item_id, itemKey: row.item_key, lastDate: manifest.summary.actuals_through };
  } finally {
    db.close();
  }
}
