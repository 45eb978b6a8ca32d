/**
 * The candidates from kept libraries (augurs ETS, MSTL, Prophet; ctsa auto-ARIMA), each on a small
 * series whose right forecast is known, run offline from their bundled wasm.
 */
import { describe, expect, it } from 'vitest';
import { arima } from '../../../ml/src/models/arima.ts';
import { ets } from '../../../ml/src/models/ets.ts';
import { localModel } from '../../../ml/src/models/local-models.ts';
import { mstl } from '../../../ml/src/models/mstl.ts';
import { prophet } from '../../../ml/src/models/prophet.ts';

const daily = { period: 'day', seasonLength: 7, start: '2026-01-05' } as const;
const weekly = [3, 5, 7, 9, 11, 20, 2];
const periodic = Array.from({ length: 84 }, (_, i) => weekly[i % 7] ?? 0);
const constant = new Array<number>(60).fill(8);

describe('library models', () => {
  it('ETS keeps a constant series constant', () => {
    for (const value of ets.forecast(constant, 5, daily)) expect(value).toBeCloseTo(8, 3);
  });

  it('MSTL continues a pure weekly pattern', () => {
    const forecast = mstl.forecast(periodic, 7, daily);
    forecast.forEach((value, h) => expect(value).toBeCloseTo(weekly[h % 7] ?? 0, 0));
  });

  it('Prophet continues a linear trend', () => {
    const trend = Array.from({ length: 60 }, (_, i) => 10 + 2 * i);
    const forecast = prophet.forecast(trend, 3, daily);
    forecast.forEach((value, h) => expect(value).toBeCloseTo(10 + 2 * (60 + h), -1));
  });

  it('Prophet forecasts zeros for a history of zeros (the wasm optimiser traps on a zero scale)', () => {
    const monthly = { period: 'month', seasonLength: 12, start: '2024-01-01' } as const;
    expect(prophet.forecast(new Array<number>(36).fill(0), 3, monthly)).toEqual([0, 0, 0]);
  });

  it('auto-ARIMA keeps a constant series constant and continues a linear trend', () => {
    for (const value of arima.forecast(constant, 4, daily)) expect(value).toBeCloseTo(8, 3);
    const trend = Array.from({ length: 40 }, (_, i) => 5 + 3 * i);
    const forecast = arima.forecast(trend, 3, daily);
    forecast.forEach((value, h) => expect(value).toBeCloseTo(5 + 3 * (40 + h), -1));
  });

  it('on daily series, fit weekly totals and restore the weekday pattern', () => {
    const long = Array.from({ length: 210 }, (_, i) => weekly[i % 7] ?? 0);
    for (const name of ['ets', 'arima', 'prophet'] as const) {
      const forecast = localModel(name)?.forecast(long, 14, daily) ?? [];
      forecast.forEach((value, h) => expect(value, `${name} day ${h}`).toBeCloseTo(weekly[h % 7] ?? 0, 1));
    }
  });
});
