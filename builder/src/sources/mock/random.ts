/**
 * Seeded pseudo-random numbers for the item catalogue (mulberry32): small, fast and reproducible
 * across Node versions. Daily demand is drawn inside DuckDB from hash(), not from here.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, values: readonly [T, ...T[]]): T {
  return values[Math.floor(random() * values.length)] ?? values[0];
}

export function between(random: Random, low: number, high: number): number {
  return low + random() * (high - low);
}

/** Picks a key with probability proportional to its weight. */
export function weighted<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [key, weight] of entries) {
    draw -= weight;
    if (draw < 0) return key;
  }
  const last = entries.findLast(([, weight]) => weight > 0);
  if (!last) throw new Error('weighted() needs a positive weight');
  return last[0];
}

/** The value at `index`, wrapping around. */
export function cycle<T>(values: readonly [T, ...T[]], index: number): T {
  return values[index % values.length] ?? values[0];
}
