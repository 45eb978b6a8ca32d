/**
 * `window.nova`: the lakehouse from the browser console, for analysts who prefer SQL to clicking.
 * Everything goes through the same `Db` and queries as the views; results are plain objects.
 */
import type { Manifest } from '../../../schema/manifest.ts';
import { goldTableIds, type GoldTableId } from '../../../schema/tables.ts';
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

declare global {
  interface Window {
    nova: NovaConsole;
  }
}

const HELP = `nova — the Nova Corrente lakehouse (DuckDB-WASM, reading gold Parquet over HTTP)
  await nova.sql("select * from fact_demand_daily where item_id = ? limit 5", ["IT00001"])
  await nova.tables()                      gold views: ${goldTableIds.join(', ')}
  await nova.describe("fact_demand_daily") columns and types
Values go in as ? parameters; the result is an array of plain objects (also printed as a table).`;

function printed<T>(rows: T[]): T[] {
  console.table(rows);
  return rows;
}

export function installConsole(db: Db, manifest: () => Promise<Manifest>): void {
  window.nova = {
    sql: async (query, params = []) => printed(await db.query<Record<string, unknown>>(query, params)),
    tables: async () => {
      const { tables } = await manifest();
      return printed(
        goldTableIds.map((table) => {
          const { rows, bytes, path } = tables[table];
          return { table, rows, bytes, path };
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
