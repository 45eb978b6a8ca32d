/**
 * The periods the demand trend can be bucketed by. Each grain picks SQL text from fixed tables,
 * never from user input. The CASTs keep buckets DATEs: date_trunc on a DATE returns DATE on
 * DuckDB 0.9 (WASM) but TIMESTAMP on 1.x.
 */
import { sql, type SqlText } from '#schema/sql.ts';

export const trendGrains = ['day', 'week', 'month'] as const;
export type TrendGrain = (typeof trendGrains)[number];

export function isTrendGrain(value: unknown): value is TrendGrain {
  return typeof value === 'string' && (trendGrains as readonly string[]).includes(value);
}

/** The first day of the period holding `day` (weeks start on Monday, as ISO weeks do). */
export function periodStart(grain: TrendGrain, day: SqlText): SqlText {
  const starts: Record<TrendGrain, SqlText> = {
    day,
    week: sql`CAST(date_trunc('week', ${day}) AS DATE)`,
    month: sql`CAST(date_trunc('month', ${day}) AS DATE)`,
  };
  return starts[grain];
}

/** The last day of the period that starts on `start`. */
export function periodEnd(grain: TrendGrain, start: SqlText): SqlText {
  const ends: Record<TrendGrain, SqlText> = {
    day: start,
    week: sql`CAST(${start} + 6 AS DATE)`,
    month: sql`CAST(last_day(${start}) AS DATE)`,
  };
  return ends[grain];
}

export function checkGrain(grain: unknown): TrendGrain {
  if (!isTrendGrain(grain)) throw new RangeError(`unknown trend grain "${String(grain)}"`);
  return grain;
}
