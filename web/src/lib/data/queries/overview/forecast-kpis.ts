/**
 * The forecast side of the overview's headline numbers, for the category filter (forecasts look
 * ahead of the actuals, so the date range does not apply): items at stock-out risk — forecast demand
 * over the item's lead time above its reorder point —, the median MASE of the selected models, and
 * when the forecast was made. `forecast_rows` and `selected_models` tell an empty ML output (not
 * yet computed) from a category where nothing is at risk.
 */
import { sql } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import { forecasts, generatedAt, horizonDays, itemKey, yhat } from '../gold-names.ts';
import { scopeCte, scopeParams, type OverviewFilter } from './overview-filter.ts';
import { selectedForecastCtes } from './selected-forecast.ts';

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

const SQL = sql`
WITH ${scopeCte},
${selectedForecastCtes},
over_lead_time AS (
  SELECT fc.${itemKey} AS item_key, sum(fc.${yhat}) AS demand
  FROM forecast AS fc
  JOIN scope AS sc ON sc.item_key = fc.${itemKey}
  WHERE fc.${horizonDays} BETWEEN 1 AND sc.lead_time_days
  GROUP BY fc.${itemKey}
)
SELECT
  (SELECT count(*) FROM ${forecasts}) AS forecast_rows,
  (SELECT count(*) FROM selected) AS selected_models,
  (SELECT count(*) FROM selected WHERE reorder_point IS NOT NULL) AS items_with_policy,
  (SELECT count(*)
   FROM over_lead_time AS o
   JOIN selected AS se ON se.item_key = o.item_key
   WHERE o.demand > se.reorder_point) AS stockout_risk_items,
  (SELECT median(mase) FROM selected) AS median_mase,
  (SELECT max(${generatedAt}) FROM ${forecasts}) AS forecast_as_of`;

export function forecastKpis(db: Db, filter: Pick<OverviewFilter, 'category'>): Promise<ForecastKpiRow[]> {
  return db.query<ForecastKpiRow>(SQL, scopeParams(filter));
}
