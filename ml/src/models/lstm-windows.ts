/**
 * Training windows for the global LSTM: each series scaled by the mean of its own training values
 * (so items of any volume share one model), cut into input windows of `window` values and the next
 * value as target, sampled with a seeded generator so a run is reproducible.
 */
export interface ScaledSeries {
  values: number[];
  scale: number;
}

export function scaleSeries(train: readonly number[]): ScaledSeries {
  const mean = train.reduce((sum, value) => sum + value, 0) / Math.max(1, train.length);
  const scale = mean > 0 ? mean : 1;
  return { values: train.map((value) => value / scale), scale };
}

/** Mulberry32: a small, well-distributed seeded generator. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sampleWindows(
  series: readonly ScaledSeries[],
  window: number,
  perSeries: number,
  random: () => number,
): { inputs: number[][]; targets: number[] } {
  const inputs: number[][] = [];
  const targets: number[] = [];
  for (const { values } of series) {
    const starts = values.length - window;
    if (starts <= 0) continue;
    for (let k = 0; k < perSeries; k += 1) {
      const start = Math.floor(random() * starts);
      inputs.push(values.slice(start, start + window));
      targets.push(values[start + window] ?? 0);
    }
  }
  return { inputs, targets };
}
