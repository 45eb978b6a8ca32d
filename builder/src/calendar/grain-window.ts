/**
 * The window a build covers, widened to whole periods for a source whose dates are period starts:
 * a monthly export dated 2025-03-01 covers 1–31 March, a weekly one the Monday to the Sunday.
 */
import type { DemandGrain } from '#schema';
import { addDays, toIsoDate } from './dates.ts';

function mondayOf(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((day + 6) % 7));
}

function lastDayOfMonth(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1, 0);
  return toIsoDate(date);
}

export function grainWindow(
  grain: DemandGrain,
  window: { from: string; to: string },
): { from: string; to: string } {
  switch (grain) {
    case 'day':
      return window;
    case 'week':
      return { from: mondayOf(window.from), to: addDays(mondayOf(window.to), 6) };
    case 'month':
      return { from: `${window.from.slice(0, 7)}-01`, to: lastDayOfMonth(window.to) };
  }
}
