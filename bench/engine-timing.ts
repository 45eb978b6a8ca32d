/** One query's timing on one engine: the median of `runs` warm runs, and how many rows it returned. */
import { max, median, min } from 'd3-array';

export interface EngineTiming {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  rows: number;
}

/** Summarises samples timed by hand (in the page); tinybench gives the same figures natively. */
export function engineTiming(samplesMs: readonly number[], rows: number): EngineTiming {
  return {
    medianMs: median(samplesMs) ?? NaN,
    minMs: min(samplesMs) ?? NaN,
    maxMs: max(samplesMs) ?? NaN,
    runs: samplesMs.length,
    rows,
  };
}
