import { describe, expect, it } from 'vitest';
import { itemSeries } from '../../../../web/src/lib/views/item/item-series.ts';

const history = [
  { period: '2024-12-16', units: 10, days: 7 },
  { period: '2024-12-23', units: 12, days: 7 },
  { period: '2024-12-30', units: 3, days: 2 },
];
const forecast = (period: string, yhat: number, days: number) => ({
  period,
  yhat,
  yhat_lower: yhat - 1,
  yhat_upper: yhat + 2,
  days,
  model: 'ets',
  forecast_origin: '2024-12-31',
});

describe('itemSeries', () => {
  it('merges a period that holds actuals and forecast into one point', () => {
    const { points, days } = itemSeries(history, [
      forecast('2024-12-30', 9, 5),
      forecast('2025-01-06', 11, 7),
    ]);
    expect(points.map((p) => [p.t.toISOString().slice(0, 10), p.actual, p.yhat])).toEqual([
      ['2024-12-16', 10, null],
      ['2024-12-23', 12, null],
      ['2024-12-30', 3, 9],
      ['2025-01-06', null, 11],
    ]);
    expect(days.get('2024-12-30')).toEqual({ actual: 2, forecast: 5 });
    expect(points[3]).toMatchObject({ lower: 10, upper: 13 });
  });

  it('starts the forecast line at the last actual when the periods do not overlap', () => {
    const { points, days } = itemSeries(history, [forecast('2025-01-06', 11, 7)]);
    expect(points[2]).toMatchObject({ actual: 3, yhat: 3, lower: null, upper: null });
    expect(days.get('2024-12-30')).toEqual({ actual: 2, forecast: 0 });
  });

  it('keeps actuals alone when there is no forecast', () => {
    const { points } = itemSeries(history, []);
    expect(points.every((p) => p.yhat === null)).toBe(true);
  });

  it('sorts by period whatever the input order', () => {
    const { points } = itemSeries([...history].reverse(), []);
    expect(points.map((p) => p.actual)).toEqual([10, 12, 3]);
  });
});
