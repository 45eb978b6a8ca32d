/**
 * Teunter–Syntetos–Babai: smooths the probability of demand every period (β) and the size only
 * when demand occurs (α), so the forecast decays while no demand arrives (obsolescence), which
 * Croston's never does. Initialised with the first demand's size and the share of periods with
 * demand up to and including it.
 */
import type { LocalModel } from './model.ts';

export const TSB_ALPHA = 0.1;
export const TSB_BETA = 0.05;

export function tsbRate(train: readonly number[], alpha = TSB_ALPHA, beta = TSB_BETA): number {
  const first = train.findIndex((value) => value > 0);
  if (first < 0) return 0;
  let size = train[first] ?? 0;
  let probability = 1 / (first + 1);
  for (const value of train.slice(first + 1)) {
    const occurred = value > 0 ? 1 : 0;
    probability += beta * (occurred - probability);
    if (occurred) size += alpha * (value - size);
  }
  return probability * size;
}

export const tsb: LocalModel = {
  name: 'tsb',
  forecast: (train, horizon) => new Array<number>(horizon).fill(tsbRate(train)),
};
