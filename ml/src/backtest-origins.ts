/**
 * Rolling origins: the last `origins` windows of `backtestHorizon` periods, back to back, the last
 * one ending at the last actual. An origin is the number of values training may see; a window that
 * would leave no full season plus one value of training is dropped (short series get fewer origins).
 */
import type { SeriesSpec } from './series.ts';

export function backtestOrigins(length: number, spec: SeriesSpec): number[] {
  const minTrain = spec.seasonLength + 1;
  const origins: number[] = [];
  for (let k = spec.origins; k >= 1; k -= 1) {
    const origin = length - k * spec.backtestHorizon;
    if (origin >= minTrain) origins.push(origin);
  }
  return origins;
}
