/**
 * Users and queries say `FROM fact_demand_daily`, not a file URL: each gold table becomes a view
 * over its Parquet file. The column list is explicit so a file with extra or reordered columns
 * still yields exactly the schema/ contract, and a missing column fails at startup, not mid-page.
 */
import { ident } from '#schema/ident.ts';
import { sqlString } from '#schema/literal.ts';
import { goldTables, type GoldTableId } from '#schema/tables.ts';

/** `CREATE OR REPLACE VIEW` for one table; `source` is a registered file name or a local path. */
export function goldViewSql(table: GoldTableId, source: string): string {
  const columns = goldTables[table].map((column) => ident('column', column.name)).join(', ');
  return [
    `CREATE OR REPLACE VIEW ${ident('table', table)} AS`,
    `SELECT ${columns}`,
    `FROM read_parquet(${sqlString(source)})`,
  ].join('\n');
}
