/**
 * Silver validation: splits cleaned movements into validated rows and rejected rows, each rejected
 * row carrying the rule code and a message. Every cleaned row lands in exactly one of the two.
 * Both outputs keep the file's line order (by _row_number), so the same input gives the same bytes.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString, sqlStringList, sql } from '#schema';
import { queryStep, runStep } from '../../db.ts';
import { writeAtomically } from '../../files.ts';
import { ruleCaseExpressions } from './rejection-rules.ts';

const STEP = 'silver.validate';

const KNOWN_ITEMS_SQL = (items: readonly string[]) => sql`
CREATE OR REPLACE TEMP TABLE known_items AS
SELECT DISTINCT item_id FROM read_parquet(${sqlStringList(items)})`;

// Each cleaned row with the first rule it breaks (NULL when it passes them all). Computed once per
// output rather than materialised: re-reading the Parquet is cheaper than holding every row.
const CHECKED = (cleaned: string) => {
  const rule = ruleCaseExpressions();
  return sql`(
  SELECT
    movement_id, movement_date, item_id, quantity, site_id, raw_movement_date, raw_quantity,
    _source_file, _row_number, _batch_id,
    ${rule.code} AS rule_code,
    ${rule.message} AS rule_message
  FROM read_parquet(${sqlString(cleaned)})
)`;
};

const VALIDATED_SQL = (cleaned: string, target: string) => sql`
COPY (
  SELECT movement_id, movement_date, item_id, quantity, site_id, _source_file, _row_number, _batch_id
  FROM ${CHECKED(cleaned)}
  WHERE rule_code IS NULL
  ORDER BY _row_number
) TO ${sqlString(target)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

const REJECTED_SQL = (cleaned: string, target: string) => sql`
COPY (
  SELECT
    movement_id, raw_movement_date, item_id, raw_quantity, site_id, rule_code, rule_message,
    _source_file, _row_number, _batch_id
  FROM ${CHECKED(cleaned)}
  WHERE rule_code IS NOT NULL
  ORDER BY _row_number
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
  await runStep(connection, STEP, KNOWN_ITEMS_SQL(paths.items));
  const params = { ingest_date: ingestDate };
  const count = async (sql: string) => {
    const [result] = await queryStep<{ Count: number }>(connection, STEP, sql, params);
    return result?.Count ?? 0;
  };
  let validatedRows = 0;
  let rejectedRows = 0;
  await writeAtomically(paths.validated, async (temp) => {
    validatedRows = await count(VALIDATED_SQL(paths.cleaned, temp));
  });
  await writeAtomically(paths.rejected, async (temp) => {
    rejectedRows = await count(REJECTED_SQL(paths.cleaned, temp));
  });
  await runStep(connection, STEP, 'DROP TABLE known_items');
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
