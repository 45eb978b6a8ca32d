/**
 * The shape of bench/results.json: everything one run measured, with the machine and versions it
 * ran on. Compared by hand (or by a separate job) between runs, never asserted in tests.
 */
import type { BenchMode } from './bench-config.ts';
import type { WasmTiming } from './browser-queries.ts';
import type { ColdQuery } from './cold-queries.ts';
import type { EngineTiming } from './engine-timing.ts';
import type { ExplorerScroll } from './explorer-scroll.ts';
import type { ForecastRun } from './forecast-largest.ts';
import type { ItemSwitch } from './item-switch.ts';
import type { ItemsCold } from './items-cold.ts';
import type { MachineInfo } from './machine-info.ts';
import type { DashboardPage } from './dashboard-queries.ts';
import type { WarmSummary } from './query-summary.ts';
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
  /** Every gold file of the build (all tables) and their bytes. */
  goldFiles: number;
  goldBytes: number;
}

/** One fresh session's page load: when the KPIs painted and what it fetched. */
export interface ColdLoad {
  manifestMs: number;
  /** DuckDB-WASM started with every gold view. */
  readyMs: number;
  duckdbMs: number;
  /** Everything the server sent until the app's panels had their answers (app, wasm, data). */
  totalBytes: number;
  /** Of which the daily fact's files. */
  fact: FileTraffic;
}

export interface QueryResult {
  id: string;
  page: DashboardPage;
  label: string;
  /** The statement both engines ran, as the query function sent it. */
  sql: string;
  params: unknown[];
  /** Warm, in the page, over the app's views. */
  wasm: WasmTiming;
  /** Warm, native DuckDB over the same files. */
  native: EngineTiming;
  /** wasm median / native median: how far the browser is from the limit. */
  wasmToNative: number;
}

/** The item page's daily history, first thing in a fresh session, on a probe copy of its file. */
export interface ItemCold extends ColdQuery {
  /** Bytes fetched as a share of the whole daily fact (every file). */
  shareOfFact: number;
  /** The file holding the item, and all of the daily fact. */
  fileBytes: number;
  factBytes: number;
}

/** One lakehouse measured in the browser: its cold loads, the warm query set, one item cold. */
export interface BrowserResults {
  lakehouse: {
    factRows: number;
    factBytes: number;
    factFiles: number;
    itemId: string;
    itemKey: number;
    category: string;
    lastDate: string;
  };
  coldLoads: ColdLoad[];
  queries: QueryResult[];
  warm: WarmSummary;
  itemCold: ItemCold;
  /** The item page's daily history cold for items spread over the lakehouse (absent from runs before it was measured). */
  itemsCold?: ItemsCold;
  /** The item page switching item, warm (absent from runs before it was measured). */
  itemSwitch?: ItemSwitch;
  /** The explorer scrolling a result of over 100k rows (absent from runs before it was measured). */
  explorerScroll?: ExplorerScroll;
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
    /** The forecast job on the largest lakehouse (null when skipped, as in scale mode). */
    forecast: ForecastRun | null;
  };
  /** The largest lakehouse of the run (in scale mode the 100M-row one). */
  browser: BrowserResults;
  rowGroupSweep: { factRows: number; points: SweepPoint[] };
}
