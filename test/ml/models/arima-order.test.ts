/** ARIMA's own order choice and CSS fit, against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { cssForecast } from '../../../ml/src/models/arima.ts';
import {
  chooseArimaOrder,
  cssFit,
  cssResidualSquares,
  differencingOrder,
  kpssLevel,
} from '../../../ml/src/models/arima-order.ts';
import { seededRandom } from '../../../ml/src/models/lstm-windows.ts';

/** Zero-mean noise from the project's seeded generator (sum of 4 uniforms: near-Gaussian). */
function noise(n: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => random() + random() + random() + random() - 2);
}

describe('KPSS level statistic', () => {
  it('matches the hand computation without and with a Bartlett lag', () => {
    // n = 4, lag trunc(3·2/13) = 0: partial sums −1.5, −2, −1.5, 0 → η = 8.5 / 16; σ² = 5 / 4.
    expect(kpssLevel([1, 2, 3, 4])).toBeCloseTo(8.5 / 16 / 1.25, 12);
    // n = 20 alternating 0, 1: lag 1; partial sums −½, 0, … → η = 2.5 / 400; the lag-1 products
    // add 19 · (−¼) · ½ twice: long-run variance (5 − 4.75) / 20.
    const alternating = Array.from({ length: 20 }, (_, i) => i % 2);
    expect(kpssLevel(alternating)).toBeCloseTo(2.5 / 400 / (0.25 / 20), 12);
  });

  it('differences a trend or a random walk, not noise or a constant', () => {
    expect(differencingOrder(Array.from({ length: 52 }, (_, i) => 10 + i))).toBe(1);
    let walk = 0;
    expect(differencingOrder(noise(200, 3).map((e) => (walk += e)))).toBe(1);
    expect(differencingOrder(noise(52, 4).map((e) => 20 + e))).toBe(0);
    expect(differencingOrder(new Array<number>(52).fill(5))).toBe(0);
  });
});

describe('CSS fit', () => {
  it('sums the conditional residuals by hand', () => {
    // w = 1, 2, 4; φ = θ = ½, μ = 1: residuals 2 − 1 = 1, then 4 − 1 − ½·1 − ½·1 = 2.
    expect(cssResidualSquares([1, 2, 4], { p: 1, q: 1 }, 0.5, 0.5, 1)).toBe(5);
    // Every order is scored from the second value on: 2² + 4².
    expect(cssResidualSquares([1, 2, 4], { p: 0, q: 0 }, 0, 0, 0)).toBe(20);
  });

  it('fits a mean exactly and scores it by AICc', () => {
    // Scored from the second value: mean of 2, 4, 6, 8 is 5, squares 9 + 1 + 1 + 9 = 20 over 4
    // values; k = 2 (mean, variance): AICc adds 2k and 2k(k + 1) / (4 − k − 1) = 12.
    const fit = cssFit([9, 2, 4, 6, 8], 0, 0, true);
    expect(fit.mu).toBe(5);
    expect(fit.sigma2).toBe(5);
    const logLik = -0.5 * 4 * (Math.log(2 * Math.PI * 5) + 1);
    expect(fit.aicc).toBeCloseTo(-2 * logLik + 4 + 12, 12);
  });

  it('recovers an AR(1) and chooses its order', () => {
    const e = noise(300, 13);
    const x: number[] = [];
    e.forEach((shock, t) => x.push(50 + 0.7 * ((x[t - 1] ?? 50) - 50) + shock));
    const fit = cssFit(x, 1, 0, true);
    expect(fit.phi).toBeGreaterThan(0.6);
    expect(fit.phi).toBeLessThan(0.8);
    expect(fit.mu).toBeCloseTo(50, 0);
    expect(chooseArimaOrder(x)).toEqual({ p: 1, d: 0, q: 0 });
    // White noise needs neither part (AICc still lets a near-cancelling ARMA(1, 1) through on
    // about a quarter of such series; this one is not among them).
    expect(chooseArimaOrder(noise(300, 1).map((v) => 9 + v))).toEqual({ p: 0, d: 0, q: 0 });
  });
});

describe('CSS forecast', () => {
  it('forecasts the mean, decays an AR(1) to it, and keeps a straight line going', () => {
    expect(cssForecast([9, 2, 4, 6, 8], { p: 0, d: 0, q: 0 }, 2)).toEqual([5, 5]);
    const x = [10, 14, 9, 15, 8, 13, 11, 16, 7, 12, 10, 14];
    const fit = cssFit(x, 1, 0, true);
    const forecast = cssForecast(x, { p: 1, d: 0, q: 0 }, 3);
    forecast.forEach((value, h) =>
      expect(value).toBeCloseTo(fit.mu + fit.phi ** (h + 1) * ((x.at(-1) ?? 0) - fit.mu), 12),
    );
    const line = Array.from({ length: 30 }, (_, i) => 4 + 2 * i);
    expect(chooseArimaOrder(line).d).toBe(1);
    expect(cssForecast(line, chooseArimaOrder(line), 3)).toEqual([64, 66, 68]);
  });
});
