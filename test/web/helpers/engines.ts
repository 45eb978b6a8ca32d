/** Both engines a web query must run on: the browser's DuckDB-WASM 0.9 and native DuckDB 1.5. */
import { openNodeDb, type GoldFiles, type NodeDb } from '#support/node-db.ts';
import { openWasmDb } from './wasm-db.ts';

export interface Engine {
  name: string;
  open(files: GoldFiles): Promise<NodeDb>;
}

export const engines: Engine[] = [
  { name: 'duckdb-wasm 1.28 (DuckDB 0.9)', open: openWasmDb },
  { name: '@duckdb/node-api 1.5', open: openNodeDb },
];
