/**
 * Silver cleaning of movements: typed and normalised (codes, decimal commas, dates), keeping the
 * original text of the typed fields for rejection messages, and de-duplicated by movement id
 * (the first occurrence in the file wins).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString, type SqlText } from '#schema';
import { queryStep } from '../../db.ts';
import { writeAtomically } from '../../files.ts';
import type { ErpMapping } from '../../sources/erp-mapping.ts';
import { codeExpression, dateExpression, numberExpression } from './parse-expressions.ts';
import { sourceColumns } from './source-columns.ts';

const STEP = 'silver.clean';

type CleanColumns = Record<
  'movement_id' | 'movement_date' | 'item_id' | 'quantity' | 'site_id' | 'raw_date' | 'raw_quantity',
  SqlText
>;

const CLEAN_SQL = (source: string, target: string, columns: CleanColumns) => sql`
COPY (
  WITH typed AS (
    SELECT
      ${codeExpression(columns.movement_id)} AS movement_id,
      ${dateExpression(columns.movement_date)} AS movement_date,
      ${codeExpression(columns.item_id)} AS item_id,
      ${columns.quantity} AS quantity,
      ${codeExpression(columns.site_id)} AS site_id,
      ${columns.raw_date} AS raw_movement_date,
      ${columns.raw_quantity} AS raw_quantity,
      _source_file,
      _row_number,
      _batch_id
    FROM read_parquet(${sqlString(source)})
  ),
  ranked AS (
    SELECT
      *,
      row_number() OVER (PARTITION BY coalesce(movement_id, '#' || _row_number) ORDER BY _row_number) AS occurrence
    FROM typed
  )
  SELECT
    movement_id, movement_date, item_id, quantity, site_id, raw_movement_date, raw_quantity,
    _source_file, _row_number, _batch_id
  FROM ranked
  WHERE occurrence = 1
  ORDER BY _row_number
) TO ${sqlString(target)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

export interface CleanResult {
  rows: number;
}

export async function cleanMovements(
  connection: DuckDBConnection,
  bronzeFile: string,
  target: string,
  mapping: ErpMapping,
): Promise<CleanResult> {
  const col = await sourceColumns(connection, bronzeFile, mapping.movements, 'movements export');
  const m = mapping.movements;
  const columns: CleanColumns = {
    movement_id: col(m.movement_id),
    movement_date: col(m.movement_date),
    item_id: col(m.item_id),
    quantity: numberExpression(col(m.quantity), mapping.decimalSeparator),
    site_id: col(m.site_id),
    raw_date: col(m.movement_date),
    raw_quantity: col(m.quantity),
  };
  let rows = 0;
  await writeAtomically(target, async (temp) => {
    const [result] = await queryStep<{ Count: number }>(
      connection,
      STEP,
      CLEAN_SQL(bronzeFile, temp, columns),
      {
        date_format: mapping.dateFormat,
      },
    );
    rows = result?.Count ?? 0;
  });
  return { rows };
}
