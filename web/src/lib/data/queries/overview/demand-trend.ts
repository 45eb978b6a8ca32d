/**
 * Demand per day, ISO week or month for the overview filters: value in BRL always, units only when
 * every item in scope shares one unit. A period the range covers only in part (the first and last
 * week or month, usually) is flagged `partial`, so the chart can leave it out instead of showing
 * a dive that is only missing days.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import { date, demand, fact, itemKey } from '../gold-names.ts';
import { scopeCte, scopeParams, scopeUnit, spanCte, spanParams, type OverviewFilter } from './overview-filter.ts';
import { checkGrain, periodEnd, periodStart, type TrendGrain } from './trend-grain.ts';

export interface DemandTrendInput extends OverviewFilter {
  grain: TrendGrain;
}

export interface DemandTrendRow {
  /** First day of the period, `yyyy-mm-dd`. */
  period: string;
  value_brl: number;
  /** Null when the items in scope mix units. */
  units: number | null;
  /** True when the range holds only some of the period's days. */
  partial: boolean;
}

function trendSql(grain: TrendGrain): SqlText {
  const start = periodStart(grain, sql`d.day`);
  return sql`
WITH ${spanCte},
${scopeCte},
daily AS (
  SELECT f.${date} AS day, sum(f.${demand}) AS units, sum(f.${demand} * sc.unit_cost_brl) AS value_brl
  FROM ${fact} AS f
  JOIN scope AS sc ON sc.item_key = f.${itemKey}
  CROSS JOIN span AS s
  WHERE f.${date} BETWEEN s.first_day AND s.last_day
  GROUP BY f.${date}
),
periods AS (
  SELECT ${start} AS period_start, sum(d.value_brl) AS value_brl, sum(d.units) AS units
  FROM daily AS d
  GROUP BY period_start
)
SELECT
  strftime(p.period_start, '%Y-%m-%d') AS period,
  p.value_brl,
  CASE WHEN ${scopeUnit} IS NOT NULL THEN p.units END AS units,
  (p.period_start < s.first_day OR ${periodEnd(grain, sql`p.period_start`)} > s.last_day) AS partial
FROM periods AS p
CROSS JOIN span AS s
ORDER BY p.period_start`;
}

export function demandTrend(db: Db, input: DemandTrendInput): Promise<DemandTrendRow[]> {
  const grain = checkGrain(input.grain);
  return db.query<DemandTrendRow>(trendSql(grain), [...spanParams(input), ...scopeParams(input)]);
}
