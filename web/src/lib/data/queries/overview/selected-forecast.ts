/**
 * The forecast rows the overview reads: for each item in `scope`, its selected model (fact_metrics
 * `is_selected`) and that model's latest forecast origin. Candidate models and older origins may
 * sit in fact_forecasts too; summing them would count an item's demand more than once. Joined on
 * item_key (INTEGER), as both forecast tables carry it: cheaper than comparing item_id strings.
 */
import { sql } from '#schema/sql.ts';
import {
  date,
  forecastOrigin,
  horizonDays,
  forecasts,
  isSelected,
  itemKey,
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
  SELECT m.${itemKey} AS item_key, any_value(m.${model}) AS model, any_value(m.${mase}) AS mase,
    any_value(m.${reorderPoint}) AS reorder_point
  FROM ${metrics} AS m
  WHERE m.${isSelected} AND m.${itemKey} IN (SELECT item_key FROM scope)
  GROUP BY m.${itemKey}
),
latest AS (
  SELECT fc.${itemKey} AS item_key, max(fc.${forecastOrigin}) AS origin
  FROM ${forecasts} AS fc
  JOIN selected AS se ON se.item_key = fc.${itemKey} AND se.model = fc.${model}
  GROUP BY fc.${itemKey}
),
forecast AS (
  SELECT fc.${itemKey}, fc.${date}, fc.${horizonDays}, fc.${yhat}, fc.${yhatLower}, fc.${yhatUpper}
  FROM ${forecasts} AS fc
  JOIN latest AS l ON l.item_key = fc.${itemKey} AND l.origin = fc.${forecastOrigin}
  JOIN selected AS se ON se.item_key = fc.${itemKey} AND se.model = fc.${model}
)`;
