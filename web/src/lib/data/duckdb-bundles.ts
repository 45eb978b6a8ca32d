/**
 * The only module that knows DuckDB-WASM's files. @duckdb/duckdb-wasm is pinned to 1.28.0
 * (READER_DUCKDB_WASM_VERSION in schema/engine.ts): the last release whose wasm links the Parquet
 * reader; later ones fetch it from extensions.duckdb.org at run time, which breaks offline and
 * air-gapped use. Wasm and workers are Vite assets of this app, so nothing comes from a CDN.
 *
 * It imports only the files' URLs, none of DuckDB-WASM's JavaScript: the entry starts the worker
 * from here while the DuckDB client code is still loading, so the two arrive in parallel. The wasm
 * is not preloaded by index.html: an 18 MB download racing the app's code and the manifest painted
 * the first numbers later (median 820–877 ms against 502–550 without, cold Chromium, 1M rows).
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

export interface DuckDBBundle {
  mainModule: string;
  mainWorker: string;
}

export interface StartedWorker {
  worker: Worker;
  bundle: DuckDBBundle;
}

// The smallest module with a `try` block: valid only where the browser has wasm exception
// handling, the same probe DuckDB-WASM's selectBundle runs (without loading its client code).
const EXCEPTIONS_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11,
]);

/** Wasm exception handling: smaller and faster where the browser has it (all current ones). */
export function chooseBundle(): DuckDBBundle {
  return WebAssembly.validate(EXCEPTIONS_PROBE)
    ? { mainModule: ehWasm, mainWorker: ehWorker }
    : { mainModule: mvpWasm, mainWorker: mvpWorker };
}

/** Starts DuckDB-WASM's worker at once; open-duckdb.ts instantiates the wasm in it. */
export function startWorker(): StartedWorker {
  const bundle = chooseBundle();
  return { worker: new Worker(bundle.mainWorker), bundle };
}
