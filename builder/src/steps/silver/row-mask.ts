/**
 * A set of a batch's rows (by `_row_number`) held as a bitstring in a session variable, so a step
 * can ask "is this row in the set?" with a constant-time `get_bit` inside a plain scan. A join
 * would answer the same question, but DuckDB does not keep a join's output in file order, so the
 * step would have to sort every column of every row afterwards to write silver in line order;
 * a scan with a filter keeps the order by itself (its COPY runs as BATCH_COPY_TO_FILE). The set
 * is computed from the few columns that decide membership, so only those are read twice.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, sql, sqlString, type SqlText } from '#schema';
import { runStep } from '../../db.ts';

/** The masks the silver steps use; a fixed list, so a name spliced into SQL is never free text. */
export type RowMaskName = 'silver_duplicate_rows' | 'silver_unknown_item_rows';

/** get_bit takes a 32-bit position. */
const MAX_ROWS = 2 ** 31 - 1;

// bitstring_agg sets bit (n - 1) for each row number n; its bounds must be constants. With no rows
// it returns NULL, hence the all-zero bitstring of the same length.
const SET_MASK_SQL = (name: RowMaskName, rows: SqlText, lastRow: number) => sql`
SET VARIABLE ${quoteIdentifier(name)} = (
  SELECT coalesce(bitstring_agg(_row_number, 1, ${lastRow}), bitstring('0', ${lastRow}))
  FROM ${rows}
)`;

/**
 * Stores the rows `rows` yields (a relation with a BIGINT `_row_number` between 1 and `lastRow`)
 * as the mask `name`, replacing an earlier one of that name.
 */
export async function setRowMask(
  connection: DuckDBConnection,
  step: string,
  name: RowMaskName,
  rows: SqlText,
  lastRow: number,
): Promise<void> {
  if (!Number.isInteger(lastRow) || lastRow < 1 || lastRow > MAX_ROWS) {
    throw new RangeError(`a row mask holds 1 to ${MAX_ROWS} rows, not ${lastRow}`);
  }
  await runStep(connection, step, SET_MASK_SQL(name, rows, lastRow));
}

/** True for a row in the mask (the row's `_row_number` must be within the mask's bounds). */
export function inRowMask(name: RowMaskName): SqlText {
  return sql`get_bit(getvariable(${sqlString(name)}), CAST(_row_number - 1 AS INTEGER)) = 1`;
}

export async function clearRowMask(
  connection: DuckDBConnection,
  step: string,
  name: RowMaskName,
): Promise<void> {
  await runStep(connection, step, sql`RESET VARIABLE ${quoteIdentifier(name)}`);
}
