/**
 * Columns of a bronze file, used as the allow-list for the mapping's column names: a mapped name
 * is quoted into SQL only if the file really has that column, and a missing one is a clear error.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, sql, sqlString, type SqlText } from '#schema';
import { queryStep } from '../../db.ts';
import { CliError, ExitCode } from '../../errors.ts';

export type ColumnRef = (name: string) => SqlText;

export async function sourceColumns(
  connection: DuckDBConnection,
  parquetFile: string,
  mapped: Record<string, string>,
  what: string,
): Promise<ColumnRef> {
  const rows = await queryStep<{ column_name: string }>(
    connection,
    'silver.columns',
    sql`DESCRIBE SELECT * FROM read_parquet(${sqlString(parquetFile)}, hive_partitioning = false)`,
  );
  const available = new Set(rows.map((row) => row.column_name));
  const missing = Object.entries(mapped).filter(([, column]) => !available.has(column));
  if (missing.length > 0) {
    const list = missing.map(([field, column]) => `"${column}" (for ${field})`).join(', ');
    const found = [...available].filter((name) => !name.startsWith('_')).join(', ');
    throw new CliError(`${what}: missing column ${list}; the file has: ${found}`, {
      exitCode: ExitCode.invalidInput,
      hint: 'check the column mapping (--mapping FILE) against the export header',
    });
  }
  return (name) => {
    if (!available.has(name)) throw new Error(`column "${name}" is not in ${parquetFile}`);
    return quoteIdentifier(name);
  };
}
