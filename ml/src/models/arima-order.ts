/**
 * ARIMA's order, chosen automatically and cheaply: the Hyndman–Khandakar recipe (as forecast's
 * auto.arima and the `arima` package's own search run it) cut to p, d, q ≤ 1. The differencing
 * order comes from a KPSS level test at 5 %; then each (p, q) ∈ {0, 1}² is fitted to the
 * (differenced) series by conditional sum of squares (CSS, what the package's search uses too, as
 * "approximation"), with a mean when d = 0, and the lowest AICc wins. The package then estimates
 * only the chosen model (arima.ts).
 *
 * Why not the package's search: each model it tries with a mean re-runs a regression and a
 * numerical Hessian whose fixed cost (≈ 3–10 ms, whatever the length) made ARIMA two thirds of
 * all fitting time; these CSS fits of at most three parameters on ~52 values take microseconds.
 */
import { nelderMead } from './nelder-mead.ts';

export interface ArimaOrder {
  p: 0 | 1;
  d: 0 | 1;
  q: 0 | 1;
}

/** KPSS 5 % critical value for level stationarity (Kwiatkowski et al. 1992, table 1). */
export const KPSS_CRITICAL_5 = 0.463;

/**
 * KPSS statistic for level stationarity: the partial sums of the demeaned series against a
 * Bartlett-weighted long-run variance with the short lag trunc(3·√n / 13), as forecast's ndiffs.
 */
export function kpssLevel(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const e = values.map((value) => value - mean);
  let partial = 0;
  let eta = 0;
  let variance = 0;
  for (const r of e) {
    partial += r;
    eta += partial * partial;
    variance += r * r;
  }
  const lag = Math.trunc((3 * Math.sqrt(n)) / 13);
  let cross = 0;
  for (let i = 1; i <= lag; i += 1) {
    let sum = 0;
    for (let t = i; t < n; t += 1) sum += (e[t] ?? 0) * (e[t - i] ?? 0);
    cross += (1 - i / (lag + 1)) * sum;
  }
  const longRun = (variance + 2 * cross) / n;
  return eta / (n * n) / longRun;
}

const isConstant = (values: readonly number[]) => values.every((value) => value === values[0]);

/** 1 when the series is not level-stationary by KPSS at 5 % (a constant series needs none). */
export function differencingOrder(values: readonly number[]): 0 | 1 {
  if (values.length < 3 || isConstant(values)) return 0;
  return kpssLevel(values) > KPSS_CRITICAL_5 ? 1 : 0;
}

export function difference(values: readonly number[]): number[] {
  return values.slice(1).map((value, t) => value - (values[t] ?? 0));
}

/**
 * Every candidate's residuals start at the second value, the one the AR(1) term needs first, so
 * all four are scored on the same values (conditioning each on its own p alone would hand the
 * models with p = 1 a residual fewer, which by itself tilts AICc towards them).
 */
export const CONDITIONED = 1;

/**
 * Conditional sum of squares of an ARMA(p ≤ 1, q ≤ 1) with mean `mu` over the values from
 * `CONDITIONED` on; the innovation before the first residual is taken as 0.
 */
export function cssResidualSquares(
  w: readonly number[],
  order: { p: 0 | 1; q: 0 | 1 },
  phi: number,
  theta: number,
  mu: number,
): number {
  let sum = 0;
  let previous = 0;
  for (let t = CONDITIONED; t < w.length; t += 1) {
    const ar = order.p === 1 ? phi * ((w[t - 1] ?? 0) - mu) : 0;
    const ma = order.q === 1 ? theta * previous : 0;
    const residual = (w[t] ?? 0) - mu - ar - ma;
    sum += residual * residual;
    previous = residual;
  }
  return sum;
}

export interface CssFit {
  phi: number;
  theta: number;
  mu: number;
  /** Residuals the sum ran over (the series less the conditioned first value). */
  used: number;
  sigma2: number;
  aicc: number;
}

/**
 * Fits ARMA(p, q) by CSS, φ and θ kept inside (−1, 1) (stationary, invertible) through tanh,
 * and scores it by AICc on the Gaussian CSS likelihood.
 */
export function cssFit(w: readonly number[], p: 0 | 1, q: 0 | 1, withMean: boolean): CssFit {
  const scored = w.slice(CONDITIONED);
  const mean = withMean ? scored.reduce((a, b) => a + b, 0) / Math.max(1, scored.length) : 0;
  const spread = Math.sqrt(scored.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, scored.length)) || 1;
  // Free parameters in a fixed order: [atanh φ], [atanh θ], [μ in units of the spread].
  const unpack = (x: readonly number[]) => {
    let k = 0;
    const phi = p === 1 ? Math.tanh(x[k++] ?? 0) : 0;
    const theta = q === 1 ? Math.tanh(x[k++] ?? 0) : 0;
    const mu = withMean ? mean + (x[k] ?? 0) * spread : 0;
    return { phi, theta, mu };
  };
  const objective = (x: readonly number[]) => {
    const { phi, theta, mu } = unpack(x);
    return cssResidualSquares(w, { p, q }, phi, theta, mu);
  };
  const dimensions = p + q + (withMean ? 1 : 0);
  const best =
    dimensions === 0 || (p === 0 && q === 0)
      ? new Array<number>(dimensions).fill(0)
      : nelderMead(objective, new Array<number>(dimensions).fill(0), { step: 0.5 });
  const { phi, theta, mu } = unpack(best);
  const used = Math.max(0, w.length - CONDITIONED);
  const sigma2 = Math.max(objective(best) / used, Number.MIN_VALUE);
  const k = dimensions + 1;
  const logLik = -0.5 * used * (Math.log(2 * Math.PI * sigma2) + 1);
  const aicc = -2 * logLik + 2 * k + (used - k - 1 > 0 ? (2 * k * (k + 1)) / (used - k - 1) : Infinity);
  return { phi, theta, mu, used, sigma2, aicc };
}

/** The order with the lowest AICc; ties go to the simpler model (fewer parameters, then p = 0). */
export function chooseArimaOrder(values: readonly number[]): ArimaOrder {
  const d = differencingOrder(values);
  const w = d === 1 ? difference(values) : [...values];
  const candidates: { p: 0 | 1; q: 0 | 1 }[] = [
    { p: 0, q: 0 },
    { p: 0, q: 1 },
    { p: 1, q: 0 },
    { p: 1, q: 1 },
  ];
  let best: (ArimaOrder & { aicc: number }) | undefined;
  for (const { p, q } of candidates) {
    const { aicc } = cssFit(w, p, q, d === 0);
    if (best === undefined || aicc < best.aicc) best = { p, d, q, aicc };
  }
  return { p: best?.p ?? 0, d, q: best?.q ?? 0 };
}
