import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

/** An in-memory native DuckDB connection for tests, with a plain-object query helper. */
export async function openTestConnection(): Promise<{
  connection: DuckDBConnection;
  rows: <R = Record<string, unknown>>(sql: string, params?: Record<string, DuckDBValue>) => Promise<R[]>;
  close: () => void;
}> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  return {
    connection,
    rows: async <R>(sql: string, params?: Record<string, DuckDBValue>) => {
      const reader = await connection.runAndReadAll(sql, params);
      return reader.getRowObjectsJson() as R[];
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
