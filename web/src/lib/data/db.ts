/**
 * The browser's lakehouse connection: one init promise that fetches the manifest and starts
 * DuckDB-WASM in parallel, registers every gold file by URL (read with HTTP Range requests) and
 * creates one view per table. Every query awaits it; `Db` is implemented here on top, on one
 * connection shared by all the app's queries.
 *
 * Only the worker is started from here (duckdb-bundles.ts holds nothing but file URLs); DuckDB's
 * client code and the registration come in a chunk of their own, imported when the work starts,
 * so the headline numbers from the manifest never wait for them.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Manifest } from '#schema/manifest.ts';
import { arrowToRows } from './arrow-rows.ts';
import { resolveDataBaseUrl } from './data-location.ts';
import type { Db } from './db-port.ts';
import { startWorker } from './duckdb-bundles.ts';
import { QueryError } from './errors.ts';
import { loadManifest } from './load-manifest.ts';

let manifestPromise: Promise<Manifest> | undefined;
let readyPromise: Promise<AsyncDuckDB> | undefined;

/** The folder holding `gold/` for this page (see data-location.ts). */
export function dataBaseUrl(): URL {
  return resolveDataBaseUrl(window.location.href);
}

/** The current build's manifest, fetched once. */
export function getManifest(): Promise<Manifest> {
  // An async function, so a ?data= that is no URL rejects here instead of throwing in a component,
  // and the request is sent now rather than a microtask later (after the calling script has run).
  manifestPromise ??= (async () => loadManifest(dataBaseUrl()))();
  return manifestPromise;
}

/** DuckDB started and every gold view created; the worker is terminated if any of it fails. */
async function openLakehouse(): Promise<AsyncDuckDB> {
  const worker = startWorker();
  const client = Promise.all([import('./open-duckdb.ts'), import('./register-gold.ts')]);
  const opened = client.then(
    ([{ openDuckDB }]) => openDuckDB(worker),
    (error: unknown) => {
      worker.worker.terminate();
      throw error;
    },
  );
  const [started, manifest] = await Promise.allSettled([opened, getManifest()]);
  if (started.status === 'rejected') throw started.reason;
  const duck = started.value;
  try {
    if (manifest.status === 'rejected') throw manifest.reason;
    const [, { registerGold }] = await client;
    await registerGold(duck, manifest.value, dataBaseUrl());
    return duck;
  } catch (error) {
    await duck.terminate();
    throw error;
  }
}

/** Resolves when every gold view exists; starts the work on first call, and again after a failure. */
export function whenReady(): Promise<AsyncDuckDB> {
  readyPromise ??= openLakehouse().catch((error: unknown) => {
    readyPromise = undefined;
    throw error;
  });
  return readyPromise;
}

/**
 * Releases a prepared statement without making the answer wait: the worker handles messages in
 * order, so an awaited close queues behind every statement the page asked for meanwhile, and the
 * first panel's rows would arrive only after the last panel's query ran.
 * A close that fails has no one left to tell: the answer is already delivered.
 */
function release(statement: { close(): Promise<unknown> }): void {
  statement.close().catch(() => undefined);
}

async function run(conn: AsyncDuckDBConnection, sql: string, params: readonly unknown[]) {
  if (params.length === 0) return conn.query(sql);
  const statement = await conn.prepare(sql);
  try {
    return await statement.query(...params);
  } finally {
    release(statement);
  }
}

/**
 * A connection opened on first use and kept for the page's life, opened again if opening failed.
 * Sharing one is safe for concurrent calls: the worker runs one message at a time, and `query` and
 * a prepared statement's `query` each return a whole result (nothing streams, so no call can
 * interrupt another's), while each prepared statement has an id of its own on the connection.
 * It saves every call the worker round trips to connect and disconnect.
 */
function keptConnection(): () => Promise<AsyncDuckDBConnection> {
  let opened: Promise<AsyncDuckDBConnection> | undefined;
  return () => {
    opened ??= whenReady()
      .then((duck) => duck.connect())
      .catch((error: unknown) => {
        opened = undefined;
        throw error;
      });
    return opened;
  };
}

function connectionDb(connection: () => Promise<AsyncDuckDBConnection>): Db {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const conn = await connection();
      try {
        return arrowToRows(await run(conn, sql, params)) as R[];
      } catch (cause) {
        throw new QueryError(sql, cause);
      }
    },
  };
}

/** `Db` on DuckDB-WASM for the app's own queries, all on one shared connection. */
export const db: Db = connectionDb(keptConnection());

/**
 * `Db` for statements typed into the console (`window.nova`): a connection of their own, so a
 * user's `BEGIN`, `USE` or session `SET` never changes what the views' queries see.
 */
export const consoleDb: Db = connectionDb(keptConnection());
