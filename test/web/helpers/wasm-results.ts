/**
 * DuckDB-WASM in Node as the SQL explorer sees it in the browser: results as Arrow record batches
 * (the worker streams the same batches), and the in-memory file system for Parquet exports. The
 * explorer's browser connection is asynchronous; these blocking bindings run the same engine.
 */
import { rmSync } from 'node:fs';
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking';
import type { FileExportEngine } from '../../../web/src/lib/data/explorer/parquet-export.ts';
import {
  resultFromBatches,
  type ArrowBatch,
  type ArrowSchema,
  type ResultSet,
} from '../../../web/src/lib/data/explorer/result-set.ts';
import { openWasmBindings } from './wasm-db.ts';

interface ArrowTableLike {
  readonly schema: ArrowSchema;
  readonly batches: readonly ArrowBatch[];
}

export interface WasmResults {
  /** The statement's result as the explorer holds it, plus how many batches it came in. */
  result(sql: string): { result: ResultSet; batches: number };
  files: FileExportEngine;
  close(): void;
}

export async function openWasmResults(): Promise<WasmResults> {
  const bindings: DuckDBBindings = await openWasmBindings();
  const run = <T>(fn: (conn: ReturnType<DuckDBBindings['connect']>) => T): T => {
    const conn = bindings.connect();
    try {
      return fn(conn);
    } finally {
      conn.close();
    }
  };
  return {
    result(sql) {
      const table = run((conn) => conn.query(sql) as ArrowTableLike);
      return { result: resultFromBatches(table.schema, table.batches), batches: table.batches.length };
    },
    files: {
      run: (statement) => Promise.resolve(run((conn) => void conn.query(statement))),
      copyFileToBuffer: (name) => Promise.resolve(bindings.copyFileToBuffer(name)),
      dropFile(name) {
        bindings.dropFile(name);
        // In Node, COPY … TO writes through to the working directory; the browser's copy lives in memory.
        rmSync(name, { force: true });
        return Promise.resolve();
      },
    },
    close: () => bindings.reset(),
  };
}
