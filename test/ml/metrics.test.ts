import { describe, expect, it } from 'vitest';
import { bias, coverage, mase, naiveScale, rmsse, wape } from '../../ml/src/metrics.ts';
import { normalQuantile, quantile } from '../../ml/src/quantile.ts';
import { inventoryPolicy } from '../../ml/src/inventory-policy.ts';

describe('accuracy measures', () => {
  // Training 2, 4, 6, 8 with season 1: naive errors are all 2, so MAE 2 and MSE 4.
  const scale = naiveScale([2, 4, 6, 8], 1);
  const actual = [10, 0, 5];
  const forecast = [8, 1, 5];

  it('scales by the in-sample seasonal naive errors', () => {
    expect(scale).toEqual({ mae: 2, mse: 4 });
    expect(naiveScale([3, 3, 3], 1)).toEqual({ mae: 1, mse: 1 });
  });

  it.each([
    { name: 'MASE', value: () => mase(actual, forecast, scale.mae), expected: 3 / 3 / 2 },
    { name: 'RMSSE', value: () => rmsse(actual, forecast, scale.mse), expected: Math.sqrt(5 / 3 / 4) },
    { name: 'WAPE', value: () => wape(actual, forecast), expected: 3 / 15 },
    { name: 'bias', value: () => bias(actual, forecast), expected: -1 / 15 },
    { name: 'coverage', value: () => coverage(actual, [9, 0, 6], [11, 0, 7]), expected: 2 / 3 },
  ])('$name', ({ value, expected }) => {
    expect(value()).toBeCloseTo(expected, 12);
  });

  it('leaves WAPE and bias undefined without demand', () => {
    expect(wape([0, 0], [1, 1])).toBeUndefined();
    expect(bias([0, 0], [1, 1])).toBeUndefined();
  });
});

describe('quantiles', () => {
  it.each([
    { values: [1, 2, 3, 4, 5], p: 0.5, expected: 3 },
    { values: [1, 2, 3, 4], p: 0.5, expected: 2.5 },
    { values: [10, 0], p: 0.1, expected: 1 },
  ])('empirical $p of $values', ({ values, p, expected }) => {
    expect(quantile(values, p)).toBeCloseTo(expected, 12);
  });

  it.each([
    { p: 0.5, z: 0 },
    { p: 0.95, z: 1.6448536269514722 },
    { p: 0.975, z: 1.959963984540054 },
    { p: 0.01, z: -2.3263478740408408 },
  ])('standard normal quantile at $p', ({ p, z }) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 7);
  });
});

describe('inventory policy', () => {
  it('safety stock z·σ·√L and reorder point = lead-time demand + safety stock', () => {
    const policy = inventoryPolicy({ rmse: 2, future: [3, 3, 3, 3, 3], leadPeriods: 4, serviceLevel: 0.95 });
    expect(policy.safetyStock).toBeCloseTo(1.6448536269514722 * 2 * 2, 6);
    expect(policy.reorderPoint).toBeCloseTo(12 + policy.safetyStock, 6);
  });

  it('counts a fractional last period of the lead time', () => {
    const policy = inventoryPolicy({ rmse: 0, future: [10, 20], leadPeriods: 1.5, serviceLevel: 0.9 });
    expect(policy.reorderPoint).toBeCloseTo(20, 12);
  });
});
