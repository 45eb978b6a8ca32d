/**
 * How the database is opened, shared by the browser (open-duckdb.ts) and the DuckDB-WASM tests
 * in Node, so both hand Arrow the same types: counts and sums as doubles instead of BigInt or
 * Decimal objects, timestamps as Date64 milliseconds.
 */
import type { DuckDBConfig } from '@duckdb/duckdb-wasm';

export const duckdbConfig: DuckDBConfig = {
  query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true },
};
