/**
 * Croston's method for intermittent demand and the Syntetos–Boylan approximation (SBA).
 * Sizes and intervals between demands are smoothed separately, updated only in periods with
 * demand: forecast = size / interval; SBA multiplies by (1 - α/2) to remove Croston's bias.
 * Initialised with the first demand's size and its position (periods up to and including it).
 * α is chosen per series from ALPHA_GRID by in-sample one-step error (grid-search.ts).
 */
import { pickByError } from './grid-search.ts';
import type { LocalModel } from './model.ts';

export const ALPHA_GRID: readonly number[] = [0.05, 0.1, 0.2, 0.3];

/**
 * The rate after the last value, and the sum of squared one-step errors of `factor` × rate over the
 * periods after the first demand (before it there is no forecast to score).
 */
export function crostonFit(
  train: readonly number[],
  alpha: number,
  factor = 1,
): { rate: number; squaredError: number } {
  let size: number | undefined;
  let interval = 0;
  let sinceLast = 0;
  let squaredError = 0;
  for (const value of train) {
    if (size !== undefined) squaredError += (value - (factor * size) / interval) ** 2;
    sinceLast += 1;
    if (value <= 0) continue;
    if (size === undefined) {
      size = value;
      interval = sinceLast;
    } else {
      size += alpha * (value - size);
      interval += alpha * (sinceLast - interval);
    }
    sinceLast = 0;
  }
  return { rate: size === undefined ? 0 : size / interval, squaredError };
}

export function crostonRate(train: readonly number[], alpha: number): number {
  return crostonFit(train, alpha).rate;
}

/** α with the smallest in-sample error of the method (SBA's factor included). */
export function crostonAlpha(train: readonly number[], bias: 'croston' | 'sba'): number {
  const factor = (alpha: number) => (bias === 'sba' ? 1 - alpha / 2 : 1);
  return pickByError(ALPHA_GRID, (alpha) => crostonFit(train, alpha, factor(alpha)).squaredError);
}

function flat(value: number, horizon: number): number[] {
  return new Array<number>(horizon).fill(value);
}

export const croston: LocalModel = {
  name: 'croston',
  forecast: (train, horizon) => flat(crostonRate(train, crostonAlpha(train, 'croston')), horizon),
};

export const sba: LocalModel = {
  name: 'sba',
  forecast(train, horizon) {
    const alpha = crostonAlpha(train, 'sba');
    return flat((1 - alpha / 2) * crostonRate(train, alpha), horizon);
  },
};
