/**
 * Native DuckDB for the builder: one in-memory instance per run, a connection per unit of work,
 * always closed. Values travel as `$name` parameters. Spliced into SQL text are only file paths
 * (sqlString) and identifiers (ident / quoteIdentifier, checked against an allow-list).
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { sqlStringList, sql } from '#schema';
import { StepError } from './errors.ts';

export type Params = Record<string, DuckDBValue>;

export interface DbOptions {
  /** Upper bound for DuckDB's buffer pool; beyond it DuckDB spills to `tempDirectory`. */
  memoryLimit?: string;
  tempDirectory?: string;
  threads?: number;
}

// 768 MB keeps a 10M-row build near 1.1 GB peak RSS at the same speed as 1 GB (which peaked near
// 1.9 GB): the big steps are sorts and aggregations that spill cheaply to the run's scratch folder.
const DEFAULT_MEMORY_LIMIT = '768MB';

export async function openDb(options: DbOptions = {}): Promise<DuckDBInstance> {
  const config: Record<string, string> = { memory_limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT };
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;
  if (options.threads) config.threads = String(options.threads);
  return DuckDBInstance.create(':memory:', config);
}

export async function withConnection<T>(
  instance: DuckDBInstance,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
  }
}

/** Runs one statement of a step; a failure becomes a StepError naming the step and carrying the SQL. */
export async function runStep(
  connection: DuckDBConnection,
  step: string,
  sql: string,
  params?: Params,
): Promise<void> {
  try {
    await connection.run(sql, params);
  } catch (error) {
    throw new StepError(step, error, sql);
  }
}

/** Runs a query of a step and returns its rows as plain objects (BIGINT as number). */
export async function queryStep<R extends Record<string, unknown>>(
  connection: DuckDBConnection,
  step: string,
  sql: string,
  params?: Params,
): Promise<R[]> {
  try {
    const reader = await connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map((row) => toPlainRow(row) as R);
  } catch (error) {
    throw new StepError(step, error, sql);
  }
}

function toPlainRow(row: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    plain[key] = typeof value === 'bigint' ? Number(value) : value;
  }
  return plain;
}

/** The engine's own version string (e.g. v1.5.6), recorded in the manifest. */
export async function duckdbVersion(connection: DuckDBConnection): Promise<string> {
  const [row] = await queryStep<{ version: string }>(connection, 'engine', 'SELECT version() AS version');
  return row?.version ?? 'unknown';
}

/** Rows in Parquet files, from their footers (no data is read). */
export async function parquetRowCount(
  connection: DuckDBConnection,
  files: readonly string[],
): Promise<number> {
  const [row] = await queryStep<{ rows: number | null }>(
    connection,
    'parquet.rows',
    sql`SELECT sum(num_rows) AS rows FROM parquet_file_metadata(${sqlStringList(files)})`,
  );
  return Number(row?.rows ?? 0);
}
