/**
 * Which gold tables answer the overview for a date range, and the range they answer it for.
 * Per-category measures (value, units, trend, mix) come from the finest grain stored: the small
 * agg_category_daily for a daily lakehouse, which is exact for any days. Per-item measures (active
 * items, top items) come from fact_demand_weekly or fact_demand_monthly, never from the 10M-row
 * daily fact, and those answer exactly only for whole weeks or months. So the range is widened to
 * whole periods — months when it already is whole months, else ISO weeks (Monday to Sunday) —
 * and every panel, told the widened range, shows the same days. Nothing is scaled or estimated.
 */
import { demandGrains, type DemandGrain } from '#schema/tables.ts';
import type { ItemKeyRange, OverviewFilter } from './overview-filter.ts';

/** The per-item tables the overview reads. */
export type ItemGrain = 'week' | 'month';

export interface OverviewPlan {
  /** The finest grain the lakehouse stores: where per-category demand comes from. */
  finest: DemandGrain;
  /** The per-item table whose whole periods the range covers. */
  itemGrain: ItemGrain;
  /** The range widened to whole `itemGrain` periods; null is open (the first or last actual day). */
  from: string | null;
  to: string | null;
  /** True when `from` or `to` moved to a period edge. */
  widened: boolean;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** `value` when it is a real calendar day as yyyy-mm-dd; a RangeError before any SQL runs otherwise. */
export function checkedDay(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  if (!isoDay.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new RangeError(`${name} must be a date as yyyy-mm-dd, got "${value}"`);
  }
  return value;
}

function shifted(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first day of the period holding `iso` (weeks start on Monday). */
export function periodStartOf(grain: DemandGrain, iso: string): string {
  if (grain === 'day') return iso;
  if (grain === 'month') return `${iso.slice(0, 7)}-01`;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return shifted(iso, -((weekday + 6) % 7));
}

/** The last day of the period holding `iso`. */
export function periodEndOf(grain: DemandGrain, iso: string): string {
  if (grain === 'day') return iso;
  if (grain === 'week') return shifted(periodStartOf('week', iso), 6);
  const next = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return shifted(next.toISOString().slice(0, 10), -1);
}

/** The stored grains, finest first; a manifest without any (an empty build) is read as daily. */
function storedGrains(grains: readonly DemandGrain[]): DemandGrain[] {
  const stored = demandGrains.filter((grain) => grains.includes(grain));
  return stored.length > 0 ? stored : [...demandGrains];
}

/** `from`/`to` widened to whole periods of `grain` (checked first). */
export function wholePeriods(
  filter: Pick<OverviewFilter, 'from' | 'to'>,
  grain: DemandGrain,
): { from: string | null; to: string | null } {
  const from = checkedDay(filter.from, 'from');
  const to = checkedDay(filter.to, 'to');
  return {
    from: from === null ? null : periodStartOf(grain, from),
    to: to === null ? null : periodEndOf(grain, to),
  };
}

export function overviewPlan(
  filter: Pick<OverviewFilter, 'from' | 'to'>,
  grains: readonly DemandGrain[] = demandGrains,
): OverviewPlan {
  const stored = storedGrains(grains);
  const finest = stored[0] ?? 'day';
  const from = checkedDay(filter.from, 'from');
  const to = checkedDay(filter.to, 'to');
  const months = wholePeriods(filter, 'month');
  const wholeMonths = months.from === from && months.to === to;
  const itemGrain: ItemGrain =
    stored.includes('month') && (wholeMonths || !stored.includes('week')) ? 'month' : 'week';
  const range = wholePeriods(filter, itemGrain);
  return { finest, itemGrain, ...range, widened: range.from !== from || range.to !== to };
}

export interface AppliedFilter {
  category: string | undefined;
  /** The category's item_key span, when the caller knows it (a row of categories()). */
  keys: ItemKeyRange | undefined;
  from: string | undefined;
  to: string | undefined;
  /** True when a date moved to a period edge. */
  widened: boolean;
}

/**
 * The filter as the overview applies it: the category as given, the dates widened to the periods
 * the per-item tables hold. Passing this to every overview query makes all panels cover one range.
 */
export function overviewFilterFor(
  filter: OverviewFilter,
  grains: readonly DemandGrain[] = demandGrains,
): AppliedFilter {
  const plan = overviewPlan(filter, grains);
  return {
    category: filter.category,
    keys: filter.category === undefined ? undefined : filter.keys,
    from: plan.from ?? undefined,
    to: plan.to ?? undefined,
    widened: plan.widened,
  };
}
