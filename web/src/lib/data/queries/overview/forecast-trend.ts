/**
 * The forecast band that continues the demand trend: per period, yhat and its 80 % interval
 * (yhat_lower, yhat_upper) summed over the items in scope, valued in BRL and, when every item
 * shares one unit, in units. Periods the forecast covers only in part are flagged `partial`.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import { date, itemKey, yhat, yhatLower, yhatUpper } from '../gold-names.ts';
import { scopeCte, scopeParams, scopeUnit, type OverviewFilter } from './overview-filter.ts';
import { selectedForecastCtes } from './selected-forecast.ts';
import { checkGrain, periodEnd, periodStart, type TrendGrain } from './trend-grain.ts';

export interface ForecastTrendInput extends Pick<OverviewFilter, 'category'> {
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

function forecastSql(grain: TrendGrain): SqlText {
  const start = periodStart(grain, sql`fc.${date}`);
  return sql`
WITH ${scopeCte},
${selectedForecastCtes},
span AS (
  SELECT min(${date}) AS first_day, max(${date}) AS last_day
  FROM forecast
),
periods AS (
  SELECT ${start} AS period_start,
    sum(fc.${yhatLower} * sc.unit_cost_brl) AS value_low,
    sum(fc.${yhat} * sc.unit_cost_brl) AS value_mid,
    sum(fc.${yhatUpper} * sc.unit_cost_brl) AS value_high,
    sum(fc.${yhatLower}) AS units_low,
    sum(fc.${yhat}) AS units_mid,
    sum(fc.${yhatUpper}) AS units_high
  FROM forecast AS fc
  JOIN scope AS sc ON sc.item_key = fc.${itemKey}
  GROUP BY period_start
)
SELECT
  strftime(p.period_start, '%Y-%m-%d') AS period,
  p.value_low, p.value_mid, p.value_high,
  CASE WHEN ${scopeUnit} IS NOT NULL THEN p.units_low END AS units_low,
  CASE WHEN ${scopeUnit} IS NOT NULL THEN p.units_mid END AS units_mid,
  CASE WHEN ${scopeUnit} IS NOT NULL THEN p.units_high END AS units_high,
  (p.period_start < s.first_day OR ${periodEnd(grain, sql`p.period_start`)} > s.last_day) AS partial
FROM periods AS p
CROSS JOIN span AS s
ORDER BY p.period_start`;
}

export function forecastTrend(db: Db, input: ForecastTrendInput): Promise<ForecastTrendRow[]> {
  const grain = checkGrain(input.grain);
  return db.query<ForecastTrendRow>(forecastSql(grain), scopeParams(input));
}
