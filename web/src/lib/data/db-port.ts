/**
 * The one seam between the questions the UI asks and the engine that answers them: DuckDB-WASM in
 * the browser (db.ts), @duckdb/node-api and DuckDB-WASM-in-Node in the tests. Same shape as
 * Mosaic's Connector and Evidence's Connection, so queries never see an engine.
 */
export interface Db {
  /**
   * Runs one statement; `params` bind to positional `?` placeholders. Rows are plain objects:
   * numbers (BIGINT/DECIMAL/HUGEINT as double), strings, booleans, null; DATE as `yyyy-mm-dd`.
   */
  query<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}
