/**
 * Accuracy measures that survive zeros (never MAPE). MASE and RMSSE are scaled by the in-sample
 * seasonal naive errors of the training values, so 1 means "as good as repeating last season".
 */

/** In-sample seasonal naive errors: mean |y_t − y_{t−m}| and mean (y_t − y_{t−m})². */
export function naiveScale(train: readonly number[], season: number): { mae: number; mse: number } {
  const m = Math.max(1, Math.min(season, train.length - 1));
  let abs = 0;
  let sq = 0;
  let count = 0;
  for (let t = m; t < train.length; t += 1) {
    const diff = (train[t] ?? 0) - (train[t - m] ?? 0);
    abs += Math.abs(diff);
    sq += diff * diff;
    count += 1;
  }
  // A flat training history has no naive error to scale by; one unit keeps the measure finite.
  return count === 0 || abs === 0 ? { mae: 1, mse: 1 } : { mae: abs / count, mse: sq / count };
}

export function mase(actual: readonly number[], forecast: readonly number[], scaleMae: number): number {
  return meanOf(actual.map((y, i) => Math.abs(y - (forecast[i] ?? 0)))) / scaleMae;
}

export function rmsse(actual: readonly number[], forecast: readonly number[], scaleMse: number): number {
  return Math.sqrt(meanOf(actual.map((y, i) => (y - (forecast[i] ?? 0)) ** 2)) / scaleMse);
}

/** Σ|error| / Σ|actual|; undefined when there was no demand to weigh by. */
export function wape(actual: readonly number[], forecast: readonly number[]): number | undefined {
  const total = sumOf(actual.map(Math.abs));
  return total === 0 ? undefined : sumOf(actual.map((y, i) => Math.abs(y - (forecast[i] ?? 0)))) / total;
}

/** Σ(forecast − actual) / Σ actual: positive means over-forecast. */
export function bias(actual: readonly number[], forecast: readonly number[]): number | undefined {
  const total = sumOf(actual);
  return total === 0 ? undefined : sumOf(actual.map((y, i) => (forecast[i] ?? 0) - y)) / total;
}

/** Share of actuals inside [lower, upper]. */
export function coverage(
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
): number {
  if (actual.length === 0) return 0;
  const inside = actual.filter((y, i) => y >= (lower[i] ?? 0) && y <= (upper[i] ?? 0)).length;
  return inside / actual.length;
}

export function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function meanOf(values: readonly number[]): number {
  return values.length === 0 ? 0 : sumOf(values) / values.length;
}
