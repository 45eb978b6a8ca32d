/**
 * Auto-ARIMA, its order chosen afresh at every origin, bounded to p, d, q ≤ 1 (wider bounds cost a
 * third more and scored the same on the backtest).
 *
 * Without a seasonal part (how daily items reach it, as weekly totals of their last year; see
 * local-models.ts) the order comes from arima-order.ts (KPSS for d, AICc over CSS fits for p, q)
 * and the chosen model is the CSS fit itself, forecast here: 10 ms per daily series for the 4
 * origins and the future, where the `arima` package's search took 190 ms for the same backtest
 * scores (mean MASE on the 200 mock items, package → here: smooth 0.782 → 0.782, erratic 0.768 →
 * 0.768, intermittent 0.945 → 0.955, lumpy 0.900 → 0.904).
 *
 * With a seasonal part (P, D, Q ≤ 1: weekly or monthly series of at most 100 periods that hold two
 * seasons) the `arima` package's stepwise AICc search (ctsa compiled to wasm) runs as before.
 */
import { createRequire } from 'node:module';
import { chooseArimaOrder, CONDITIONED, cssFit, difference, type ArimaOrder } from './arima-order.ts';
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

function seasonalSearch(values: number[], horizon: number, seasonLength: number): number[] {
  const ARIMA = arimaClass();
  const model = new ARIMA({
    auto: true,
    p: 1,
    d: 1,
    q: 1,
    P: 1,
    D: 1,
    Q: 1,
    s: seasonLength,
    verbose: false,
  });
  try {
    return model.train(values).predict(horizon)[0];
  } finally {
    model.destroy();
  }
}

/**
 * Forecast of the CSS fit of `order`: the ARMA part recursed from the last value and residual,
 * then summed back onto the last value when differenced. A differenced series that is constant
 * (a straight line) keeps its step as drift, as auto.arima does.
 */
export function cssForecast(values: readonly number[], order: ArimaOrder, horizon: number): number[] {
  const w = order.d === 1 ? difference(values) : [...values];
  const drift = order.d === 1 && w.length > 0 && w.every((value) => value === w[0]);
  const fit = cssFit(w, order.p, order.q, order.d === 0 || drift);
  let residual = 0;
  for (let t = CONDITIONED; t < w.length; t += 1) {
    const ar = order.p === 1 ? fit.phi * ((w[t - 1] ?? 0) - fit.mu) : 0;
    residual = (w[t] ?? 0) - fit.mu - ar - (order.q === 1 ? fit.theta * residual : 0);
  }
  let deviation = (w[w.length - 1] ?? fit.mu) - fit.mu;
  let level = values[values.length - 1] ?? 0;
  return Array.from({ length: horizon }, (_, h) => {
    deviation =
      (order.p === 1 ? fit.phi * deviation : 0) + (h === 0 && order.q === 1 ? fit.theta * residual : 0);
    const step = fit.mu + deviation;
    if (order.d === 0) return step;
    level += step;
    return level;
  });
}

export const arima: LocalModel = {
  name: 'arima',
  forecast(train, horizon, context) {
    const values = [...train];
    const seasonal = values.length <= SEASONAL_MAX_LENGTH && values.length >= 2 * context.seasonLength + 2;
    const point = seasonal
      ? seasonalSearch(values, horizon, context.seasonLength)
      : cssForecast(values, chooseArimaOrder(values), horizon);
    if (!point.every(Number.isFinite)) throw new Error('ARIMA produced a non-finite forecast');
    return point;
  },
};
