/**
 * One item's latest forecast, summed to the chart's grain: the selected model's (is_selected in
 * fact_metrics), or the first model by name when no model is marked selected yet. Over a week or
 * a month the band is the sum of the daily 80 % bounds, which is wider than the period's own 80 %
 * interval (errors of different days partly cancel): a conservative band, labelled as such.
 */
import { forecasts, metrics, date, itemKey, yhat, yhatLower, yhatUpper, model, forecastOrigin, isSelected } from '../gold-names.ts';
import type { Db } from '../../db-port.ts';
import { sql, type SqlText } from '#schema/sql.ts';
import { isItemGrain, type ItemGrain } from './item-history.ts';

export interface ItemForecastInput {
  itemKey: number;
  grain: ItemGrain;
}

export interface ItemForecastRow {
  /** First day of the period, `yyyy-mm-dd`. */
  period: string;
  yhat: number;
  yhat_lower: number;
  yhat_upper: number;
  /** Forecast days in the period: fewer than its length where the horizon starts or ends. */
  days: number;
  model: string;
  forecast_origin: string;
}

const periodOf: Record<ItemGrain, SqlText> = {
  day: sql`f.${date}`,
  week: sql`CAST(date_trunc('week', f.${date}) AS DATE)`,
  month: sql`CAST(date_trunc('month', f.${date}) AS DATE)`,
};

// The item key is bound twice (forecasts, then metrics), both as INTEGER.
function forecastSql(grain: ItemGrain): SqlText {
  return sql`
WITH item_forecasts AS (
  SELECT ${date}, ${yhat}, ${yhatLower}, ${yhatUpper}, ${model}, ${forecastOrigin}
  FROM ${forecasts}
  WHERE ${itemKey} = CAST(? AS INTEGER)
),
latest AS (
  SELECT max(${forecastOrigin}) AS origin
  FROM item_forecasts
),
chosen AS (
  SELECT coalesce(
    (SELECT min(${model}) FROM ${metrics} WHERE ${itemKey} = CAST(? AS INTEGER) AND ${isSelected}),
    (SELECT min(f.${model}) FROM item_forecasts AS f, latest AS l WHERE f.${forecastOrigin} = l.origin)
  ) AS model
)
SELECT strftime(${periodOf[grain]}, '%Y-%m-%d') AS period,
  sum(f.${yhat}) AS yhat, sum(f.${yhatLower}) AS yhat_lower, sum(f.${yhatUpper}) AS yhat_upper,
  count(*) AS days, min(f.${model}) AS model, strftime(min(f.${forecastOrigin}), '%Y-%m-%d') AS forecast_origin
FROM item_forecasts AS f
CROSS JOIN latest AS l
CROSS JOIN chosen AS c
WHERE f.${forecastOrigin} = l.origin AND f.${model} = c.model
GROUP BY period
ORDER BY period`;
}

export function itemForecast(db: Db, input: ItemForecastInput): Promise<ItemForecastRow[]> {
  if (!isItemGrain(input.grain)) throw new RangeError(`unknown grain "${String(input.grain)}"`);
  if (!Number.isInteger(input.itemKey)) throw new RangeError(`item key must be an integer, got ${input.itemKey}`);
  const key = input.itemKey;
  return db.query<ItemForecastRow>(forecastSql(input.grain), [key, key]);
}
