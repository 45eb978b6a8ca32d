/** Seasonal naive: each period repeats the value one season earlier (the baseline MASE scales by). */
import type { LocalModel } from './model.ts';

export function seasonalNaiveForecast(train: readonly number[], horizon: number, season: number): number[] {
  const n = train.length;
  if (n === 0) return new Array<number>(horizon).fill(0);
  const m = Math.max(1, Math.min(season, n));
  return Array.from({ length: horizon }, (_, h) => train[n - m + (h % m)] ?? 0);
}

export const seasonalNaive: LocalModel = {
  name: 'seasonal_naive',
  forecast: (train, horizon, context) => seasonalNaiveForecast(train, horizon, context.seasonLength),
};
