/** One x position of a forecast chart: the actual value, the forecast and its band, each optional. */
export interface ForecastPoint {
  t: Date;
  actual: number | null;
  yhat: number | null;
  lower: number | null;
  upper: number | null;
}

/** A horizontal threshold drawn across the chart (safety stock, reorder point). */
export interface ChartRule {
  value: number;
  label: string;
  color: string;
}

/** The top of a zero-based y domain that shows every point, band and rule. */
export function forecastYMax(points: readonly ForecastPoint[], rules: readonly ChartRule[]): number {
  let top = 0;
  for (const p of points) {
    for (const v of [p.actual, p.yhat, p.upper]) if (v !== null && Number.isFinite(v) && v > top) top = v;
  }
  for (const r of rules) if (Number.isFinite(r.value) && r.value > top) top = r.value;
  return top > 0 ? top : 1;
}
