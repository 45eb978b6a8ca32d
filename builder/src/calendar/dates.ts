/** Small ISO-date helpers (UTC, yyyy-mm-dd) used by the CLI defaults and the mock source. */

const isoPattern = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!isoPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

export function daysBetweenInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** First day of a history of three full years ending on `to` (inclusive). */
export function threeYearsEndingOn(to: string): string {
  const start = new Date(`${to}T00:00:00Z`);
  start.setUTCFullYear(start.getUTCFullYear() - 3);
  return addDays(toIsoDate(start), 1);
}

/** The default history: three full years ending yesterday (UTC). */
export function defaultWindow(today: Date): { from: string; to: string } {
  const to = addDays(toIsoDate(today), -1);
  return { from: threeYearsEndingOn(to), to };
}
