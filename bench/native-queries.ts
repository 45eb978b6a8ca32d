/**
 * The limit: the dashboard's statements on native DuckDB (@duckdb/node-api) over the same Parquet
 * files, through the same `Db` port and views the Node tests use, timed with tinybench. Warm, like
 * the browser's numbers: the files are in the OS cache after the first run.
 */
import path from 'node:path';
import { Bench } from 'tinybench';
import { tablePaths, type Manifest } from '#schema/manifest.ts';
import { sqlString } from '#schema/literal.ts';
import { sql } from '#schema/sql.ts';
import { goldTableIds } from '#schema/tables.ts';
import { openNodeDb, type GoldFiles, type NodeDb } from '#support/node-db.ts';
import type { RecordedStatement } from './recording-db.ts';
import type { EngineTiming } from './engine-timing.ts';

export interface NativeRun {
  /** `SELECT version()` of the native engine. */
  version: string;
  timings: Map<string, EngineTiming>;
}

/**
 * Every gold table as a view over its local files, and the data folder as the search path for
 * relative file names: a query that reads one file of the daily fact names it by its manifest path
 * (`gold/<build>/fact_demand_daily-0003.parquet`), as DuckDB-WASM registers it in the page.
 */
export async function openLakehouseDb(dataDir: string, manifest: Manifest): Promise<NodeDb> {
  const files: GoldFiles = Object.fromEntries(
    goldTableIds.map((id) => [id, tablePaths(manifest.tables[id]).map((file) => path.join(dataDir, file))]),
  );
  const db = await openNodeDb(files);
  await db.query(sql`SET GLOBAL file_search_path = ${sqlString(dataDir)}`);
  return db;
}

export async function timeNativeQueries(
  dataDir: string,
  manifest: Manifest,
  statements: readonly (RecordedStatement & { query: { id: string } })[],
  runs: number,
): Promise<NativeRun> {
  const db = await openLakehouseDb(dataDir, manifest);
  try {
    const [engine] = await db.query<{ version: string }>('SELECT version() AS version');
    // time 0: exactly `runs` samples per query, as in the browser, instead of a time budget.
    const bench = new Bench({ iterations: runs, time: 0, warmupIterations: 1, warmupTime: 0, throws: true });
    const rows = new Map<string, number>();
    for (const { query, sql: text, params } of statements) {
      bench.add(query.id, async () => {
        rows.set(query.id, (await db.query(text, params)).length);
      });
    }
    await bench.run();
    const timings = new Map<string, EngineTiming>();
    for (const { query } of statements) {
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
