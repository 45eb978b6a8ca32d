/**
 * Users and queries say `FROM fact_demand_daily`, not a file URL: each gold table becomes a view
 * over its Parquet files. The column list is explicit so a file with extra or reordered columns
 * still yields exactly the schema/ contract, and a missing column fails at startup, not mid-page.
 */
import { ident } from '#schema/ident.ts';
import { sqlStringList } from '#schema/literal.ts';
import { sql, sqlJoin, type SqlText } from '#schema/sql.ts';
import { goldTables, type GoldTableId } from '#schema/tables.ts';

/** `CREATE OR REPLACE VIEW` for one table; `sources` are registered file names or local paths. */
export function goldViewSql(table: GoldTableId, sources: readonly string[]): SqlText {
  const columns = sqlJoin(
    goldTables[table].map((column) => ident('column', column.name)),
    ', ',
  );
  return sql`CREATE OR REPLACE VIEW ${ident('table', table)} AS
SELECT ${columns}
FROM read_parquet(${sqlStringList(sources)})`;
}
