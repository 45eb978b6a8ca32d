/**
 * A set of a batch's rows (by `_row_number`) held as bitstrings in session variables, so a step
 * can ask "is this row in the set?" with a constant-time `get_bit` inside a plain scan. A join
 * would answer the same question, but DuckDB does not keep a join's output in file order, so the
 * step would have to sort every column of every row afterwards to write silver in line order;
 * a scan with a filter keeps the order by itself (its COPY runs as BATCH_COPY_TO_FILE). The set
 * is computed from the few columns that decide membership, so only those are read twice.
 *
 * The bits are split into pieces of ROWS_PER_PIECE rows, one variable each, picked by a CASE
 * tree on `_row_number`: DuckDB copies a constant into every 2,048-row vector it evaluates, so
 * one bitstring for 100M rows (12.5 MiB) cost a second of CPU per 10M rows scanned at 10M rows,
 * and ten times that at 100M; a piece of 2^20 rows is 128 KiB, and a vector touches one or two.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, sql, sqlString, type SqlText } from '#schema';
import { runStep } from '../../db.ts';

/** The masks the silver steps use; a fixed list, so a name spliced into SQL is never free text. */
export type RowMaskName = 'silver_duplicate_rows' | 'silver_unknown_item_rows';

export interface RowMask {
  name: RowMaskName;
  /** One variable per range of rows, in row order; together they cover 1 … lastRow. */
  pieces: { variable: string; first: number; last: number }[];
}

/** get_bit takes a 32-bit position. */
const MAX_ROWS = 2 ** 31 - 1;
export const ROWS_PER_PIECE = 2 ** 20;

const STAGE_ROWS_SQL = (name: RowMaskName, rows: SqlText) => sql`
CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(name)} AS
SELECT CAST(_row_number AS BIGINT) AS _row_number FROM ${rows}`;

// bitstring_agg sets bit (n - first) for each row number n; its bounds must be constants. With no
// rows it returns NULL, hence the all-zero bitstring of the same length.
const SET_PIECE_SQL = (name: RowMaskName, piece: RowMask['pieces'][number]) => sql`
SET VARIABLE ${quoteIdentifier(piece.variable)} = (
  SELECT coalesce(
    bitstring_agg(_row_number, ${piece.first}, ${piece.last}),
    bitstring('0', ${piece.last - piece.first + 1})
  )
  FROM ${quoteIdentifier(name)}
  WHERE _row_number BETWEEN ${piece.first} AND ${piece.last}
)`;

/**
 * Stores the rows `rows` yields (a relation with a `_row_number` between 1 and `lastRow`) as the
 * mask `name`, replacing an earlier one of that name.
 */
export async function setRowMask(
  connection: DuckDBConnection,
  step: string,
  name: RowMaskName,
  rows: SqlText,
  lastRow: number,
): Promise<RowMask> {
  if (!Number.isInteger(lastRow) || lastRow < 1 || lastRow > MAX_ROWS) {
    throw new RangeError(`a row mask holds 1 to ${MAX_ROWS} rows, not ${lastRow}`);
  }
  const mask: RowMask = { name, pieces: [] };
  for (let first = 1; first <= lastRow; first += ROWS_PER_PIECE) {
    const last = Math.min(lastRow, first + ROWS_PER_PIECE - 1);
    mask.pieces.push({ variable: `${name}_${mask.pieces.length}`, first, last });
  }
  await runStep(connection, step, STAGE_ROWS_SQL(name, rows));
  for (const piece of mask.pieces) await runStep(connection, step, SET_PIECE_SQL(name, piece));
  await runStep(connection, step, sql`DROP TABLE ${quoteIdentifier(name)}`);
  return mask;
}

function bitOf(pieces: RowMask['pieces']): SqlText {
  const [only] = pieces;
  if (pieces.length === 1 && only) {
    return sql`get_bit(getvariable(${sqlString(only.variable)}), CAST(_row_number - ${only.first} AS INTEGER))`;
  }
  const middle = Math.floor(pieces.length / 2);
  const split = pieces[middle]?.first ?? 1;
  return sql`CASE WHEN _row_number < ${split} THEN ${bitOf(pieces.slice(0, middle))} ELSE ${bitOf(pieces.slice(middle))} END`;
}

/** True for a row in the mask (the row's `_row_number` must be within the mask's bounds). */
export function inRowMask(mask: RowMask): SqlText {
  return sql`(${bitOf(mask.pieces)}) = 1`;
}

export async function clearRowMask(connection: DuckDBConnection, step: string, mask: RowMask): Promise<void> {
  for (const piece of mask.pieces) {
    await runStep(connection, step, sql`RESET VARIABLE ${quoteIdentifier(piece.variable)}`);
  }
}
