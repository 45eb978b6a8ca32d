/**
 * `window.nova`: the lakehouse from the browser console, for analysts who prefer SQL to clicking.
 * Everything goes through the same `Db` and queries as the views; results are plain objects.
 */
import type { Manifest } from '#schema/manifest.ts';
import { goldTableIds, type GoldTableId } from '#schema/tables.ts';
import type { Db } from './data/db-port.ts';
import { describeTable, type ColumnRow } from './data/queries/describe-table.ts';

export interface TableInfo {
  table: GoldTableId;
  rows: number;
  bytes: number;
  path: string;
}

export interface NovaConsole {
  /** Runs SQL (positional `?` params), prints the rows as a table and returns them. */
  sql(query: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** The gold views with their row counts and files, from the manifest. */
  tables(): Promise<TableInfo[]>;
  /** Columns and types of one gold view. */
  describe(table: string): Promise<ColumnRow[]>;
  help(): string;
}

/** Rows printed by console.table; the returned array always holds them all. */
const PRINTED_ROWS = 100;

declare global {
  interface Window {
    nova: NovaConsole;
  }
}

const HELP = `nova — the Nova Corrente lakehouse (DuckDB-WASM, reading gold Parquet over HTTP)
  await nova.sql("select item_id, item_key, name from dim_item where category = ?", ["battery"])
  await nova.sql("select date, demand from fact_demand_daily where item_key = cast(? as integer)", [42])
  await nova.tables()                      gold views: ${goldTableIds.join(', ')}
  await nova.describe("fact_demand_daily") columns and types
Values go in as ? parameters; the result is an array of plain objects (the first ${PRINTED_ROWS} also printed
as a table). Filter the fact by item_key rather than item_id: only the integer lets DuckDB skip row
groups, so one item reads a small part of the file instead of all of it.`;

function printed<T>(rows: T[]): T[] {
  // console.table of thousands of rows costs more than the query when DevTools is open.
  console.table(rows.slice(0, PRINTED_ROWS));
  if (rows.length > PRINTED_ROWS)
    console.info(`(printed ${PRINTED_ROWS} of ${rows.length} rows; all are returned)`);
  return rows;
}

export function installConsole(db: Db, manifest: () => Promise<Manifest>): void {
  window.nova = {
    sql: async (query, params = []) => printed(await db.query<Record<string, unknown>>(query, params)),
    tables: async () => {
      const { tables } = await manifest();
      return printed(
        goldTableIds.map((table) => {
          const { rows, bytes, files } = tables[table];
          return { table, rows, bytes, files: files.length, path: files.map((file) => file.path).join(', ') };
        }),
      );
    },
    describe: async (table) => printed(await describeTable(db, table)),
    help: () => {
      console.info(HELP);
      return HELP;
    },
  };
  console.info('nova: query the lakehouse from here with await nova.sql("select …") — nova.help() for more');
}
