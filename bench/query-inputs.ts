/** The inputs of the dashboard query set, taken from the lakehouse itself (native DuckDB, once). */
import type { Manifest } from '#schema/manifest.ts';
import { openNodeDb } from '#support/node-db.ts';
import { categories } from '#web-data';
import type { DashboardInputs } from './dashboard-queries.ts';

// The middle item of the sort order: its rows sit mid-file, neither in the first nor the last row group.
const MIDDLE_ITEM_SQL = `
SELECT item_id, item_key, category, name
FROM dim_item
WHERE item_id = (SELECT quantile_disc(item_id, 0.5) FROM dim_item)`;

/** The filtered overview's window: the last 90 days, as the app's daily trend shows by default. */
const FILTERED_DAYS = 90;

function daysBefore(iso: string, days: number): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return day.toISOString().slice(0, 10);
}

export async function queryInputs(itemsFile: string, manifest: Manifest): Promise<DashboardInputs> {
  const db = await openNodeDb({ dim_item: itemsFile });
  try {
    const [row] = await db.query<{ item_id: string; item_key: number; category: string; name: string }>(
      MIDDLE_ITEM_SQL,
    );
    if (!row) throw new Error('dim_item is empty');
    const categoryRow = (await categories(db)).find((candidate) => candidate.category === row.category);
    if (!categoryRow) throw new Error(`category ${row.category} is not in the category list`);
    const lastDate = manifest.summary.actuals_through;
    return {
      itemId: row.item_id,
      itemKey: row.item_key,
      category: row.category,
      categoryKeys: { first: categoryRow.first_key, last: categoryRow.last_key },
      searchText: row.name.split(/\s+/)[0] ?? row.item_id,
      lastDate,
      from: daysBefore(lastDate, FILTERED_DAYS - 1),
      dailyFact: manifest.tables.fact_demand_daily,
      grains: manifest.grains,
    };
  } finally {
    db.close();
  }
}
