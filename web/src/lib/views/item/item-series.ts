/**
 * The item chart's points: actual periods, then forecast periods, merged by period start. Where
 * the last actual period and the first forecast period are the same week or month, one point holds
 * both. The forecast line starts at the last actual so the two lines join.
 */
import type { ForecastPoint } from '../../charts/forecast-point.ts';
import type { ItemForecastRow } from '../../data/queries/item/item-forecast.ts';
import type { ItemHistoryRow } from '../../data/queries/item/item-history.ts';
import { parseDay } from '../../format.ts';

/** What a point covers, for the tooltip: days of actuals and of forecast in its period. */
export interface PeriodDays {
  actual: number;
  forecast: number;
}

export interface ItemSeries {
  points: ForecastPoint[];
  days: Map<string, PeriodDays>;
}

export function itemSeries(
  history: readonly ItemHistoryRow[],
  forecast: readonly ItemForecastRow[],
): ItemSeries {
  const byPeriod = new Map<string, ForecastPoint>();
  const days = new Map<string, PeriodDays>();
  const at = (period: string) => {
    let point = byPeriod.get(period);
    if (!point) {
      point = { t: parseDay(period), actual: null, yhat: null, lower: null, upper: null };
      byPeriod.set(period, point);
      days.set(period, { actual: 0, forecast: 0 });
    }
    return point;
  };
  for (const row of history) {
    at(row.period).actual = row.units;
    (days.get(row.period) as PeriodDays).actual = row.days;
  }
  for (const row of forecast) {
    Object.assign(at(row.period), { yhat: row.yhat, lower: row.yhat_lower, upper: row.yhat_upper });
    (days.get(row.period) as PeriodDays).forecast = row.days;
  }
  // ISO days sort as plain strings; localeCompare would ask ICU's collation on every comparison.
  const points = [...byPeriod.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, point]) => point);
  joinLines(points);
  return { points, days };
}

/**
 * When the forecast starts in a period of its own, gives the last actual point a forecast value
 * equal to its actual, so the lines touch. A period holding both already joins them.
 */
function joinLines(points: ForecastPoint[]): void {
  const first = points.findIndex((p) => p.yhat !== null);
  const before = points[first - 1];
  if (
    first > 0 &&
    points[first]?.actual === null &&
    before &&
    before.actual !== null &&
    before.yhat === null
  ) {
    before.yhat = before.actual;
  }
}
