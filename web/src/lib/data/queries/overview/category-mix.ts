/**
 * Each category's share of the demand value in the overview range. Every category is listed
 * whatever the category filter, so the selected one can be seen against the rest. Read from the
 * per-category table (exact for any days); a week or month source widens the range to its periods.
 */
import { sql, type SqlText } from '#schema/sql.ts';
import { demandGrains, type DemandGrain } from '#schema/tables.ts';
import type { Db } from '../../db-port.ts';
import { categoryDemandCte, spanCte, spanParams, type OverviewFilter } from './overview-filter.ts';
import { overviewPlan, wholePeriods } from './overview-range.ts';

export interface CategoryMixRow {
  category: string;
  value_brl: number;
  /** This category's part of the value of all categories, 0 to 1. */
  share: number;
}

function mixSql(finest: DemandGrain): SqlText {
  return sql`
WITH ${spanCte(finest)},
${categoryDemandCte(finest)},
per_category AS (
  SELECT category, sum(value_brl) AS value_brl
  FROM category_demand
  WHERE category IS NOT NULL
  GROUP BY category
)
SELECT category, value_brl,
  CASE WHEN sum(value_brl) OVER () > 0 THEN value_brl / sum(value_brl) OVER () ELSE 0 END AS share
FROM per_category
ORDER BY value_brl DESC, category`;
}

export function categoryMix(
  db: Db,
  filter: Pick<OverviewFilter, 'from' | 'to'>,
  grains: readonly DemandGrain[] = demandGrains,
): Promise<CategoryMixRow[]> {
  const { finest } = overviewPlan(filter, grains);
  return db.query<CategoryMixRow>(mixSql(finest), spanParams(wholePeriods(filter, finest)));
}
