/**
 * The series at the finest grain of the current gold build and the item attributes, read with
 * native DuckDB from the files its manifest names (the demand tables are dense grids, so each
 * item's list is gap-free).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  demandTableOfGrain,
  ident,
  sql,
  sqlStringList,
  type DemandClass,
  type GoldTableId,
  type Manifest,
} from '#schema';
import { queryStep, type Layout } from '#builder';
import type { ItemMeta } from '../item-result.ts';
import type { Period, Series } from '../series.ts';

export interface GoldSeries {
  /** The finest grain gold holds (a monthly ERP export has only months). */
  period: Period;
  series: Series[];
  items: Map<string, ItemMeta>;
}

const filesOf = (layout: Layout, manifest: Manifest, table: GoldTableId) =>
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
  const period = manifest.grains[0] ?? 'day';
  const table = demandTableOfGrain[period];
  const dateColumn = ident('column', { day: 'date', week: 'week_start', month: 'month_start' }[period]);
  const rows = await queryStep<{ item_id: string; start: string; demand: number[] }>(
    connection,
    'ml.read_series',
    sql`
SELECT item_id, strftime(min(${dateColumn}), '%Y-%m-%d') AS start, list(demand ORDER BY ${dateColumn}) AS demand
FROM read_parquet(${filesOf(layout, manifest, table)})
GROUP BY item_id
ORDER BY item_id`,
  );
  return {
    period,
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
