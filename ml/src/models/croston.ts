/**
 * Croston's method for intermittent demand and the Syntetos–Boylan approximation (SBA).
 * Sizes and intervals between demands are smoothed separately, updated only in periods with
 * demand: forecast = size / interval; SBA multiplies by (1 - α/2) to remove Croston's bias.
 * Initialised with the first demand's size and its position (periods up to and including it).
 */
import type { LocalModel } from './model.ts';

export const CROSTON_ALPHA = 0.1;

export function crostonRate(train: readonly number[], alpha = CROSTON_ALPHA): number {
  let size: number | undefined;
  let interval = 0;
  let sinceLast = 0;
  for (const value of train) {
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
  return size === undefined ? 0 : size / interval;
}

function flat(value: number, horizon: number): number[] {
  return new Array<number>(horizon).fill(value);
}

export const croston: LocalModel = {
  name: 'croston',
  forecast: (train, horizon) => flat(crostonRate(train), horizon),
};

export const sba: LocalModel = {
  name: 'sba',
  forecast: (train, horizon) => flat((1 - CROSTON_ALPHA / 2) * crostonRate(train), horizon),
};
