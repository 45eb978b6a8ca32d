/**
 * The demand trend's rows as chart points: the actuals, then the forecast continuing them, each in
 * the measure shown (units when every item shares one unit, else value in R$). Periods a query
 * flags partial are left out, so neither series dives at its edges.
 */
import type { ForecastPoint } from '../../charts/forecast-point.ts';
import type { DemandTrendRow } from '../../data/queries/overview/demand-trend.ts';
import type { ForecastTrendRow } from '../../data/queries/overview/forecast-trend.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function trendPoints(
  actual: readonly DemandTrendRow[],
  forecast: readonly ForecastTrendRow[],
  byUnits: boolean,
): ForecastPoint[] {
  const actualPoints = actual
    .filter((row) => !row.partial)
    .map((row) => ({
      t: day(row.period),
      actual: byUnits ? row.units : row.value_brl,
      yhat: null,
      lower: null,
      upper: null,
    }));
  const lastActual = actualPoints.at(-1)?.t.getTime() ?? -Infinity;
  const forecastPoints = forecast
    .filter((row) => !row.partial && day(row.period).getTime() > lastActual)
    .map((row) => ({
      t: day(row.period),
      actual: null,
      yhat: byUnits ? row.units_mid : row.value_mid,
      lower: byUnits ? row.units_low : row.value_low,
      upper: byUnits ? row.units_high : row.value_high,
    }));
  return [...actualPoints, ...forecastPoints];
}
