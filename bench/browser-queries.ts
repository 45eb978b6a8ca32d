/**
 * The dashboard's statements on DuckDB-WASM in a settled app page, over the app's own gold views:
 * one untimed run fills DuckDB-WASM's page cache (what a user who has the dashboard open already
 * has), then `runs` timed runs give the warm median.
 */
import type { Page } from 'playwright-core';
import type { ServedLog } from './served-log.ts';
import type { RecordedStatement } from './recording-db.ts';
import { engineTiming, type EngineTiming } from './engine-timing.ts';
import { timeInPage } from './page-timing.ts';

export interface WasmTiming extends EngineTiming {
  /** Bytes the server sent per timed run: 0 when DuckDB-WASM answered from the pages it keeps. */
  fetchedPerRun: number;
}

export interface WasmRun {
  /** `SELECT version()` of the engine inside DuckDB-WASM. */
  version: string;
  timings: Map<string, WasmTiming>;
}

export async function timeWasmQueries(
  page: Page,
  served: ServedLog,
  statements: readonly (RecordedStatement & { query: { id: string } })[],
  runs: number,
): Promise<WasmRun> {
  const [engine] = await page.evaluate(() => window.nova.sql('SELECT version() AS version'));
  const timings = new Map<string, WasmTiming>();
  for (const { query, sql, params } of statements) {
    await timeInPage(page, sql, params, 1);
    const mark = served.mark();
    const { samplesMs, rows } = await timeInPage(page, sql, params, runs);
    const fetchedPerRun = served.totalBytesSince(mark) / runs;
    timings.set(query.id, { ...engineTiming(samplesMs, rows), fetchedPerRun });
  }
  return { version: String(engine?.version ?? 'unknown'), timings };
}
