import { describe, expect, it } from 'vitest';
import { fitGlobalLstm } from '../../../ml/src/models/lstm.ts';
import { sampleWindows, scaleSeries, seededRandom } from '../../../ml/src/models/lstm-windows.ts';

const config = { window: 7, units: 8, epochs: 40, samplesPerSeries: 32, maxSamples: 1000, seed: 7 };

describe('global LSTM', () => {
  it('scales each series by its mean and samples windows reproducibly', () => {
    expect(scaleSeries([2, 4, 6])).toEqual({ values: [0.5, 1, 1.5], scale: 4 });
    expect(scaleSeries([0, 0])).toEqual({ values: [0, 0], scale: 1 });
    const series = [scaleSeries(Array.from({ length: 20 }, (_, i) => i + 1))];
    const a = sampleWindows(series, 5, 3, seededRandom(1));
    expect(a).toEqual(sampleWindows(series, 5, 3, seededRandom(1)));
    a.inputs.forEach((input, k) => {
      expect(input).toHaveLength(5);
      // Each target is the value right after its window.
      const last = input.at(-1) ?? 0;
      expect(a.targets[k]).toBeCloseTo(last + 1 / (series[0]?.scale ?? 1), 12);
    });
  });

  it('is trained across series and gives the same forecast for the same seed', async () => {
    const trains = [
      Array.from({ length: 40 }, (_, i) => 10 + (i % 7)),
      Array.from({ length: 40 }, (_, i) => 100 + 10 * (i % 7)),
    ];
    const first = await fitGlobalLstm(trains, 5, config);
    const second = await fitGlobalLstm(trains, 5, config);
    expect(first).toEqual(second);
    expect(first).toHaveLength(2);
    for (const forecast of first) {
      expect(forecast).toHaveLength(5);
      for (const value of forecast) expect(value).toBeGreaterThanOrEqual(0);
    }
    // Forecasts come back in each series' own units.
    expect(Math.min(...(first[1] ?? []))).toBeGreaterThan(Math.max(...(first[0] ?? [])));
  }, 120_000);
});
