/**
 * The only module that knows DuckDB-WASM's files. @duckdb/duckdb-wasm is pinned to 1.28.0
 * (READER_DUCKDB_WASM_VERSION in schema/engine.ts): the last release whose wasm links the Parquet
 * reader; later ones fetch it from extensions.duckdb.org at run time, which breaks offline and
 * air-gapped use. Wasm and workers are Vite assets of this app, so nothing comes from a CDN.
 */
import { AsyncDuckDB, VoidLogger, selectBundle, type DuckDBBundles } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { duckdbConfig } from './duckdb-config.ts';

const bundles: DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  // Wasm exception handling: smaller and faster where the browser has it (all current ones).
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** Starts the worker, instantiates the wasm and opens an in-memory database. */
export async function startDuckDB(): Promise<AsyncDuckDB> {
  const bundle = await selectBundle(bundles);
  if (bundle.mainWorker === null) throw new Error('DuckDB-WASM bundle has no worker');
  const worker = new Worker(bundle.mainWorker);
  const duck = new AsyncDuckDB(new VoidLogger(), worker);
  try {
    await duck.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await duck.open(duckdbConfig);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return duck;
}
