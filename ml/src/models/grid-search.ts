/**
 * The smoothing constants of Croston, SBA and TSB chosen per series from a small grid by in-sample
 * one-step-ahead squared error (the training values only, so the backtest stays honest); ties go to
 * the earlier grid entry.
 */
export function pickByError<T>(grid: readonly T[], errorOf: (entry: T) => number): T {
  let best = grid[0];
  let bestError = Infinity;
  for (const entry of grid) {
    const error = errorOf(entry);
    if (error < bestError) {
      best = entry;
      bestError = error;
    }
  }
  if (best === undefined) throw new Error('an empty grid');
  return best;
}
