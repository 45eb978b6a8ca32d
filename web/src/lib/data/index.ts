/**
 * The web data layer seen from outside the app (Node tests, bench, support/): the Db port, its
 * errors and the view SQL, so a native DuckDB can stand in for DuckDB-WASM on the same queries.
 */
export type { Db } from './db-port.ts';
export { QueryError } from './errors.ts';
export { goldViewSql } from './gold-views.ts';
export { itemFactFiles, itemFactSource } from './item-fact-source.ts';
