/**
 * Consistency for what is derived from the forecast tables, like the conservation check for the
 * demand grains: fact_metrics.lead_time_demand and agg_forecast_category, read back from the files
 * just written, must sum to what the selected models' latest forecast rows give when summed again
 * from fact_forecasts here (the latest origin found per item another way, by a correlated max). A
 * gap means a derivation counted a candidate model or an old run, or lost an item: the build fails
 * before anything is published.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString } from '#schema';
import { queryStep } from '../../db.ts';
import { StepError } from '../../errors.ts';
import { exactSum } from './exact-sum.ts';

const STEP = 'gold.forecast_consistency';

export interface ForecastDerivationFiles {
  forecasts: string;
  metrics: string;
  dimItem: string;
  aggregate: string;
}

interface Totals {
  lead_time_demand: number;
  lead_time_items: number;
  units: number;
  value: number;
  aggregate_lead_time_demand: number;
  aggregate_lead_time_items: number;
  aggregate_units: number;
  aggregate_value: number;
}

const TOTALS_SQL = (files: ForecastDerivationFiles) => sql`
WITH latest_rows AS (
  SELECT fc.item_key, fc.horizon_days, fc.yhat, i.unit_cost_brl, i.lead_time_days
  FROM read_parquet(${sqlString(files.forecasts)}) AS fc
  JOIN read_parquet(${sqlString(files.metrics)}) AS m
    ON m.item_key = fc.item_key AND m.model = fc.model AND m.is_selected
  JOIN read_parquet(${sqlString(files.dimItem)}) AS i ON i.item_key = fc.item_key
  WHERE fc.forecast_origin = (
    SELECT max(o.forecast_origin) FROM read_parquet(${sqlString(files.forecasts)}) AS o
    WHERE o.item_key = fc.item_key AND o.model = fc.model)
),
in_lead_time AS (SELECT * FROM latest_rows WHERE horizon_days BETWEEN 1 AND lead_time_days)
SELECT
  coalesce((SELECT ${exactSum(sql`yhat`)} FROM in_lead_time), 0) AS lead_time_demand,
  (SELECT count(DISTINCT item_key) FROM in_lead_time) AS lead_time_items,
  coalesce((SELECT ${exactSum(sql`yhat`)} FROM latest_rows), 0) AS units,
  coalesce((SELECT ${exactSum(sql`yhat * unit_cost_brl`)} FROM latest_rows), 0) AS value,
  coalesce((SELECT ${exactSum(sql`lead_time_demand`)} FROM read_parquet(${sqlString(files.metrics)})), 0)
    AS aggregate_lead_time_demand,
  (SELECT count(lead_time_demand) FROM read_parquet(${sqlString(files.metrics)})) AS aggregate_lead_time_items,
  coalesce((SELECT ${exactSum(sql`yhat`)} FROM read_parquet(${sqlString(files.aggregate)})), 0) AS aggregate_units,
  coalesce((SELECT ${exactSum(sql`value_mid`)} FROM read_parquet(${sqlString(files.aggregate)})), 0)
    AS aggregate_value`;

/** Sums of doubles taken in another order differ in the last bits; a real gap is far larger. */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export async function checkForecastDerivations(
  connection: DuckDBConnection,
  files: ForecastDerivationFiles,
): Promise<void> {
  const [totals] = await queryStep<Record<keyof Totals, number>>(connection, STEP, TOTALS_SQL(files));
  if (!totals) throw new StepError(STEP, 'forecast consistency: no totals');
  const problems: string[] = [];
  const pairs: [string, number, number][] = [
    ['fact_metrics.lead_time_demand', totals.aggregate_lead_time_demand, totals.lead_time_demand],
    ['items with a lead_time_demand', totals.aggregate_lead_time_items, totals.lead_time_items],
    ['agg_forecast_category.yhat', totals.aggregate_units, totals.units],
    ['agg_forecast_category.value_mid', totals.aggregate_value, totals.value],
  ];
  for (const [what, derived, recomputed] of pairs) {
    if (!same(Number(derived), Number(recomputed))) {
      problems.push(`${what} sums to ${derived}, the selected forecasts to ${recomputed}`);
    }
  }
  if (problems.length > 0) {
    throw new StepError(STEP, `forecast derivations disagree with fact_forecasts: ${problems.join('; ')}`);
  }
}
