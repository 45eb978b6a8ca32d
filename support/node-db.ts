/**
 * The `Db` port on native DuckDB (@duckdb/node-api 1.5), so web queries run in Node tests against
 * real Parquet files. Views are created with the web app's own goldViewSql, and values come back
 * in the shapes DuckDB-WASM produces in the browser: BIGINT/HUGEINT/DECIMAL as numbers, DATE as
 * `yyyy-mm-dd`, TIMESTAMP as ISO text.
 */
import {
  DuckDBInstance,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  dateFromTimestampValue,
  doubleFromDecimalValue,
  type DuckDBValue,
  type DuckDBValueConverter,
  type Json,
} from '@duckdb/node-api';
import type { GoldTableId } from '#schema/tables.ts';
import { goldViewSql, QueryError, type Db } from '#web-data';

export interface NodeDb extends Db {
  close(): void;
}

/** The Parquet file (or files) of each gold table to open as a view. */
export type GoldFiles = Partial<Record<GoldTableId, string | readonly string[]>>;

/** Each table's files as a list, whether one file or several were given. */
export function goldSources(files: GoldFiles): [GoldTableId, readonly string[]][] {
  return Object.entries(files).map(([table, paths]) => [table as GoldTableId, [paths ?? []].flat()]);
}

const toPlain: DuckDBValueConverter<Json> = (value, type, converter) => {
  // A NULL of any type is null (the typed converters below expect a value).
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return Number(value);
    case DuckDBTypeId.DECIMAL:
      return doubleFromDecimalValue(value);
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.FLOAT:
      // The JSON converter turns Infinity and NaN into text; DuckDB-WASM keeps them numbers.
      return value as number;
    case DuckDBTypeId.TIMESTAMP:
      return dateFromTimestampValue(value).toISOString();
    default:
      return JsonDuckDBValueConverter(value, type, converter);
  }
};

/** Only the JS values both engines bind the same way are accepted as parameters. */
function toParam(value: unknown, index: number): DuckDBValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as DuckDBValue;
  throw new TypeError(`parameter ${index + 1} is a ${typeof value}; use string, number, boolean or null`);
}

/** An in-memory database with one view per given gold table over its Parquet files. */
export async function openNodeDb(files: GoldFiles): Promise<NodeDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  try {
    for (const [table, paths] of goldSources(files)) await setup.run(goldViewSql(table, paths));
  } finally {
    setup.closeSync();
  }
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      const connection = await instance.connect();
      try {
        const result = await connection.run(sql, params.map(toParam));
        return (await result.convertRowObjects(toPlain)) as R[];
      } catch (cause) {
        throw new QueryError(sql, cause);
      } finally {
        connection.closeSync();
      }
    },
    close: () => instance.closeSync(),
  };
}
