/**
 * What the item and accuracy pages must show, computed independently of the app: the test's own
 * SQL, run by native DuckDB straight on the lakehouse's Parquet files (no app query, no view).
 */
import { sqlStringList } from '#schema/literal.ts';
import { sql } from '#schema/sql.ts';
import { openNodeDb } from '#support/node-db.ts';

export interface LakehouseFiles {
  items: readonly string[];
  fact: readonly string[];
  forecasts: readonly string[];
  metrics: readonly string[];
}

async function run<R>(text: string, params: unknown[] = []): Promise<R[]> {
  const db = await openNodeDb({});
  try {
    return await db.query<R>(text, params);
  } finally {
    db.close();
  }
}

export interface NativeMetric {
  model: string;
  mase: number;
  is_selected: boolean;
  safety_stock: number | null;
  reorder_point: number | null;
}

export function nativeItem(f: LakehouseFiles, itemId: string) {
  return run<{
    item_id: string;
    name: string;
    supplier: string;
    unit: string;
    lead_time_days: number;
    unit_cost_brl: number;
  }>(
    sql`SELECT item_id, name, supplier, unit, lead_time_days, unit_cost_brl FROM read_parquet(${sqlStringList(f.items)}) WHERE item_id = ?`,
    [itemId],
  );
}

export function nativeItemIds(f: LakehouseFiles) {
  return run<{ item_id: string }>(
    sql`SELECT item_id FROM read_parquet(${sqlStringList(f.items)}) ORDER BY item_id`,
  );
}

export function nativeMetrics(f: LakehouseFiles, itemId: string) {
  return run<NativeMetric>(
    sql`SELECT model, mase, is_selected, safety_stock, reorder_point FROM read_parquet(${sqlStringList(f.metrics)})
     WHERE item_id = ? ORDER BY mase, model`,
    [itemId],
  );
}

/** Demand per calendar month from the daily fact (not the monthly table the app reads). */
export function nativeMonthlyDemand(f: LakehouseFiles, itemId: string) {
  return run<{ period: string; units: number }>(
    sql`SELECT strftime(date_trunc('month', date), '%Y-%m-%d') AS period, sum(demand) AS units
     FROM read_parquet(${sqlStringList(f.fact)}) WHERE item_id = ? GROUP BY 1 ORDER BY 1`,
    [itemId],
  );
}

/** The selected model's forecast summed per ISO week. */
export function nativeWeeklyForecast(f: LakehouseFiles, itemId: string) {
  return run<{ period: string; yhat: number; lower: number; upper: number }>(
    sql`SELECT strftime(date_trunc('week', fc.date), '%Y-%m-%d') AS period, sum(fc.yhat) AS yhat,
       sum(fc.yhat_lower) AS lower, sum(fc.yhat_upper) AS upper
     FROM read_parquet(${sqlStringList(f.forecasts)}) AS fc
     JOIN read_parquet(${sqlStringList(f.metrics)}) AS m ON m.item_id = fc.item_id AND m.model = fc.model AND m.is_selected
     WHERE fc.item_id = ? GROUP BY 1 ORDER BY 1`,
    [itemId],
  );
}

export interface NativeLeaderRow {
  demand_class: string | null;
  model: string;
  mean_mase: number;
  selected_items: number;
}

/** Per class and model, then per model over all classes (two plain GROUP BYs, no grouping sets). */
export function nativeLeaderboard(f: LakehouseFiles) {
  const m = sqlStringList(f.metrics);
  return run<NativeLeaderRow>(
    sql`SELECT demand_class, model, avg(mase) AS mean_mase, sum(CASE WHEN is_selected THEN 1 ELSE 0 END) AS selected_items
     FROM read_parquet(${m}) GROUP BY demand_class, model
     UNION ALL
     SELECT NULL, model, avg(mase), sum(CASE WHEN is_selected THEN 1 ELSE 0 END) FROM read_parquet(${m}) GROUP BY model`,
  );
}

export function nativeMaseBins(f: LakehouseFiles, width: number, bins: number) {
  return run<{ bin: number; items: number }>(
    sql`SELECT least(CAST(floor(mase / CAST(? AS DOUBLE)) AS INTEGER), CAST(? AS INTEGER) - 1) AS bin, count(*) AS items
     FROM read_parquet(${sqlStringList(f.metrics)})
     WHERE is_selected AND mase IS NOT NULL AND isfinite(mase) AND mase >= 0 GROUP BY 1 ORDER BY 1`,
    [width, bins],
  );
}

export function nativeWorst(f: LakehouseFiles, limit: number) {
  return run<{ item_id: string; mase: number }>(
    sql`SELECT item_id, mase FROM read_parquet(${sqlStringList(f.metrics)})
     WHERE is_selected AND mase IS NOT NULL AND isfinite(mase)
     ORDER BY mase DESC, item_id LIMIT ?`,
    [limit],
  );
}
