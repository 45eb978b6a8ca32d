/** Column names and types of one gold view, for `nova.describe()`. */
import { isGoldTableId, goldTableIds } from '#schema/tables.ts';
import type { Db } from '../db-port.ts';

export interface ColumnRow {
  column_name: string;
  column_type: string;
}

// information_schema rather than DESCRIBE: DuckDB 0.9 cannot select from `(DESCRIBE …)`, and the
// table name travels as a parameter here instead of as an identifier.
const SQL = `
SELECT column_name, data_type AS column_type
FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = ?
ORDER BY ordinal_position`;

export function describeTable(db: Db, table: string): Promise<ColumnRow[]> {
  if (!isGoldTableId(table)) {
    throw new RangeError(`unknown table "${table}"; gold tables are ${goldTableIds.join(', ')}`);
  }
  return db.query<ColumnRow>(SQL, [table]);
}
