/**
 * Column widths for the virtualised result table, in `ch`, fixed once per result so columns do not
 * jump while rows scroll past: the longest of the header and the first rows' text, within bounds.
 */
import type { ResultSet } from '../../data/explorer/result-set.ts';

const SAMPLE_ROWS = 200;
const MIN_CH = 6;
const MAX_CH = 40;
/** Room for the cell padding and the sort of glyph that is wider than `0`. */
const PADDING_CH = 3;

export function columnWidths(result: ResultSet, text: (row: number, column: number) => string): number[] {
  const sampled = Math.min(result.rowCount, SAMPLE_ROWS);
  return result.columns.map((column, c) => {
    let longest = column.name.length;
    for (let row = 0; row < sampled; row++) longest = Math.max(longest, text(row, c).length);
    return Math.min(MAX_CH, Math.max(MIN_CH, longest)) + PADDING_CH;
  });
}

/** Width of the row-number column: as many digits as the last row number. */
export function rowNumberWidth(rowCount: number): number {
  return Math.max(3, String(rowCount).length) + PADDING_CH;
}
