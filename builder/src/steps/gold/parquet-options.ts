/**
 * How gold Parquet is written. The fact table's row groups are sized so that one item's history
 * (one to a few thousand rows, sorted by item_key then date) falls in one or two row groups: the
 * browser reads one item with a couple of range requests instead of scanning the file.
 */
import { sql, type SqlText } from '#schema/sql.ts';

export const FACT_ROW_GROUP_SIZE = 65_536;

/**
 * Rows of the daily fact per file (whole items: items per file = this / days in the window). A
 * reader of one item opens one file, so its cost is that file's footer plus the item's row groups.
 */
export const FACT_ROWS_PER_FILE = 1_048_576;

export function parquetOptions(rowGroupSize?: number): SqlText {
  return rowGroupSize === undefined
    ? sql`(FORMAT PARQUET, COMPRESSION ZSTD)`
    : sql`(FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE ${Math.trunc(rowGroupSize)})`;
}
