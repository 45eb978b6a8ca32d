/**
 * The figures the goals are stated in, computed from the per-query medians: wasm / native ratio per
 * query and their median (goal ≤ 3×), how many warm wasm medians are under the interactive threshold
 * (goal: all), and bytes fetched as a share of a file.
 */
import { median } from 'd3-array';

/** wasm median / native median; NaN when native took no measurable time or either is missing. */
export function wasmToNative(wasmMs: number, nativeMs: number): number {
  return nativeMs > 0 && Number.isFinite(wasmMs) ? wasmMs / nativeMs : Number.NaN;
}

export interface WarmSummary {
  /** Median over queries of each query's wasm / native ratio (NaN ratios left out). */
  medianRatio: number;
  /** Queries whose warm wasm median is under `thresholdMs`. */
  under: number;
  total: number;
  thresholdMs: number;
}

export function warmSummary(
  queries: readonly { wasmMs: number; nativeMs: number }[],
  thresholdMs: number,
): WarmSummary {
  const ratios = queries.map((q) => wasmToNative(q.wasmMs, q.nativeMs)).filter((r) => !Number.isNaN(r));
  return {
    medianRatio: median(ratios) ?? Number.NaN,
    under: queries.filter((q) => q.wasmMs < thresholdMs).length,
    total: queries.length,
    thresholdMs,
  };
}

/** `part` as a fraction of `whole` (0.01 is 1 %); NaN for an empty whole. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : Number.NaN;
}
