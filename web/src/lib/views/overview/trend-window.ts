/**
 * The range the demand trend shows. Three years of days are an unreadable zigzag, so the daily
 * grain without a chosen start shows the last DAILY_WINDOW_DAYS days up to the range's end; any
 * other grain, or a start the user picked, shows the range as filtered.
 */
import type { TrendGrain } from '../../data/queries/overview/trend-grain.ts';

export const DAILY_WINDOW_DAYS = 90;

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface TrendWindow {
  from: string | undefined;
  to: string | undefined;
  /** True when the daily window, not the filter, set the start. */
  windowed: boolean;
}

export function trendWindow(
  grain: TrendGrain,
  filter: { from: string | undefined; to: string | undefined },
  actualsThrough: string,
): TrendWindow {
  const end = filter.to ?? actualsThrough;
  if (grain !== 'day' || filter.from !== undefined || end === '') return { ...filter, windowed: false };
  return { from: addDays(end, -(DAILY_WINDOW_DAYS - 1)), to: filter.to, windowed: true };
}
