/** Calendar arithmetic on ISO dates (UTC), by period. */
import type { Period } from './series.ts';

function parse(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The start of the period `count` periods after the one starting at `iso`. */
export function addPeriods(iso: string, period: Period, count: number): string {
  const date = parse(iso);
  if (period === 'day') date.setUTCDate(date.getUTCDate() + count);
  else if (period === 'week') date.setUTCDate(date.getUTCDate() + 7 * count);
  else date.setUTCMonth(date.getUTCMonth() + count);
  return toIso(date);
}

/** Whole periods from `from` to `to` (to after from); months count calendar months. */
export function periodsBetween(from: string, to: string, period: Period): number {
  const a = parse(from);
  const b = parse(to);
  if (period === 'month') {
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  }
  const days = Math.round((b.getTime() - a.getTime()) / 86_400_000);
  return period === 'day' ? days : Math.floor(days / 7);
}

/** Days from the start of `iso` to the start of the period `count` periods later (horizon_days). */
export function daysAhead(iso: string, period: Period, count: number): number {
  return periodsBetween(iso, addPeriods(iso, period, count), 'day');
}
