/**
 * Demand per day, ISO week or month for the overview filters: value in BRL always, units only when
 * every item in scope shares one unit. Read from the per-category table (agg_category_daily, a few
 * thousand rows, exact for any days; a week or month source widens the range to its periods). A
 * period the range covers only in part (the first and last week or month, usually) is flagged
 * `partial`, so the chart can leave it out instead of showing a dive that is only missing days.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import { demandGrains, type DemandGrain } from '#schema/tables.ts';
import type { Db } from '../../db-port.ts';
import {
  categoryDemandCte,
  categoryDemandParams,
  inCategory,
  scopeCte,
  scopeParams,
  scopeUnit,
  spanCte,
  spanParams,
  type OverviewFilter,
} from './overview-filter.ts';
import { overviewPlan, wholePeriods } from './overview-range.ts';
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

function trendSql(grain: TrendGrain, finest: DemandGrain, filter: OverviewFilter): SqlText {
  return sql`
WITH ${spanCte(finest)},
${scopeCte},
${categoryDemandCte(finest, filter)},
periods AS (
  SELECT ${periodStart(grain, sql`cd.day`)} AS period_start, sum(cd.value_brl) AS value_brl,
    sum(cd.demand) AS units
  FROM category_demand AS cd
  WHERE ${inCategory(sql`cd.category`)}
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

/** `grains` as in overviewKpis; a grain the lakehouse does not store (days of a monthly export) is refused. */
export function demandTrend(
  db: Db,
  input: DemandTrendInput,
  grains: readonly DemandGrain[] = demandGrains,
): Promise<DemandTrendRow[]> {
  const grain = checkGrain(input.grain);
  const { finest } = overviewPlan(input, grains);
  if (!grains.includes(grain) && grains.length > 0) {
    throw new RangeError(`this lakehouse holds no ${grain} demand (grains: ${grains.join(', ')})`);
  }
  return db.query<DemandTrendRow>(trendSql(grain, finest, input), [
    ...spanParams(wholePeriods(input, finest)),
    ...scopeParams(input),
    ...categoryDemandParams(finest, input),
    ...scopeParams(input),
  ]);
}
