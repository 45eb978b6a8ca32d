import { describe, expect, it } from 'vitest';
import { CROSTON_ALPHA, crostonRate, sba } from '../../../ml/src/models/croston.ts';
import { seasonalNaiveForecast } from '../../../ml/src/models/seasonal-naive.ts';
import { tsbRate } from '../../../ml/src/models/tsb.ts';

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
    expect(crostonRate(train)).toBeCloseTo(2, 12);
    expect(sba.forecast(train, 3, context)).toEqual(new Array(3).fill((1 - CROSTON_ALPHA / 2) * 2));
  });

  it('updates size and interval only when demand occurs (hand-computed)', () => {
    // First demand 4 after 2 periods: z = 4, p = 2. Next demand 8 after 3 periods:
    // z = 4 + 0.1·(8 − 4) = 4.4, p = 2 + 0.1·(3 − 2) = 2.1 → 4.4 / 2.1.
    expect(crostonRate([0, 4, 0, 0, 8, 0])).toBeCloseTo(4.4 / 2.1, 12);
  });

  it('forecasts zero without any demand', () => {
    expect(crostonRate([0, 0, 0])).toBe(0);
  });
});

describe('TSB', () => {
  it('smooths the probability every period and the size on demand (hand-computed)', () => {
    // First demand at index 1: z = 4, p = 1/2. Then 0: p = 0.5 + 0.05·(0 − 0.5) = 0.475;
    // then 8: p = 0.475 + 0.05·(1 − 0.475) = 0.50125, z = 4 + 0.1·4 = 4.4.
    expect(tsbRate([0, 4, 0, 8])).toBeCloseTo(0.50125 * 4.4, 12);
  });

  it('decays while no demand arrives, unlike Croston', () => {
    const history = [5, 5, 5, 5];
    const quiet = [...history, ...new Array<number>(20).fill(0)];
    expect(tsbRate(quiet)).toBeLessThan(tsbRate(history));
    expect(crostonRate(quiet)).toBe(crostonRate(history));
  });
});
