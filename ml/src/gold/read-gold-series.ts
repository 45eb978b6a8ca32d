/**
 * The daily series and item attributes of the current gold build, read with native DuckDB from
 * the files its manifest names (the fact is a dense daily grid, so each item's list is gap-free).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlStringList, type DemandClass, type Manifest } from '#schema';
import { queryStep, type Layout } from '#builder';
import type { ItemMeta } from '../item-result.ts';
import type { Series } from '../series.ts';

export interface GoldSeries {
  series: Series[];
  items: Map<string, ItemMeta>;
}

const filesOf = (layout: Layout, manifest: Manifest, table: 'dim_item' | 'fact_demand_daily') =>
  sqlStringList(manifest.tables[table].files.map((file) => layout.resolve(file.path)));

export async function readGoldSeries(
  connection: DuckDBConnection,
  layout: Layout,
  manifest: Manifest,
): Promise<GoldSeries> {
  const items = await queryStep<{
    item_id: string;
    item_key: number;
    demand_class: DemandClass;
    lead_time_days: number | null;
  }>(
    connection,
    'ml.read_items',
    sql`SELECT item_id, item_key, demand_class, lead_time_days FROM read_parquet(${filesOf(layout, manifest, 'dim_item')}) ORDER BY item_key`,
  );
  const rows = await queryStep<{ item_id: string; start: string; demand: number[] }>(
    connection,
    'ml.read_series',
    sql`
SELECT item_id, strftime(min(date), '%Y-%m-%d') AS start, list(demand ORDER BY date) AS demand
FROM read_parquet(${filesOf(layout, manifest, 'fact_demand_daily')})
GROUP BY item_id
ORDER BY item_id`,
  );
  return {
    series: rows.map((row) => ({ itemId: row.item_id, start: row.start, values: row.demand.map(Number) })),
    items: new Map(
      items.map((item) => [
        item.item_id,
        {
          itemKey: item.item_key,
          demandClass: item.demand_class,
          leadTimeDays: item.lead_time_days ?? undefined,
        },
      ]),
    ),
  };
}
