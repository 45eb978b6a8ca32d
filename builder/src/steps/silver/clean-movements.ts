/**
 * Silver cleaning of movements: typed and normalised (codes, decimal commas, dates), keeping the
 * original text of the typed fields for rejection messages, and de-duplicated by movement id
 * (the first occurrence in the file wins). Written in the file's line order: bronze is read in
 * order and nothing between the read and the write reorders rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sql, sqlString, type SqlText } from '#schema';
import { queryStep } from '../../db.ts';
import { writeAtomically } from '../../files.ts';
import type { ErpMapping } from '../../sources/erp-mapping.ts';
import { codeExpression, dateExpression, numberExpression } from './parse-expressions.ts';
import { clearRowMask, inRowMask, setRowMask, type RowMask, type RowMaskName } from './row-mask.ts';
import { sourceColumns } from './source-columns.ts';

const STEP = 'silver.clean';
const DUPLICATES: RowMaskName = 'silver_duplicate_rows';

type CleanColumns = Record<
  'movement_id' | 'movement_date' | 'item_id' | 'quantity' | 'site_id' | 'raw_date' | 'raw_quantity',
  SqlText
>;

// The later copies of each movement id (the first occurrence in the file wins; rows without an id
// are all kept), from the id column alone. Held as a row mask (row-mask.ts) so the write below
// stays a plain scan in line order instead of a window and a sort over every column.
const LATER_COPIES = (source: string, movementId: SqlText) => sql`(
  SELECT _row_number
  FROM (
    SELECT ${codeExpression(movementId)} AS movement_id, _row_number
    FROM read_parquet(${sqlString(source)})
  )
  WHERE movement_id IS NOT NULL
  QUALIFY row_number() OVER (PARTITION BY movement_id ORDER BY _row_number) > 1
)`;

const LAST_ROW_SQL = (source: string) => sql`
SELECT coalesce(max(_row_number), 1) AS last_row FROM read_parquet(${sqlString(source)})`;

const CLEAN_SQL = (source: string, target: string, columns: CleanColumns, duplicates: RowMask) => sql`
COPY (
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
  WHERE NOT ${inRowMask(duplicates)}
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
  const [bounds] = await queryStep<{ last_row: number }>(connection, STEP, LAST_ROW_SQL(bronzeFile));
  const duplicates = await setRowMask(
    connection,
    STEP,
    DUPLICATES,
    LATER_COPIES(bronzeFile, columns.movement_id),
    bounds?.last_row ?? 1,
  );
  let rows = 0;
  await writeAtomically(target, async (temp) => {
    const [result] = await queryStep<{ Count: number }>(
      connection,
      STEP,
      CLEAN_SQL(bronzeFile, temp, columns, duplicates),
      {
        date_format: mapping.dateFormat,
      },
    );
    rows = result?.Count ?? 0;
  });
  await clearRowMask(connection, STEP, duplicates);
  return { rows };
}
