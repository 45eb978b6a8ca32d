/**
 * The forecast rows the overview reads: for each item in `scope`, its selected model (fact_metrics
 * `is_selected`) and that model's latest forecast origin. Candidate models and older origins may
 * sit in fact_forecasts too; summing them would count an item's demand more than once.
 */
import { sql } from '#schema/sql.ts';
import {
  date,
  forecastOrigin,
  horizonDays,
  forecasts,
  isSelected,
  itemId,
  mase,
  metrics,
  model,
  reorderPoint,
  yhat,
  yhatLower,
  yhatUpper,
} from '../gold-names.ts';

/** `selected` (one row per item in scope) and `forecast` (its rows); needs `scope` before it. */
export const selectedForecastCtes = sql`selected AS (
  SELECT m.${itemId} AS item_id, any_value(m.${model}) AS model, any_value(m.${mase}) AS mase,
    any_value(m.${reorderPoint}) AS reorder_point
  FROM ${metrics} AS m
  WHERE m.${isSelected} AND m.${itemId} IN (SELECT item_id FROM scope)
  GROUP BY m.${itemId}
),
latest AS (
  SELECT fc.${itemId} AS item_id, max(fc.${forecastOrigin}) AS origin
  FROM ${forecasts} AS fc
  JOIN selected AS se ON se.item_id = fc.${itemId} AND se.model = fc.${model}
  GROUP BY fc.${itemId}
),
forecast AS (
  SELECT fc.${itemId}, fc.${date}, fc.${horizonDays}, fc.${yhat}, fc.${yhatLower}, fc.${yhatUpper}
  FROM ${forecasts} AS fc
  JOIN latest AS l ON l.item_id = fc.${itemId} AND l.origin = fc.${forecastOrigin}
  JOIN selected AS se ON se.item_id = fc.${itemId} AND se.model = fc.${model}
)`;
