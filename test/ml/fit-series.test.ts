/**
 * The backtest's leakage guard: at every origin a model sees only the values before it. Test-period
 * values are marked by a sentinel that no training value has, and a spy model records what it sees.
 */
import { describe, expect, it } from 'vitest';
import { backtestOrigins } from '../../ml/src/backtest-origins.ts';
import { fitSeries } from '../../ml/src/fit-series.ts';
import { logFailures } from '../../ml/src/forecast-items.ts';
import { evaluateSeries } from '../../ml/src/evaluate-series.ts';
import type { LocalModel } from '../../ml/src/models/model.ts';
import { seasonalNaive } from '../../ml/src/models/seasonal-naive.ts';
import { defaultSpec, type Series } from '../../ml/src/series.ts';

const spec = { ...defaultSpec('day'), backtestHorizon: 5, origins: 4, horizon: 6 };

describe('rolling origins', () => {
  it('places the windows back to back, the last ending at the last actual', () => {
    expect(backtestOrigins(100, spec)).toEqual([80, 85, 90, 95]);
  });

  it('drops windows that would leave less than a season plus one value to train on', () => {
    expect(backtestOrigins(20, spec)).toEqual([10, 15]);
  });
});

describe('leakage guard', () => {
  it('never lets a value of the test window reach training', () => {
    const length = 60;
    const origins = backtestOrigins(length, spec);
    const firstTest = origins[0] ?? length;
    // Training values are small; every value from the first test window on is unique and ≥ 1000.
    const values = Array.from({ length }, (_, i) => (i < firstTest ? i % 7 : 1000 + i));
    const seen: number[][] = [];
    const spy: LocalModel = {
      name: 'croston',
      forecast: (train, horizon) => {
        seen.push([...train]);
        return new Array<number>(horizon).fill(0);
      },
    };
    fitSeries({ itemId: 'A', start: '2026-01-01', values }, spec, [spy]);
    expect(seen).toHaveLength(origins.length + 1);
    origins.forEach((origin, k) => {
      const train = seen[k] ?? [];
      expect(train).toHaveLength(origin);
      expect(train).toEqual(values.slice(0, origin));
      // No value at or after this origin appears in what the model saw.
      const future = new Set(values.slice(origin).filter((value) => value >= 1000));
      expect(train.some((value) => future.has(value))).toBe(false);
    });
    // The final fit, for the future, sees the whole history.
    expect(seen.at(-1)).toEqual(values);
  });

  it('does not let a model change the series it was given', () => {
    const values = Array.from({ length: 40 }, (_, i) => i);
    const vandal: LocalModel = {
      name: 'tsb',
      forecast: (train, horizon) => {
        (train as number[]).fill(-1);
        return new Array<number>(horizon).fill(1);
      },
    };
    const series: Series = { itemId: 'A', start: '2026-01-01', values };
    const fit = fitSeries(series, spec, [vandal, seasonalNaive]);
    expect(values).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(fit.actuals.flat()).toEqual(values.slice(20));
  });
});

describe('selection', () => {
  it('selects the model with the lowest mean MASE and scores the baseline at its own scale', () => {
    // A pure weekly pattern: seasonal naive is exact, a flat forecast is not.
    const values = Array.from({ length: 70 }, (_, i) => [1, 2, 3, 4, 5, 6, 20][i % 7] ?? 0);
    const flat: LocalModel = {
      name: 'sba',
      forecast: (_train, horizon) => new Array<number>(horizon).fill(6),
    };
    const fit = fitSeries({ itemId: 'A', start: '2026-01-05', values }, spec, [seasonalNaive, flat]);
    const { scores, selected } = evaluateSeries(fit, 0.8, ['seasonal_naive', 'sba']);
    expect(selected?.model).toBe('seasonal_naive');
    expect(scores.find((score) => score.model === 'seasonal_naive')?.mase).toBe(0);
    expect(scores.find((score) => score.model === 'sba')?.mase).toBeGreaterThan(0);
  });
});

describe('failed fits', () => {
  it('are recorded per model and reported once per model with a count and an example', () => {
    const broken: LocalModel = {
      name: 'prophet',
      forecast: () => {
        throw new Error('Optimization failed:\n  Line search failed');
      },
    };
    const values = Array.from({ length: 40 }, (_, i) => i % 7);
    const fits = ['A', 'B'].map((itemId) =>
      fitSeries({ itemId, start: '2026-01-01', values }, spec, [seasonalNaive, broken]),
    );
    expect(fits.map((fit) => fit.fits.map((one) => one.model))).toEqual([
      ['seasonal_naive'],
      ['seasonal_naive'],
    ]);
    const lines: string[] = [];
    logFailures(fits, 3, (line) => lines.push(line));
    expect(lines).toEqual([
      'ml: prophet could not fit 2 of 3 series and was left out of their selection (A: Optimization failed: Line search failed)',
    ]);
  });
});
