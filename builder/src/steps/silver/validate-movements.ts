/**
 * Silver validation: splits cleaned movements into validated rows and rejected rows, each rejected
 * row carrying the rule code and a message. Every cleaned row lands in exactly one of the two.
 * Both outputs keep the file's line order (by _row_number), so the same input gives the same bytes:
 * each is a plain scan of the cleaned file (in line order) with a filter, and the one rule that
 * needs another table (the item master) is answered from a row mask computed first (row-mask.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString, sqlStringList, sql } from '#schema';
import { queryStep } from '../../db.ts';
import { writeAtomically } from '../../files.ts';
import { ruleCaseExpressions } from './rejection-rules.ts';
import { clearRowMask, inRowMask, setRowMask, type RowMask, type RowMaskName } from './row-mask.ts';

const STEP = 'silver.validate';

const UNKNOWN_ITEMS: RowMaskName = 'silver_unknown_item_rows';

// Cleaned rows whose item is not in any known item master; only item_id and _row_number are read.
const UNKNOWN_ITEM_ROWS = (cleaned: string, items: readonly string[]) => sql`(
  SELECT _row_number
  FROM read_parquet(${sqlString(cleaned)})
  WHERE item_id IS NOT NULL
    AND item_id NOT IN (SELECT item_id FROM read_parquet(${sqlStringList(items)}))
)`;

const LAST_ROW_SQL = (cleaned: string) => sql`
SELECT coalesce(max(_row_number), 1) AS last_row FROM read_parquet(${sqlString(cleaned)})`;

// Each cleaned row with the first rule it breaks (NULL when it passes them all). Computed once per
// output rather than materialised: re-reading the Parquet is cheaper than holding every row.
const CHECKED = (cleaned: string, unknownItems: RowMask) => {
  const rule = ruleCaseExpressions();
  return sql`(
  SELECT
    movement_id, movement_date, item_id, quantity, site_id, raw_movement_date, raw_quantity,
    _source_file, _row_number, _batch_id,
    ${rule.code} AS rule_code,
    ${rule.message} AS rule_message
  FROM (
    SELECT *, ${inRowMask(unknownItems)} AS item_unknown
    FROM read_parquet(${sqlString(cleaned)})
  )
)`;
};

const VALIDATED_SQL = (cleaned: string, target: string, unknownItems: RowMask) => sql`
COPY (
  SELECT movement_id, movement_date, item_id, quantity, site_id, _source_file, _row_number, _batch_id
  FROM ${CHECKED(cleaned, unknownItems)}
  WHERE rule_code IS NULL
) TO ${sqlString(target)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

const REJECTED_SQL = (cleaned: string, target: string, unknownItems: RowMask) => sql`
COPY (
  SELECT
    movement_id, raw_movement_date, item_id, raw_quantity, site_id, rule_code, rule_message,
    _source_file, _row_number, _batch_id
  FROM ${CHECKED(cleaned, unknownItems)}
  WHERE rule_code IS NOT NULL
) TO ${sqlString(target)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

const VALID_DATES_SQL = (validated: string) => sql`
SELECT
  coalesce(strftime(min(movement_date), '%Y-%m-%d'), '') AS first_date,
  coalesce(strftime(max(movement_date), '%Y-%m-%d'), '') AS last_date
FROM read_parquet(${sqlString(validated)})`;

const REJECTED_BY_RULE_SQL = (rejected: string) => sql`
SELECT rule_code, count(*) AS rows
FROM read_parquet(${sqlString(rejected)})
GROUP BY rule_code
ORDER BY rule_code`;

export interface ValidateResult {
  validatedRows: number;
  rejectedRows: number;
  rejectedByRule: Record<string, number>;
  /** First and last day among validated movements ('' when none passed). */
  dates: { from: string; to: string };
}

export async function validateMovements(
  connection: DuckDBConnection,
  paths: { cleaned: string; items: readonly string[]; validated: string; rejected: string },
  ingestDate: string,
): Promise<ValidateResult> {
  const [bounds] = await queryStep<{ last_row: number }>(connection, STEP, LAST_ROW_SQL(paths.cleaned));
  const unknown = UNKNOWN_ITEM_ROWS(paths.cleaned, paths.items);
  const unknownItems = await setRowMask(connection, STEP, UNKNOWN_ITEMS, unknown, bounds?.last_row ?? 1);
  const params = { ingest_date: ingestDate };
  const count = async (sql: string) => {
    const [result] = await queryStep<{ Count: number }>(connection, STEP, sql, params);
    return result?.Count ?? 0;
  };
  let validatedRows = 0;
  let rejectedRows = 0;
  await writeAtomically(paths.validated, async (temp) => {
    validatedRows = await count(VALIDATED_SQL(paths.cleaned, temp, unknownItems));
  });
  await writeAtomically(paths.rejected, async (temp) => {
    rejectedRows = await count(REJECTED_SQL(paths.cleaned, temp, unknownItems));
  });
  await clearRowMask(connection, STEP, unknownItems);
  const byRule = await queryStep<{ rule_code: string; rows: number }>(
    connection,
    STEP,
    REJECTED_BY_RULE_SQL(paths.rejected),
  );
  const [dates] = await queryStep<{ first_date: string; last_date: string }>(
    connection,
    STEP,
    VALID_DATES_SQL(paths.validated),
  );
  return {
    validatedRows,
    rejectedRows,
    rejectedByRule: Object.fromEntries(byRule.map((row) => [row.rule_code, row.rows])),
    dates: { from: dates?.first_date ?? '', to: dates?.last_date ?? '' },
  };
}
