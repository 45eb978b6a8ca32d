import { describe, expect, it } from 'vitest';
import { trendPoints } from '../../../../web/src/lib/views/overview/trend-points.ts';

const actual = [
  { period: '2024-01-01', value_brl: 10, units: 1, partial: true },
  { period: '2024-01-08', value_brl: 20, units: 2, partial: false },
  { period: '2024-01-15', value_brl: 30, units: 3, partial: false },
  { period: '2024-01-22', value_brl: 5, units: 0.5, partial: true },
];
const forecast = [
  {
    period: '2024-01-22',
    value_low: 1,
    value_mid: 2,
    value_high: 3,
    units_low: 0.1,
    units_mid: 0.2,
    units_high: 0.3,
    partial: true,
  },
  {
    period: '2024-01-29',
    value_low: 10,
    value_mid: 20,
    value_high: 30,
    units_low: 1,
    units_mid: 2,
    units_high: 3,
    partial: false,
  },
];

describe('trendPoints', () => {
  it('drops partial periods and continues the actuals with the forecast, in value', () => {
    const points = trendPoints(actual, forecast, false);
    expect(points.map((p) => [p.t.toISOString().slice(0, 10), p.actual, p.yhat, p.lower, p.upper])).toEqual([
      ['2024-01-08', 20, null, null, null],
      ['2024-01-15', 30, null, null, null],
      ['2024-01-29', null, 20, 10, 30],
    ]);
  });

  it('uses units when every item shares one unit', () => {
    const points = trendPoints(actual, forecast, true);
    expect(points.map((p) => p.actual ?? p.yhat)).toEqual([2, 3, 2]);
  });

  it('has no forecast points without forecast rows', () => {
    expect(trendPoints(actual, [], false).every((p) => p.yhat === null)).toBe(true);
  });
});
