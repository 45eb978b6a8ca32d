/**
 * How gold Parquet is written. The daily fact is sorted by item_key then date and split into
 * small files of whole items, in small row groups, because DuckDB-WASM reads one item's history
 * in 16 KiB pages and reads ahead 64 KiB whenever two pages follow each other: a query costs the
 * pages holding the file's footer plus those holding the item's row group. Measured in Chromium
 * (one item's cold daily history, six items across a 1M-row lakehouse, mean / worst bytes):
 * 1,048,576 rows per file in groups of 65,536 (the former layout) 137 / 345 KiB; 262,144 rows at
 * 65,536 135 / 313 KiB; 131,072 at 8,192 47 / 101 KiB; 65,536 at 8,192 42 / 90 KiB; 65,536 at
 * 4,096 35 / 45 KiB. At 10M rows (12 items, 65,536 rows per file) groups of 16,384 fetch no less:
 * 40.3 / 69.6 KiB against 40.6 / 89.2 KiB at 4,096, though the fact is 23 % smaller (12.2 against
 * 15.9 MB). More files cost the browser a registration each (views read them through one glob,
 * see web/src/lib/data/view-sources.ts).
 */
import { sql, type SqlText } from '#schema/sql.ts';

/** Rows per row group of the daily fact: three to four items' histories of 1,096 days. */
export const FACT_ROW_GROUP_SIZE = 4_096;

/**
 * Rows of the daily fact per file (whole items: items per file = this / days in the window). A
 * reader of one item opens one file, so its cost is that file's footer plus the item's row groups;
 * 16 groups keep the footer within a page or two.
 */
export const FACT_ROWS_PER_FILE = 65_536;

/** Rows per row group of the weekly and monthly facts: one file each, read by item or by period. */
export const PERIOD_FACT_ROW_GROUP_SIZE = 65_536;

export function parquetOptions(rowGroupSize?: number): SqlText {
  return rowGroupSize === undefined
    ? sql`(FORMAT PARQUET, COMPRESSION ZSTD)`
    : sql`(FORMAT PARQUET, COMPRESSION ZSTD, ROW_GROUP_SIZE ${Math.trunc(rowGroupSize)})`;
}
