/**
 * One item's demand per day, ISO week (from Monday) or calendar month, optionally inside a date
 * range. The filter is on item_key so DuckDB skips every row group of other items.
 */
import { fact, date, demand, itemKey } from '../gold-names.ts';
import type { Db } from '../../db-port.ts';
import { sql, type SqlText } from '#schema/sql.ts';

export const itemGrains = ['day', 'week', 'month'] as const;
export type ItemGrain = (typeof itemGrains)[number];

export function isItemGrain(value: unknown): value is ItemGrain {
  return typeof value === 'string' && (itemGrains as readonly string[]).includes(value);
}

export interface ItemHistoryInput {
  itemKey: number;
  grain: ItemGrain;
  /** Inclusive ISO dates; a period is kept when it starts inside the range. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface ItemHistoryRow {
  /** First day of the period, `yyyy-mm-dd`. */
  period: string;
  units: number;
  /** Days of the period with data: fewer than the period's length at the ends of the history. */
  days: number;
}

// The grain picks SQL text from this fixed table, never from input. The CAST keeps a DATE on
// both engines (date_trunc of a DATE is a DATE on 0.9, a TIMESTAMP on 1.x).
const periodOf: Record<ItemGrain, SqlText> = {
  day: sql`${date}`,
  week: sql`CAST(date_trunc('week', ${date}) AS DATE)`,
  month: sql`CAST(date_trunc('month', ${date}) AS DATE)`,
};

function historySql(grain: ItemGrain): SqlText {
  return sql`
WITH days AS (
  SELECT ${periodOf[grain]} AS period_start, ${demand} AS units
  FROM ${fact}
  WHERE ${itemKey} = CAST(? AS INTEGER)
)
SELECT strftime(period_start, '%Y-%m-%d') AS period, sum(units) AS units, count(*) AS days
FROM days
WHERE (CAST(? AS DATE) IS NULL OR period_start >= CAST(? AS DATE))
  AND (CAST(? AS DATE) IS NULL OR period_start <= CAST(? AS DATE))
GROUP BY period_start
ORDER BY period_start`;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(value: string | undefined): string | null {
  if (value === undefined) return null;
  // DuckDB would read "2024-01-01 junk" as a date; only the exact form is accepted.
  if (!isoDate.test(value)) throw new RangeError(`"${value}" is not a yyyy-mm-dd date`);
  return value;
}

export function itemHistory(db: Db, input: ItemHistoryInput): Promise<ItemHistoryRow[]> {
  if (!isItemGrain(input.grain)) throw new RangeError(`unknown grain "${String(input.grain)}"`);
  if (!Number.isInteger(input.itemKey)) throw new RangeError(`item key must be an integer, got ${input.itemKey}`);
  const from = checkDate(input.from);
  const to = checkDate(input.to);
  return db.query<ItemHistoryRow>(historySql(input.grain), [input.itemKey, from, from, to, to]);
}
