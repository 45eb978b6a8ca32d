/**
 * A result as a Parquet file, written by DuckDB itself so the column types survive (INTEGER stays
 * INTEGER, DATE stays DATE): the statement runs again inside `COPY … TO` a file in DuckDB-WASM's
 * in-memory file system, whose bytes are then read out and the file dropped.
 */
import { sqlString } from '#schema/literal.ts';
import { sql, type SqlText } from '#schema/sql.ts';
import { userStatement } from './user-statement.ts';

/** What the export needs of the engine; AsyncDuckDB (browser) and the blocking bindings (tests) have it. */
export interface FileExportEngine {
  run(statement: SqlText): Promise<void>;
  copyFileToBuffer(name: string): Promise<Uint8Array>;
  dropFile(name: string): Promise<void>;
}

let exportCount = 0;

/** Parquet bytes of every row `text` returns (ZSTD, as gold is written). */
export async function exportParquet(engine: FileExportEngine, text: string): Promise<Uint8Array> {
  // A fresh name per export: two exports in flight never share a file.
  const file = `explorer-export-${Date.now()}-${++exportCount}.parquet`;
  await engine.run(sql`COPY (
${userStatement(text)}
) TO ${sqlString(file)} (FORMAT PARQUET, COMPRESSION ZSTD)`);
  try {
    return await engine.copyFileToBuffer(file);
  } finally {
    await engine.dropFile(file);
  }
}
