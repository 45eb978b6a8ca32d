/**
 * `window.nova`: the lakehouse from the browser console, for analysts who prefer SQL to clicking.
 * Everything goes through a `Db` (in the browser one like the views', on a connection of its own)
 * and the views' queries; results are plain objects, and values travel as prepared-statement
 * parameters, never spliced into the SQL.
 */
import type { Manifest } from '#schema/manifest.ts';
import { goldTableIds, type GoldTableId } from '#schema/tables.ts';
import type { Db } from './data/db-port.ts';
import { describeTable, type ColumnRow } from './data/queries/describe-table.ts';

export interface TableInfo {
  table: GoldTableId;
  rows: number;
  bytes: number;
  /** How many Parquet files the table is made of, and their paths under the data folder. */
  files: number;
  path: string;
}

/** A value DuckDB-WASM and native DuckDB bind the same way. */
export type SqlParam = string | number | boolean | null;

export interface NovaConsole {
  /** Runs one statement (positional `?` params), prints the rows as a table and returns them all. */
  sql(query: string, params?: readonly SqlParam[]): Promise<Record<string, unknown>[]>;
  /** The gold views with their row counts and files, from the manifest. */
  tables(): Promise<TableInfo[]>;
  /** Columns and types of one gold view. */
  describe(table: string): Promise<ColumnRow[]>;
  help(): string;
}

/** Where the console prints; `console` in the browser, a recorder in tests. */
export type ConsoleOut = Pick<Console, 'table' | 'info'>;

/** Rows printed by console.table; the returned array always holds them all. */
export const PRINTED_ROWS = 100;

declare global {
  interface Window {
    nova: NovaConsole;
  }
}

export const BANNER =
  'nova: consulte o lakehouse daqui com await nova.sql("select …") — nova.help() mostra o resto';

export const HELP = `nova — o lakehouse Nova Corrente no navegador (DuckDB-WASM lendo o Parquet gold por HTTP)
  await nova.sql("select item_id, item_key, name from dim_item where category = ?", ["battery"])
  await nova.sql("select date, demand from fact_demand_daily where item_key = cast(? as integer)", [42])
  await nova.tables()                      views gold: ${goldTableIds.join(', ')}
  await nova.describe("fact_demand_daily") colunas e tipos
Valores entram como parâmetros ? (texto, número, booleano ou null), nunca colados no SQL; o resultado é
uma lista de objetos simples (as ${PRINTED_ROWS} primeiras linhas também aparecem como tabela). Um número
chega ao DuckDB como DOUBLE: use cast(? as integer) ao filtrar por item_key, que é o filtro que deixa o
DuckDB pular row groups e ler só uma parte pequena do arquivo.`;

function checkedParams(params: unknown): SqlParam[] {
  if (!Array.isArray(params)) throw new TypeError('nova.sql: params must be an array, e.g. [42, "battery"]');
  return params.map((value: unknown, index) => {
    const bindable =
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value));
    if (!bindable) {
      throw new TypeError(
        `nova.sql: parameter ${index + 1} is ${String(value)} (${typeof value}); ` +
          'use text, a finite number, true/false or null (dates as "yyyy-mm-dd" with cast(? as date))',
      );
    }
    return value as SqlParam;
  });
}

/** The console API over any `Db`; the browser installs it on `window`, tests call it directly. */
export function createNovaConsole(db: Db, manifest: () => Promise<Manifest>, out: ConsoleOut): NovaConsole {
  const printed = <T>(rows: T[]): T[] => {
    // console.table of thousands of rows costs more than the query when DevTools is open.
    out.table(rows.slice(0, PRINTED_ROWS));
    if (rows.length > PRINTED_ROWS) {
      out.info(`(${PRINTED_ROWS} de ${rows.length} linhas impressas; todas estão no resultado)`);
    }
    return rows;
  };
  return {
    async sql(query, params = []) {
      if (typeof query !== 'string') throw new TypeError('nova.sql: the query must be a string of SQL');
      return printed(await db.query<Record<string, unknown>>(query, checkedParams(params)));
    },
    async tables() {
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
      out.info(HELP);
      return HELP;
    },
  };
}

export function installConsole(db: Db, manifest: () => Promise<Manifest>): void {
  window.nova = createNovaConsole(db, manifest, console);
  console.info(BANNER);
}
