/**
 * DuckDB-WASM's client code, loaded as its own chunk (db.ts imports it dynamically) so the first
 * paint never waits for it: attaches to the worker duckdb-bundles.ts started, instantiates the
 * wasm in it and opens an in-memory database with duckdb-config.ts.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
import type { StartedWorker } from './duckdb-bundles.ts';
import { duckdbConfig } from './duckdb-config.ts';

/** The worker is terminated if the wasm cannot be instantiated or the database opened. */
export async function openDuckDB({ worker, bundle }: StartedWorker): Promise<AsyncDuckDB> {
  const duck = new AsyncDuckDB(new VoidLogger(), worker);
  try {
    await duck.instantiate(bundle.mainModule, null);
    await duck.open(duckdbConfig);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return duck;
}
