/**
 * 80 % intervals from backtest residuals (actual − forecast), the same for every model: the band
 * around a forecast is its empirical residual quantiles, widened for the sample size as split
 * conformal prediction does (the ⌈(n+1)·p⌉-th order statistic), holding the forecast itself,
 * and floored at zero demand.
 */
import { quantile } from './quantile.ts';

export interface ResidualBand {
  low: number;
  high: number;
}

export function residualBand(residuals: readonly number[], level: number): ResidualBand {
  const n = residuals.length;
  if (n === 0) return { low: 0, high: 0 };
  const tail = (1 - level) / 2;
  const widen = (n + 1) / n;
  return {
    low: quantile(residuals, Math.max(0, 1 - (1 - tail) * widen)),
    high: quantile(residuals, Math.min(1, (1 - tail) * widen)),
  };
}

export function applyBand(
  forecast: readonly number[],
  band: ResidualBand,
): { lower: number[]; upper: number[] } {
  // The band always holds its own forecast (a model biased on the backtest could otherwise give
  // residual quantiles of one sign) and never goes below zero demand.
  const lower = forecast.map((value) => Math.max(0, Math.min(value, value + band.low)));
  const upper = forecast.map((value) => Math.max(value, value + band.high));
  return { lower, upper };
}
