/**
 * Auto-ARIMA (stepwise search by AICc) from the `arima` package (ctsa compiled to wasm), searched
 * afresh at every origin. The search is bounded, since it dominates fit time: p, q, d ≤ 1 (wider
 * bounds cost a third more and scored the same on the backtest); a seasonal part (P, D, Q ≤ 1) only
 * on series of at most 100 periods, where its extra cost is small. Daily series reach it as weekly
 * totals of their last year (local-models.ts).
 */
import { createRequire } from 'node:module';
import type { LocalModel } from './model.ts';

interface ArimaModel {
  train(values: number[]): ArimaModel;
  predict(horizon: number): [number[], number[]];
  destroy(): void;
}
type ArimaClass = new (options: Record<string, number | boolean>) => ArimaModel;

const SEASONAL_MAX_LENGTH = 100;
let loaded: ArimaClass | undefined;

/** The wasm module binds console.log for the C code's diagnostics when it loads: bind a no-op. */
function arimaClass(): ArimaClass {
  if (loaded) return loaded;
  const log = console.log;
  const error = console.error;
  console.log = () => undefined;
  console.error = () => undefined;
  try {
    loaded = createRequire(import.meta.url)('arima') as ArimaClass;
  } finally {
    console.log = log;
    console.error = error;
  }
  return loaded;
}

export const arima: LocalModel = {
  name: 'arima',
  forecast(train, horizon, context) {
    const ARIMA = arimaClass();
    const values = [...train];
    const seasonal = values.length <= SEASONAL_MAX_LENGTH && values.length >= 2 * context.seasonLength + 2;
    const model = new ARIMA({
      auto: true,
      p: 1,
      d: 1,
      q: 1,
      P: seasonal ? 1 : 0,
      D: seasonal ? 1 : 0,
      Q: seasonal ? 1 : 0,
      s: seasonal ? context.seasonLength : 0,
      verbose: false,
    });
    let point: number[];
    try {
      [point] = model.train(values).predict(horizon);
    } finally {
      model.destroy();
    }
    if (!point.every(Number.isFinite)) throw new Error('ARIMA produced a non-finite forecast');
    return point;
  },
};
