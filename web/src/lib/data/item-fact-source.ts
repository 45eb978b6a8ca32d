/**
 * Where one item's daily rows are. The daily fact is written as several files, each holding a
 * range of item_keys (recorded in the manifest); a query for one item reads only the file whose
 * range holds it, so DuckDB-WASM fetches one footer and that item's row groups instead of opening
 * every file of the view. The names are the ones db.ts registers (the manifest paths), or local
 * paths in Node. Files without a recorded range are all read, which is always correct.
 */
import type { ManifestTable } from '#schema/manifest.ts';
import { sqlStringList } from '#schema/literal.ts';
import { sql, type SqlText } from '#schema/sql.ts';

/** The file paths that may hold `itemKey`; never empty for a table that has files. */
export function itemFactFiles(table: ManifestTable, itemKey: number): string[] {
  const holding = table.files.filter(
    (file) => file.item_keys !== undefined && file.item_keys.min <= itemKey && itemKey <= file.item_keys.max,
  );
  const unranged = table.files.filter((file) => file.item_keys === undefined);
  const files = holding.length > 0 ? [...holding, ...unranged] : table.files;
  return files.map((file) => file.path);
}

/** FROM-clause SQL reading `itemKey`'s file of a table split by item_key (the daily fact). */
export function itemFactSource(table: ManifestTable, itemKey: number): SqlText {
  return sql`read_parquet(${sqlStringList(itemFactFiles(table, itemKey))})`;
}
