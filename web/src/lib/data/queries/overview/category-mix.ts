/**
 * Each category's share of the demand value in the overview range. Every category is listed
 * whatever the category filter, so the selected one can be seen against the rest.
 */
import { sql } from '#schema/sql.ts';
import type { Db } from '../../db-port.ts';
import { category, date, demand, fact, item, itemKey, unitCost } from '../gold-names.ts';
import { spanCte, spanParams, type OverviewFilter } from './overview-filter.ts';

export interface CategoryMixRow {
  category: string;
  value_brl: number;
  /** This category's part of the value of all categories, 0 to 1. */
  share: number;
}

const SQL = sql`
WITH ${spanCte},
per_item AS (
  SELECT f.${itemKey} AS item_key, sum(f.${demand}) AS units
  FROM ${fact} AS f
  CROSS JOIN span AS s
  WHERE f.${date} BETWEEN s.first_day AND s.last_day
  GROUP BY f.${itemKey}
),
per_category AS (
  SELECT i.${category} AS category, sum(p.units * i.${unitCost}) AS value_brl
  FROM per_item AS p
  JOIN ${item} AS i ON i.${itemKey} = p.item_key
  WHERE i.${category} IS NOT NULL
  GROUP BY i.${category}
)
SELECT category, value_brl,
  CASE WHEN sum(value_brl) OVER () > 0 THEN value_brl / sum(value_brl) OVER () ELSE 0 END AS share
FROM per_category
ORDER BY value_brl DESC, category`;

export function categoryMix(db: Db, filter: Pick<OverviewFilter, 'from' | 'to'>): Promise<CategoryMixRow[]> {
  return db.query<CategoryMixRow>(SQL, spanParams(filter));
}
