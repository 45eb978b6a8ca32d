/**
 * Teunter–Syntetos–Babai: smooths the probability of demand every period (β) and the size only
 * when demand occurs (α), so the forecast decays while no demand arrives (obsolescence), which
 * Croston's never does. Initialised with the first demand's size and the share of periods with
 * demand up to and including it. (α, β) is chosen per series from TSB_GRID by in-sample one-step
 * error (grid-search.ts).
 */
import { pickByError } from './grid-search.ts';
import type { LocalModel } from './model.ts';

export const TSB_GRID: readonly { alpha: number; beta: number }[] = [0.05, 0.1, 0.2].flatMap((alpha) =>
  [0.02, 0.05, 0.1].map((beta) => ({ alpha, beta })),
);

/** The rate after the last value and the sum of squared one-step errors after the first demand. */
export function tsbFit(
  train: readonly number[],
  alpha: number,
  beta: number,
): { rate: number; squaredError: number } {
  const first = train.findIndex((value) => value > 0);
  if (first < 0) return { rate: 0, squaredError: 0 };
  let size = train[first] ?? 0;
  let probability = 1 / (first + 1);
  let squaredError = 0;
  for (const value of train.slice(first + 1)) {
    squaredError += (value - probability * size) ** 2;
    const occurred = value > 0 ? 1 : 0;
    probability += beta * (occurred - probability);
    if (occurred) size += alpha * (value - size);
  }
  return { rate: probability * size, squaredError };
}

export function tsbRate(train: readonly number[], alpha: number, beta: number): number {
  return tsbFit(train, alpha, beta).rate;
}

export const tsb: LocalModel = {
  name: 'tsb',
  forecast(train, horizon) {
    const { alpha, beta } = pickByError(
      TSB_GRID,
      (entry) => tsbFit(train, entry.alpha, entry.beta).squaredError,
    );
    return new Array<number>(horizon).fill(tsbRate(train, alpha, beta));
  },
};
