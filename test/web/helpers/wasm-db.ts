/**
 * The `Db` port on DuckDB-WASM 1.28 running in Node (its blocking node bundle, same wasm engine,
 * DuckDB 0.9), so every web query is also checked in the SQL dialect the browser really runs.
 * Rows go through the app's own arrowToRows, so the Arrow conversion is under test too.
 */
import { createRequire } from 'node:module';
import type { DuckDBBindings, DuckDBBundles, DuckDBRuntime, Logger } from '@duckdb/duckdb-wasm/blocking';
import { arrowToRows } from '../../../web/src/lib/data/arrow-rows.ts';
import { duckdbConfig } from '../../../web/src/lib/data/duckdb-config.ts';
import { QueryError } from '../../../web/src/lib/data/errors.ts';
import { goldViewSql } from '../../../web/src/lib/data/gold-views.ts';
import { goldSources, type GoldFiles, type NodeDb } from '#support/node-db.ts';

/** The part of the node-blocking bundle used here; its own typings are published for browsers. */
interface NodeBlockingBundle {
  createDuckDB(bundles: DuckDBBundles, logger: Logger, runtime: DuckDBRuntime): Promise<DuckDBBindings>;
  VoidLogger: new () => Logger;
  NODE_RUNTIME: DuckDBRuntime;
}

const require = createRequire(import.meta.url);
const blocking = require('@duckdb/duckdb-wasm/blocking') as NodeBlockingBundle;
const bundles: DuckDBBundles = {
  mvp: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'), mainWorker: '' },
  eh: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), mainWorker: '' },
};

/** A DuckDB-WASM database opened as the browser opens it, for tests that need the bindings themselves. */
export async function openWasmBindings(): Promise<DuckDBBindings> {
  const bindings = await blocking.createDuckDB(bundles, new blocking.VoidLogger(), blocking.NODE_RUNTIME);
  await bindings.instantiate(() => undefined);
  bindings.open(duckdbConfig);
  return bindings;
}

export async function openWasmDb(files: GoldFiles): Promise<NodeDb> {
  const bindings = await openWasmBindings();
  const setup = bindings.connect();
  try {
    for (const [table, paths] of goldSources(files)) setup.query(goldViewSql(table, paths));
  } finally {
    setup.close();
  }
  return {
    query<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const connection = bindings.connect();
      try {
        if (params.length === 0) return Promise.resolve(arrowToRows(connection.query(sql)) as R[]);
        const statement = connection.prepare(sql);
        try {
          return Promise.resolve(arrowToRows(statement.query(...params)) as R[]);
        } finally {
          statement.close();
        }
      } catch (cause) {
        return Promise.reject(new QueryError(sql, cause));
      } finally {
        connection.close();
      }
    },
    close: () => bindings.reset(),
  };
}
