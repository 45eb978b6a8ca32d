/**
 * The shape of bench/results.json: everything one run measured, with the machine and versions it
 * ran on. Compared by hand (or by a separate job) between runs, never asserted in tests.
 */
import type { BenchMode } from './bench-config.ts';
import type { WasmTiming } from './browser-queries.ts';
import type { ColdQuery } from './cold-queries.ts';
import type { EngineTiming } from './engine-timing.ts';
import type { MachineInfo } from './machine-info.ts';
import type { QueryId } from './queries.ts';
import type { SweepPoint } from './row-group-sweep.ts';
import type { FileTraffic } from './served-log.ts';

export interface BuildResult {
  targetRows: number;
  items: number;
  factRows: number;
  factBytes: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssBytes: number;
  steps: { step: string; seconds: number }[];
}

/** One fresh session's page load: when the KPIs painted and what it fetched. */
export interface ColdLoad {
  manifestMs: number;
  duckdbMs: number;
  /** Everything the server sent until the app's panels had their answers (app, wasm, data). */
  totalBytes: number;
  /** Of which the gold fact file. */
  fact: FileTraffic;
}

export interface QueryResult {
  id: QueryId;
  label: string;
  /** Warm, in the page, over the app's views. */
  wasm: WasmTiming;
  /** Warm, native DuckDB over the same files. */
  native: EngineTiming;
  /** wasm median / native median: how far the browser is from the limit. */
  wasmToNative: number;
  /** First run in a fresh session, on a probe copy of the fact. */
  cold: ColdQuery & { shareOfFile: number };
}

export interface BenchResults {
  date: string;
  mode: BenchMode;
  seconds: number;
  machine: MachineInfo & { loadAverageAtEnd: number[] };
  versions: { node: string; chromium: string; duckdbNative: string; duckdbWasm: string };
  builder: {
    lakehouses: BuildResult[];
    /** k in time ∝ rows^k, fitted on log-log; null with fewer than two sizes. */
    exponent: number | null;
  };
  browser: {
    /** The largest lakehouse of the run, which every browser measurement reads. */
    lakehouse: { factRows: number; factBytes: number; itemId: string; lastDate: string };
    coldLoads: ColdLoad[];
    queries: QueryResult[];
  };
  rowGroupSweep: { factRows: number; points: SweepPoint[] };
  /** The seed's claim: share of the warm query set (DuckDB-WASM medians) under `thresholdMs`. */
  interactive: { thresholdMs: number; under: number; total: number };
  ml: { status: 'not implemented yet' };
}
