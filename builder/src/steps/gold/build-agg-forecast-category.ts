/**
 * agg_forecast_category: the forecast band the overview draws, per category and forecast day —
 * the selected models' latest forecasts (yhat and its 80 % interval) summed over the category's
 * items, in units and valued at dim_item's unit cost. The overview's trend reads these few hundred
 * rows instead of every row of fact_forecasts. Built wherever the forecast tables are written (the
 * forecast job, and a rebuild that carries them over to a new dim_item, whose categories and costs
 * may have changed), so it always agrees with them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString } from '#schema';
import { queryStep } from '../../db.ts';
import { parquetOptions } from './parquet-options.ts';

export interface ForecastAggregateFiles {
  forecasts: string;
  metrics: string;
  dimItem: string;
  target: string;
}

/**
 * Only the selected model's latest origin counts, as in fact_metrics.lead_time_demand: older runs
 * and candidate models may sit in fact_forecasts too, and summing them would count an item twice.
 */
const AGG_SQL = (files: ForecastAggregateFiles) => sql`
COPY (
  WITH selected AS (
    SELECT m.item_key, m.model, i.category, i.unit_cost_brl
    FROM read_parquet(${sqlString(files.metrics)}) AS m
    JOIN read_parquet(${sqlString(files.dimItem)}) AS i ON i.item_key = m.item_key
    WHERE m.is_selected
  ),
  latest AS (
    SELECT fc.item_key, max(fc.forecast_origin) AS origin
    FROM read_parquet(${sqlString(files.forecasts)}) AS fc
    JOIN selected AS se ON se.item_key = fc.item_key AND se.model = fc.model
    GROUP BY fc.item_key
  )
  SELECT
    CAST(se.category AS VARCHAR) AS category,
    CAST(fc.date AS DATE) AS date,
    CAST(sum(fc.yhat_lower) AS DOUBLE) AS yhat_lower,
    CAST(sum(fc.yhat) AS DOUBLE) AS yhat,
    CAST(sum(fc.yhat_upper) AS DOUBLE) AS yhat_upper,
    CAST(sum(fc.yhat_lower * se.unit_cost_brl) AS DOUBLE) AS value_low,
    CAST(sum(fc.yhat * se.unit_cost_brl) AS DOUBLE) AS value_mid,
    CAST(sum(fc.yhat_upper * se.unit_cost_brl) AS DOUBLE) AS value_high,
    CAST(count(DISTINCT fc.item_key) AS INTEGER) AS items
  FROM read_parquet(${sqlString(files.forecasts)}) AS fc
  JOIN selected AS se ON se.item_key = fc.item_key AND se.model = fc.model
  JOIN latest AS l ON l.item_key = fc.item_key AND l.origin = fc.forecast_origin
  GROUP BY se.category, fc.date
  ORDER BY date, category
) TO ${sqlString(files.target)} ${parquetOptions()}`;

export async function buildAggForecastCategory(
  connection: DuckDBConnection,
  files: ForecastAggregateFiles,
): Promise<{ rows: number }> {
  const [result] = await queryStep<{ Count: number }>(
    connection,
    'gold.agg_forecast_category',
    AGG_SQL(files),
  );
  return { rows: result?.Count ?? 0 };
}
