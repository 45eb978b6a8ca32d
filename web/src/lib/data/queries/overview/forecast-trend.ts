/**
 * The forecast band that continues the demand trend: per period, yhat and its 80 % interval
 * (yhat_lower, yhat_upper) summed over the items in scope, valued in BRL and, when every item
 * shares one unit, in units. Periods the forecast covers only in part are flagged `partial`.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import { date, forecastOrigin, itemKey, yhat, yhatLower, yhatUpper } from '../gold-names.ts';
import { keyRangeParams, scopeCte, scopeParams, scopeUnit } from './overview-filter.ts';
import {
  latestOriginCte,
  selectedCte,
  selectedForecastRows,
  selectedParams,
  type ForecastFilter,
} from './selected-forecast.ts';
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
 * Two scans of fact_forecasts (the latest origins, then the periods); the forecast's first and
 * last day come from the periods themselves, and the shared unit from one join with `scope`, so
 * no CTE that reads a Parquet file is evaluated twice.
 */
const latestJoin = sql`
  JOIN latest AS l ON l.item_key = fc.${itemKey} AND l.origin = fc.${forecastOrigin}`;

function forecastSql(grain: TrendGrain, filter: ForecastFilter): SqlText {
  const start = periodStart(grain, sql`fc.${date}`);
  return sql`
WITH ${scopeCte},
${selectedCte(filter)},
${latestOriginCte(filter)},
periods AS (
  SELECT ${start} AS period_start,
    sum(fc.${yhatLower} * se.unit_cost_brl) AS value_low,
    sum(fc.${yhat} * se.unit_cost_brl) AS value_mid,
    sum(fc.${yhatUpper} * se.unit_cost_brl) AS value_high,
    sum(fc.${yhatLower}) AS units_low,
    sum(fc.${yhat}) AS units_mid,
    sum(fc.${yhatUpper}) AS units_high,
    min(fc.${date}) AS first_day,
    max(fc.${date}) AS last_day
  FROM ${selectedForecastRows(filter, latestJoin)}
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

export function forecastTrend(db: Db, input: ForecastTrendInput): Promise<ForecastTrendRow[]> {
  const grain = checkGrain(input.grain);
  return db.query<ForecastTrendRow>(forecastSql(grain, input), [
    ...scopeParams(input),
    ...selectedParams(input),
    ...keyRangeParams(input),
    ...keyRangeParams(input),
  ]);
}
