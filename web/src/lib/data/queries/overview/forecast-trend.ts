/**
 * The forecast band that continues the demand trend: per period, yhat and its 80 % interval
 * (yhat_lower, yhat_upper) summed over the items in scope, valued in BRL and, when every item
 * shares one unit, in units. Periods the forecast covers only in part are flagged `partial`.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import {
  category,
  date,
  forecastCategory,
  valueHigh,
  valueLow,
  valueMid,
  yhat,
  yhatLower,
  yhatUpper,
} from '../gold-names.ts';
import { inCategory, keyRangeParams, scopeCte, scopeParams, scopeUnit } from './overview-filter.ts';
import type { ForecastFilter } from './selected-forecast.ts';
import { checkGrain, periodEnd, periodStart, type TrendGrain } from './trend-grain.ts';

export interface ForecastTrendInput extends ForecastFilter {
  grain: TrendGrain;
}

export interface ForecastTrendRow {
  period: string;
  value_low: number;
  value_mid: number;
  value_high: number;
  /** Null when the items in scope mix units. */
  units_low: number | null;
  units_mid: number | null;
  units_high: number | null;
  partial: boolean;
}

/**
 * Read from agg_forecast_category (the selected models' latest forecasts per category and day,
 * derived when the forecast tables are written), not from fact_forecasts: a few hundred rows. The
 * forecast's first and last day come from the periods themselves, the shared unit from `scope`
 * (dim_item). The category's key span is not needed: the table holds no items.
 */
function forecastSql(grain: TrendGrain): SqlText {
  const start = periodStart(grain, sql`fc.${date}`);
  return sql`
WITH ${scopeCte},
periods AS (
  SELECT ${start} AS period_start,
    sum(fc.${valueLow}) AS value_low,
    sum(fc.${valueMid}) AS value_mid,
    sum(fc.${valueHigh}) AS value_high,
    sum(fc.${yhatLower}) AS units_low,
    sum(fc.${yhat}) AS units_mid,
    sum(fc.${yhatUpper}) AS units_high,
    min(fc.${date}) AS first_day,
    max(fc.${date}) AS last_day
  FROM ${forecastCategory} AS fc
  WHERE ${inCategory(sql`fc.${category}`)}
  GROUP BY period_start
)
SELECT
  strftime(p.period_start, '%Y-%m-%d') AS period,
  p.value_low, p.value_mid, p.value_high,
  CASE WHEN u.unit IS NOT NULL THEN p.units_low END AS units_low,
  CASE WHEN u.unit IS NOT NULL THEN p.units_mid END AS units_mid,
  CASE WHEN u.unit IS NOT NULL THEN p.units_high END AS units_high,
  (p.period_start < min(p.first_day) OVER () OR ${periodEnd(grain, sql`p.period_start`)} > max(p.last_day) OVER ())
    AS partial
FROM periods AS p
CROSS JOIN (SELECT ${scopeUnit} AS unit) AS u
ORDER BY p.period_start`;
}

/**
 * `input.keys` is accepted for the page's one filter shape and checked as every overview query
 * checks it, though the table holds no items to bind it on; the category alone decides.
 */
export function forecastTrend(db: Db, input: ForecastTrendInput): Promise<ForecastTrendRow[]> {
  const grain = checkGrain(input.grain);
  keyRangeParams(input);
  return db.query<ForecastTrendRow>(forecastSql(grain), [...scopeParams(input), ...scopeParams(input)]);
}
