/**
 * The forecast side of the overview's headline numbers, for the category filter (forecasts look
 * ahead of the actuals, so the date range does not apply): items at stock-out risk — forecast demand
 * over the item's lead time above its reorder point —, the median MASE of the selected models, and
 * when the forecast was made. `forecast_rows` and `selected_models` tell an empty ML output (not
 * yet computed) from a category where nothing is at risk.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import { forecasts, generatedAt, metrics } from '../gold-names.ts';
import { selectedCte, selectedParams, type ForecastFilter } from './selected-forecast.ts';

export interface ForecastKpiRow {
  forecast_rows: number;
  selected_models: number;
  /** Items in scope whose selected model has a reorder point. */
  items_with_policy: number;
  stockout_risk_items: number;
  /** Null when no selected model has a MASE. */
  median_mase: number | null;
  /** ISO timestamp of the newest forecast, or null. */
  forecast_as_of: string | null;
}

/**
 * Only fact_metrics and dim_item are read: the demand over the lead time is stored with the
 * selected model (fact_metrics.lead_time_demand, derived from the selected model's latest origin
 * when the forecast tables are written), and the forecast job stamps both ML tables with one
 * generated_at, so the newest is taken from the small one. Of fact_forecasts only the row count
 * is asked, which the Parquet footers answer. A NULL lead-time demand is never above the point.
 */
function kpiSql(filter: ForecastFilter): SqlText {
  return sql`
WITH ${selectedCte(filter)}
SELECT
  (SELECT count(*) FROM ${forecasts}) AS forecast_rows,
  count(*) AS selected_models,
  count(se.reorder_point) AS items_with_policy,
  count(*) FILTER (WHERE se.lead_time_demand > se.reorder_point) AS stockout_risk_items,
  median(se.mase) AS median_mase,
  (SELECT max(${generatedAt}) FROM ${metrics}) AS forecast_as_of
FROM selected AS se`;
}

/** One row. The item_key span in `filter.keys` only narrows what is read; the category decides. */
export function forecastKpis(db: Db, filter: ForecastFilter): Promise<ForecastKpiRow[]> {
  return db.query<ForecastKpiRow>(kpiSql(filter), selectedParams(filter));
}
