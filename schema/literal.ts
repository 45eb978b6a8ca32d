import type { SqlText } from './sql.ts';

/**
 * String literals for the few places where a value cannot be a parameter (file paths inside
 * COPY ... TO, which DuckDB does not accept as a prepared parameter). Single quotes are doubled.
 */
export function sqlString(value: string): SqlText {
  if (value.includes('\0')) throw new Error('SQL string literal cannot contain a NUL character');
  return `'${value.replaceAll("'", "''")}'` as SqlText;
}

/** A DuckDB list literal of strings, e.g. the files of one read_parquet([...]) call. */
export function sqlStringList(values: readonly string[]): SqlText {
  return `[${values.map(sqlString).join(', ')}]` as SqlText;
}
