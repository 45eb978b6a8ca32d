/**
 * The overview's definitions written out again in plain TypeScript over the sample rows, for the
 * query tests to compare against: the range clamped to the actuals, items kept by category.
 */
import { addDays, sampleDemand, sampleItems } from './sample-gold.ts';

export interface Filter {
  category?: string;
  from?: string;
  to?: string;
}

export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
export const actualDays = sampleDemand.map((r) => r.date).sort();
export const firstActual = actualDays[0] ?? '';
export const lastActual = actualDays.at(-1) ?? '';

export function rangeOf(filter: Filter): { from: string; to: string } {
  const from = filter.from && filter.from > firstActual ? filter.from : firstActual;
  const to = filter.to && filter.to < lastActual ? filter.to : lastActual;
  return { from, to };
}

export const itemsIn = (filter: Filter) =>
  sampleItems.filter((i) => !filter.category || i.category === filter.category);

/** The one unit of the items in scope, or null. */
export function unitOf(filter: Filter): string | null {
  const units = new Set(itemsIn(filter).map((i) => i.unit));
  return units.size === 1 ? ([...units][0] ?? null) : null;
}

/** Demand rows in range and scope, each with its value. */
export function rowsIn(filter: Filter) {
  const { from, to } = rangeOf(filter);
  const cost = new Map(itemsIn(filter).map((i) => [i.item_id, i.unit_cost_brl]));
  return sampleDemand
    .filter((r) => cost.has(r.item_id) && r.date >= from && r.date <= to)
    .map((r) => ({ ...r, value_brl: r.demand * (cost.get(r.item_id) ?? NaN) }));
}

/** Monday of the ISO week holding `iso`. */
export function weekStart(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((weekday + 6) % 7));
}

export const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;

export function periodEndOf(grain: 'day' | 'week' | 'month', start: string): string {
  if (grain === 'day') return start;
  if (grain === 'week') return addDays(start, 6);
  const next = new Date(`${start}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return addDays(next.toISOString().slice(0, 10), -1);
}

export const bucketOf = { day: (iso: string) => iso, week: weekStart, month: monthStart };

/**
 * The range the per-item measures answer for, worked out again here: kept when it is whole months
 * (open ends count as whole), else widened to whole ISO weeks, Monday to Sunday.
 */
export function widened(filter: Filter): Filter {
  const { from, to } = filter;
  const wholeMonths =
    (from === undefined || from === monthStart(from)) &&
    (to === undefined || to === periodEndOf('month', monthStart(to)));
  if (wholeMonths) return filter;
  return {
    ...filter,
    ...(from === undefined ? {} : { from: weekStart(from) }),
    ...(to === undefined ? {} : { to: addDays(weekStart(to), 6) }),
  };
}
