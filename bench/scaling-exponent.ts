/**
 * How build time grows with size: the slope k of log(seconds) against log(rows), so time ∝ rows^k.
 * k ≈ 1 is linear; above 1 the builder gets slower per row as it grows, below 1 fixed costs dominate.
 */
import { linearRegression } from 'simple-statistics';

export function scalingExponent(points: readonly { rows: number; seconds: number }[]): number | undefined {
  // A slope needs two distinct sizes.
  if (new Set(points.map((point) => point.rows)).size < 2) return undefined;
  return linearRegression(points.map((point) => [Math.log(point.rows), Math.log(point.seconds)])).m;
}
