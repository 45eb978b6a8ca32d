/**
 * The limit: the same query set on native DuckDB (@duckdb/node-api) over the same Parquet files,
 * through the same `Db` port and views the Node tests use, timed with tinybench. Warm, like the
 * browser's numbers: the files are in the OS cache after the first run.
 */
import { Bench } from 'tinybench';
import { openNodeDb } from '#support/node-db.ts';
import type { EngineTiming } from './engine-timing.ts';
import { benchQueries, viewSources, type QueryId, type QueryInputs } from './queries.ts';

export interface NativeRun {
  /** `SELECT version()` of the native engine. */
  version: string;
  timings: Map<QueryId, EngineTiming>;
}

export async function timeNativeQueries(
  files: { fact: readonly string[]; items: string },
  inputs: QueryInputs,
  runs: number,
): Promise<NativeRun> {
  const db = await openNodeDb({ fact_demand_daily: files.fact, dim_item: files.items });
  try {
    const [engine] = await db.query<{ version: string }>('SELECT version() AS version');
    // time 0: exactly `runs` samples per query, as in the browser, instead of a time budget.
    const bench = new Bench({ iterations: runs, time: 0, warmupIterations: 1, warmupTime: 0, throws: true });
    const rows = new Map<QueryId, number>();
    for (const query of benchQueries) {
      const sql = query.sql(viewSources);
      const params = query.params(inputs);
      bench.add(query.id, async () => {
        rows.set(query.id, (await db.query(sql, params)).length);
      });
    }
    await bench.run();
    const timings = new Map<QueryId, EngineTiming>();
    for (const query of benchQueries) {
      const result = bench.getTask(query.id)?.result;
      if (result?.state !== 'completed') throw new Error(`native query ${query.id}: ${result?.state}`);
      timings.set(query.id, {
        medianMs: result.latency.p50,
        minMs: result.latency.min,
        maxMs: result.latency.max,
        runs: result.latency.samplesCount,
        rows: rows.get(query.id) ?? 0,
      });
    }
    return { version: engine?.version ?? 'unknown', timings };
  } finally {
    db.close();
  }
}
