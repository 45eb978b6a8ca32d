import { describe, expect, it } from 'vitest';
import { crostonAlpha, crostonFit, crostonRate, sba } from '../../../ml/src/models/croston.ts';
import { pickByError } from '../../../ml/src/models/grid-search.ts';
import { seasonalNaiveForecast } from '../../../ml/src/models/seasonal-naive.ts';
import { TSB_GRID, tsbFit, tsbRate } from '../../../ml/src/models/tsb.ts';

const context = { period: 'day', seasonLength: 7, start: '2026-01-01' } as const;

describe('seasonal naive', () => {
  it.each([
    { train: [1, 2, 3, 4], season: 2, horizon: 5, expected: [3, 4, 3, 4, 3] },
    { train: [1, 2, 3], season: 1, horizon: 2, expected: [3, 3] },
    // A season longer than the history repeats the whole history.
    { train: [5, 6], season: 7, horizon: 3, expected: [5, 6, 5] },
    { train: [], season: 7, horizon: 2, expected: [0, 0] },
  ])('$train, season $season', ({ train, season, horizon, expected }) => {
    expect(seasonalNaiveForecast(train, horizon, season)).toEqual(expected);
  });
});

describe('Croston and SBA', () => {
  it('forecasts size / interval on a constant-interval series', () => {
    // Demand of 6 every third period: every smoothed size is 6 and every interval 3.
    const train = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? 6 : 0));
    expect(crostonRate(train, 0.1)).toBeCloseTo(2, 12);
    // Every α forecasts 2 here, so SBA's in-sample error is least with the smallest bias factor: α 0.05.
    expect(sba.forecast(train, 3, context)).toEqual(new Array(3).fill((1 - 0.05 / 2) * 2));
  });

  it('updates size and interval only when demand occurs (hand-computed)', () => {
    // First demand 4 after 2 periods: z = 4, p = 2. Next demand 8 after 3 periods:
    // z = 4 + 0.1·(8 − 4) = 4.4, p = 2 + 0.1·(3 − 2) = 2.1 → 4.4 / 2.1.
    expect(crostonRate([0, 4, 0, 0, 8, 0], 0.1)).toBeCloseTo(4.4 / 2.1, 12);
  });

  it('forecasts zero without any demand', () => {
    expect(crostonRate([0, 0, 0], 0.1)).toBe(0);
  });
});

describe('TSB', () => {
  it('smooths the probability every period and the size on demand (hand-computed)', () => {
    // First demand at index 1: z = 4, p = 1/2. Then 0: p = 0.5 + 0.05·(0 − 0.5) = 0.475;
    // then 8: p = 0.475 + 0.05·(1 − 0.475) = 0.50125, z = 4 + 0.1·4 = 4.4.
    expect(tsbRate([0, 4, 0, 8], 0.1, 0.05)).toBeCloseTo(0.50125 * 4.4, 12);
  });

  it('decays while no demand arrives, unlike Croston', () => {
    const history = [5, 5, 5, 5];
    const quiet = [...history, ...new Array<number>(20).fill(0)];
    expect(tsbRate(quiet, 0.1, 0.05)).toBeLessThan(tsbRate(history, 0.1, 0.05));
    expect(crostonRate(quiet, 0.1)).toBe(crostonRate(history, 0.1));
  });
});

describe('smoothing constants chosen per series', () => {
  it('scores one-step forecasts after the first demand (hand-computed)', () => {
    // Rate 4 / 2 = 2 forecasts periods 2, 3, 4 (errors 2, 2, 6); then 4.4 / 2.1 forecasts period 5.
    expect(crostonFit([0, 4, 0, 0, 8, 0], 0.1).squaredError).toBeCloseTo(4 + 4 + 36 + (4.4 / 2.1) ** 2, 12);
    // TSB: p · z = 2 forecasts period 2 (error 2), then 0.475 · 4 = 1.9 forecasts the 8.
    expect(tsbFit([0, 4, 0, 8], 0.1, 0.05).squaredError).toBeCloseTo(4 + (8 - 1.9) ** 2, 12);
  });

  it('picks the grid entry with the least error, the earlier one on a tie', () => {
    expect(pickByError([3, 1, 2, 1], (x) => x)).toBe(1);
    expect(pickByError(['a', 'b'], () => 0)).toBe('a');
    expect(() => pickByError([], () => 0)).toThrow();
  });

  it('takes a larger α when demand sizes shift, a smaller one when they are steady', () => {
    const shift = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? (i < 20 ? 2 : 10) : 0));
    const steady = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 2 + (i % 4) : 0));
    expect(crostonAlpha(shift, 'croston')).toBe(0.3);
    expect(crostonAlpha(steady, 'croston')).toBe(0.1);
  });

  it('gives TSB a faster probability update when demand stops', () => {
    const steady = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 2 + (i % 4) : 0));
    const dying = [
      ...Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 4 : 0)),
      ...new Array<number>(30).fill(0),
    ];
    const best = (train: number[]) =>
      pickByError(TSB_GRID, (e) => tsbFit(train, e.alpha, e.beta).squaredError);
    expect(best(dying).beta).toBeGreaterThan(best(steady).beta);
  });
});
