/**
 * Silver item master: typed and normalised (codes upper-case, categories lower-case, decimal
 * commas), one row per item id (the first occurrence in the file wins).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString, type SqlText } from '#schema';
import { queryStep } from '../../db.ts';
import { writeAtomically } from '../../files.ts';
import type { ErpMapping, ItemField } from '../../sources/erp-mapping.ts';
import { codeExpression, numberExpression } from './parse-expressions.ts';
import { sourceColumns } from './source-columns.ts';

const STEP = 'silver.items';

const CLEAN_ITEMS_SQL = (source: string, target: string, c: Record<ItemField, SqlText>) => sql`
COPY (
  WITH typed AS (
    SELECT
      ${c.item_id} AS item_id,
      trim(${c.name}) AS name,
      lower(trim(${c.category})) AS category,
      lower(trim(${c.unit})) AS unit,
      ${c.unit_cost_brl} AS unit_cost_brl,
      TRY_CAST(round(${c.lead_time_days}) AS INTEGER) AS lead_time_days,
      trim(${c.supplier}) AS supplier,
      _row_number
    FROM read_parquet(${sqlString(source)})
  )
  SELECT item_id, name, category, unit, unit_cost_brl, lead_time_days, supplier
  FROM typed
  WHERE item_id IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY item_id ORDER BY _row_number) = 1
  ORDER BY item_id
) TO ${sqlString(target)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

export async function cleanItems(
  connection: DuckDBConnection,
  bronzeFile: string,
  target: string,
  mapping: ErpMapping,
): Promise<{ rows: number }> {
  const col = await sourceColumns(connection, bronzeFile, mapping.items, 'item master');
  const m = mapping.items;
  const columns: Record<ItemField, SqlText> = {
    item_id: codeExpression(col(m.item_id)),
    name: col(m.name),
    category: col(m.category),
    unit: col(m.unit),
    unit_cost_brl: numberExpression(col(m.unit_cost_brl), mapping.decimalSeparator),
    lead_time_days: numberExpression(col(m.lead_time_days), mapping.decimalSeparator),
    supplier: col(m.supplier),
  };
  let rows = 0;
  await writeAtomically(target, async (temp) => {
    const [result] = await queryStep<{ Count: number }>(
      connection,
      STEP,
      CLEAN_ITEMS_SQL(bronzeFile, temp, columns),
    );
    rows = result?.Count ?? 0;
  });
  return { rows };
}
