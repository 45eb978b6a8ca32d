/**
 * The forecast side of the overview's headline numbers, for the category filter (forecasts look
 * ahead of the actuals, so the date range does not apply): items at stock-out risk — forecast demand
 * over the item's lead time above its reorder point —, the median MASE of the selected models, and
 * when the forecast was made. `forecast_rows` and `selected_models` tell an empty ML output (not
 * yet computed) from a category where nothing is at risk.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import { forecastOrigin, forecasts, generatedAt, horizonDays, itemKey, yhat } from '../gold-names.ts';
import { keyRangeParams } from './overview-filter.ts';
import { selectedCte, selectedForecastRows, selectedParams, type ForecastFilter } from './selected-forecast.ts';

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
 * One pass over the selected models' forecast rows: demand over the lead time per item and origin,
 * the latest origin kept by a window over those few groups (a `latest` CTE would scan the
 * forecasts a second time). An item whose latest origin has no row inside its lead time sums to
 * NULL, which is never above the reorder point, as an item without such rows was never counted.
 */
function kpiSql(filter: ForecastFilter): SqlText {
  return sql`
WITH ${selectedCte(filter)},
over_lead_time AS (
  SELECT fc.${itemKey} AS item_key, any_value(se.reorder_point) AS reorder_point,
    sum(fc.${yhat}) FILTER (WHERE fc.${horizonDays} BETWEEN 1 AND se.lead_time_days) AS demand
  FROM ${selectedForecastRows(filter)}
  GROUP BY fc.${itemKey}, fc.${forecastOrigin}
  QUALIFY fc.${forecastOrigin} = max(fc.${forecastOrigin}) OVER (PARTITION BY fc.${itemKey})
)
SELECT
  (SELECT count(*) FROM ${forecasts}) AS forecast_rows,
  count(*) AS selected_models,
  count(se.reorder_point) AS items_with_policy,
  (SELECT count(*) FROM over_lead_time WHERE demand > reorder_point) AS stockout_risk_items,
  median(se.mase) AS median_mase,
  (SELECT max(${generatedAt}) FROM ${forecasts}) AS forecast_as_of
FROM selected AS se`;
}

/** One row. The item_key span in `filter.keys` only narrows what is read; the category decides. */
export function forecastKpis(db: Db, filter: ForecastFilter): Promise<ForecastKpiRow[]> {
  return db.query<ForecastKpiRow>(kpiSql(filter), [...selectedParams(filter), ...keyRangeParams(filter)]);
}
