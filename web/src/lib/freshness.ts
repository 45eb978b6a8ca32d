/**
 * How old the actuals are. Actuals through yesterday are current (a daily build runs overnight);
 * past STALE_AFTER_DAYS the page flags the data as stale so nobody plans on last week's numbers.
 */
export const STALE_AFTER_DAYS = 2;

/** Whole days from `actualsThrough` (yyyy-mm-dd) to `today` (UTC calendar days). */
export function daysBehind(actualsThrough: string, today: Date): number {
  const last = Date.parse(`${actualsThrough}T00:00:00Z`);
  const current = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((current - last) / 86_400_000);
}

export function isStale(actualsThrough: string, today: Date): boolean {
  return actualsThrough !== '' && daysBehind(actualsThrough, today) > STALE_AFTER_DAYS;
}
