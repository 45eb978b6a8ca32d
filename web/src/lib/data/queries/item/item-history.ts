/**
 * One item's demand per day, ISO week (from Monday) or calendar month, read from that grain's own
 * gold table (fact_demand_daily, fact_demand_weekly, fact_demand_monthly), optionally inside a date
 * range. The filter is on item_key so DuckDB skips every row group of other items.
 */
import { ident } from '#schema/ident.ts';
import type { ManifestTable } from '#schema/manifest.ts';
import { sql, type SqlText } from '#schema/sql.ts';
import { demandGrains, demandTableOfGrain, isDemandGrain, type DemandGrain } from '#schema/tables.ts';
import { date, demand, itemKey } from '../gold-names.ts';
import type { Db } from '../../db-port.ts';
import { itemFactSource } from '../../item-fact-source.ts';

/** The item page offers the grains the lakehouse stores (Manifest.grains), finest first. */
export const itemGrains = demandGrains;
export type ItemGrain = DemandGrain;
export const isItemGrain = isDemandGrain;

export interface ItemHistoryInput {
  itemKey: number;
  grain: ItemGrain;
  /** Inclusive ISO dates; a period is kept when it starts inside the range. */
  from?: string | undefined;
  to?: string | undefined;
  /**
   * The manifest entry of fact_demand_daily: at day grain only the file holding the item is read
   * (the fact is split by item_key range). Without it the day grain reads the view over all files.
   */
  dailyFact?: ManifestTable | undefined;
}

export interface ItemHistoryRow {
  /** First day of the period, `yyyy-mm-dd`. */
  period: string;
  units: number;
  /** Days of the period inside the data range: fewer than its length at the ends of the history. */
  days: number;
}

const days = ident('column', 'days');
// Each grain's period column and its day count; fixed text chosen by the grain, never by input.
const periodOf: Record<ItemGrain, { start: SqlText; days: SqlText }> = {
  day: { start: date, days: sql`1` },
  week: { start: ident('column', 'week_start'), days },
  month: { start: ident('column', 'month_start'), days },
};

function historySql(grain: ItemGrain, source: SqlText): SqlText {
  const { start, days: dayCount } = periodOf[grain];
  return sql`
SELECT strftime(${start}, '%Y-%m-%d') AS period, ${demand} AS units, ${dayCount} AS days
FROM ${source}
WHERE ${itemKey} = CAST(? AS INTEGER)
  AND (CAST(? AS DATE) IS NULL OR ${start} >= CAST(? AS DATE))
  AND (CAST(? AS DATE) IS NULL OR ${start} <= CAST(? AS DATE))
ORDER BY ${start}`;
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
  const source =
    input.grain === 'day' && input.dailyFact
      ? itemFactSource(input.dailyFact, input.itemKey)
      : ident('table', demandTableOfGrain[input.grain]);
  return db.query<ItemHistoryRow>(historySql(input.grain, source), [input.itemKey, from, from, to, to]);
}
