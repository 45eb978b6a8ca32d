/**
 * Every gold file registered by URL (read with HTTP Range requests) and one view per table (over
 * a glob of its files when it has several, see view-sources.ts). The requests are sent to the
 * worker together rather than one answer at a time: the worker runs them in order either way, and
 * the page no longer waits a message round trip between each.
 */
import { DuckDBDataProtocol, type AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { tablePaths, type Manifest } from '#schema/manifest.ts';
import { goldTableIds } from '#schema/tables.ts';
import { fileUrl } from './data-location.ts';
import { QueryError } from './errors.ts';
import { goldViewSql } from './gold-views.ts';
import { viewSources } from './view-sources.ts';

export async function registerGold(duck: AsyncDuckDB, manifest: Manifest, base: URL): Promise<void> {
  const tables = goldTableIds.map((id) => ({ id, paths: tablePaths(manifest.tables[id]) }));
  // URLs first, so a manifest path outside the base fails before anything is sent.
  const files = tables.flatMap(({ paths }) => paths.map((path) => ({ path, url: fileUrl(base, path) })));
  const registered = files.map(({ path }) => path);
  // The registered name is the build-scoped path, so a new build never aliases an old file.
  await Promise.all(files.map(({ path, url }) => duck.registerFileURL(path, url, DuckDBDataProtocol.HTTP, false)));
  const conn = await duck.connect();
  try {
    await Promise.all(
      tables.map(({ id, paths }) => {
        const sql = goldViewSql(id, viewSources(id, paths, registered));
        return conn.query(sql).catch((cause: unknown) => {
          throw new QueryError(sql, cause);
        });
      }),
    );
  } finally {
    await conn.close();
  }
}
