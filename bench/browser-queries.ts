/**
 * The query set on DuckDB-WASM in a settled app page, over the app's own gold views: one untimed
 * run fills DuckDB-WASM's page cache (what a user who has the dashboard open already has), then
 * `runs` timed runs give the warm median.
 */
import type { Page } from 'playwright-core';
import type { ServedLog } from './served-log.ts';
import { engineTiming, type EngineTiming } from './engine-timing.ts';
import { timeInPage } from './page-timing.ts';
import { benchQueries, viewSources, type QueryId, type QueryInputs } from './queries.ts';

export interface WasmTiming extends EngineTiming {
  /** Fact bytes fetched per timed run: 0 when DuckDB-WASM answered from the pages it keeps. */
  fetchedPerRun: number;
}

export interface WasmRun {
  /** `SELECT version()` of the engine inside DuckDB-WASM. */
  version: string;
  timings: Map<QueryId, WasmTiming>;
}

export async function timeWasmQueries(
  page: Page,
  fact: { served: ServedLog; urlPath: string },
  inputs: QueryInputs,
  runs: number,
): Promise<WasmRun> {
  const [engine] = await page.evaluate(() => window.nova.sql('SELECT version() AS version'));
  const timings = new Map<QueryId, WasmTiming>();
  for (const query of benchQueries) {
    const sql = query.sql(viewSources);
    const params = query.params(inputs);
    await timeInPage(page, sql, params, 1);
    const mark = fact.served.mark();
    const { samplesMs, rows } = await timeInPage(page, sql, params, runs);
    const fetchedPerRun = fact.served.trafficSince(mark, fact.urlPath).bytes / runs;
    timings.set(query.id, { ...engineTiming(samplesMs, rows), fetchedPerRun });
  }
  return { version: String(engine?.version ?? 'unknown'), timings };
}
