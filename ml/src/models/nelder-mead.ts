/**
 * Nelder–Mead simplex minimisation (standard coefficients: reflection 1, expansion 2, contraction
 * ½, shrink ½), for the few-parameter fits the models need. Deterministic: the same start gives
 * the same point.
 */
export interface NelderMeadOptions {
  /** Initial simplex edge along each axis. */
  step?: number;
  maxIterations?: number;
  /** Stop when the simplex's values differ by less than this (relative to their size). */
  tolerance?: number;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): number[] {
  const { step = 0.5, maxIterations = 200, tolerance = 1e-10 } = options;
  const n = start.length;
  if (n === 0) return [];
  const simplex = [
    [...start],
    ...start.map((_, i) => start.map((value, j) => (i === j ? value + step : value))),
  ];
  const values = simplex.map((x) => f(x));
  const along = (from: readonly number[], to: readonly number[], t: number) =>
    from.map((value, i) => value + t * ((to[i] ?? 0) - value));
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    const order = values.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
    const sorted = order.map((i) => simplex[i] as number[]);
    const fs = order.map((i) => values[i] as number);
    simplex.splice(0, simplex.length, ...sorted);
    values.splice(0, values.length, ...fs);
    const bestValue = values[0] ?? 0;
    const worstValue = values[n] ?? 0;
    if (Math.abs(worstValue - bestValue) <= tolerance * (Math.abs(bestValue) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k += 1) {
      (simplex[k] ?? []).forEach((value, i) => (centroid[i] = (centroid[i] ?? 0) + value / n));
    }
    const worst = simplex[n] ?? [];
    const reflected = along(centroid, worst, -1);
    const fr = f(reflected);
    if (fr < bestValue) {
      const expanded = along(centroid, worst, -2);
      const fe = f(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < (values[n - 1] ?? 0)) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < worstValue ? along(centroid, worst, -0.5) : along(centroid, worst, 0.5);
      const fc = f(contracted);
      if (fc < Math.min(fr, worstValue)) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        const best = simplex[0] ?? [];
        for (let k = 1; k <= n; k += 1) {
          simplex[k] = along(best, simplex[k] ?? [], 0.5);
          values[k] = f(simplex[k] ?? []);
        }
      }
    }
  }
  let bestIndex = 0;
  values.forEach((value, i) => {
    if (value < (values[bestIndex] ?? Infinity)) bestIndex = i;
  });
  return simplex[bestIndex] ?? [...start];
}
