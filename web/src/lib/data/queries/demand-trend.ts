/** Total units per day or per ISO week (weeks start on Monday), optionally for one item category. */
import { fact, item, date, demand, itemKey, category } from './gold-names.ts';
import type { Db } from '../db-port.ts';
import { sql, type SqlText } from '#schema/sql.ts';

export const trendGrains = ['day', 'week'] as const;
export type TrendGrain = (typeof trendGrains)[number];

export function isTrendGrain(value: unknown): value is TrendGrain {
  return typeof value === 'string' && (trendGrains as readonly string[]).includes(value);
}

export interface DemandTrendInput {
  grain: TrendGrain;
  /** Only items of this category; `undefined` for all. */
  category?: string | undefined;
}

export interface DemandTrendRow {
  /** First day of the period, `yyyy-mm-dd`. */
  period: string;
  units: number;
}

// The grain picks SQL text from this fixed table, never from user input. The CAST keeps the
// bucket a DATE: date_trunc on a DATE returns DATE on DuckDB 0.9 (WASM) but TIMESTAMP on 1.x.
const bucketOf: Record<TrendGrain, SqlText> = {
  day: sql`f.${date}`,
  week: sql`CAST(date_trunc('week', f.${date}) AS DATE)`,
};

// The category is bound twice (once for the NULL test). The CASTs pin the parameter type rather
// than leave it to inference, which differs between the engines (see arrow-rows.test.ts).
function trendSql(grain: TrendGrain): SqlText {
  return sql`
SELECT strftime(${bucketOf[grain]}, '%Y-%m-%d') AS period, sum(f.${demand}) AS units
FROM ${fact} AS f
WHERE CAST(? AS VARCHAR) IS NULL
   OR f.${itemKey} IN (SELECT ${itemKey} FROM ${item} WHERE ${category} = CAST(? AS VARCHAR))
GROUP BY period
ORDER BY period`;
}

export function demandTrend(db: Db, input: DemandTrendInput): Promise<DemandTrendRow[]> {
  if (!isTrendGrain(input.grain)) throw new RangeError(`unknown trend grain "${String(input.grain)}"`);
  const filter = input.category ?? null;
  return db.query<DemandTrendRow>(trendSql(input.grain), [filter, filter]);
}
