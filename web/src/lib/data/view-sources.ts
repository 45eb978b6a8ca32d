/**
 * What a gold view reads in the browser: one glob over a table's registered files instead of the
 * list of them, when the glob names exactly those files. DuckDB-WASM resolves every entry of a
 * list against every registered file (measured in Chromium: a view over 400 files took 570 ms to
 * create and 500 ms to bind in each query; over one glob of 1,600 files, 140 ms and 45 ms), and a
 * table split by item_key range has hundreds of files at 100M rows.
 */

// Characters with a meaning in a DuckDB glob; a folder holding one keeps the explicit list.
const GLOB_SYNTAX = /[*?[\]{}\\]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `paths` are the table's registered names, `registered` every name registered beside them. The
 * glob is `<folder>/<table>-*.parquet` (the builder's part names, see goldFileName); it is used
 * only when the table has several files in one folder and, read as broadly as any glob dialect
 * might (`*` also crossing `/`), it matches exactly them among `registered`.
 */
export function viewSources(table: string, paths: readonly string[], registered: readonly string[]): string[] {
  const first = paths[0];
  if (paths.length < 2 || first === undefined) return [...paths];
  const folder = first.slice(0, first.lastIndexOf('/') + 1);
  if (GLOB_SYNTAX.test(folder) || GLOB_SYNTAX.test(table)) return [...paths];
  const glob = `${folder}${table}-*.parquet`;
  const broadest = new RegExp(`^${escapeRegExp(folder)}${escapeRegExp(table)}-.*\\.parquet$`);
  const own = new Set(paths);
  const matched = new Set(registered.filter((name) => broadest.test(name)));
  const exact = matched.size === own.size && [...own].every((path) => matched.has(path));
  return exact ? [glob] : [...paths];
}
