/**
 * Examples of rejected rows, read from the silver/rejected files: the first rows of each batch in
 * file order (the order of the export's lines), for every rule or one.
 */
import { sqlStringList } from '#schema/literal.ts';
import { isRejectionRuleCode, type RejectionRuleCode } from '#schema/silver.ts';
import { sql } from '#schema/sql.ts';
import type { Db } from '../db-port.ts';
import {
  batchId,
  itemId,
  movementId,
  rawMovementDate,
  rawQuantity,
  rowNumber,
  ruleCode,
  ruleMessage,
  siteId,
  sourceFile,
} from './silver-names.ts';

export const REJECTED_EXAMPLES_MAX = 500;

export interface RejectedExamplesInput {
  /** Only rows rejected by this rule; `undefined` for every rule. */
  rule?: RejectionRuleCode | undefined;
  limit: number;
}

/** A rejected row as received: raw text where parsing failed, so it can be traced to the export. */
export interface RejectedExampleRow {
  batch_id: string;
  source_file: string;
  row_number: number;
  rule_code: string;
  rule_message: string;
  movement_id: string | null;
  raw_movement_date: string | null;
  item_id: string | null;
  raw_quantity: string | null;
  site_id: string | null;
}

const SQL = (files: readonly string[]) => sql`
SELECT
  ${batchId} AS batch_id, ${sourceFile} AS source_file, ${rowNumber} AS row_number,
  ${ruleCode} AS rule_code, ${ruleMessage} AS rule_message,
  ${movementId} AS movement_id, ${rawMovementDate} AS raw_movement_date, ${itemId} AS item_id,
  ${rawQuantity} AS raw_quantity, ${siteId} AS site_id
FROM read_parquet(${sqlStringList(files)})
WHERE CAST(? AS VARCHAR) IS NULL OR ${ruleCode} = CAST(? AS VARCHAR)
ORDER BY ${batchId}, ${rowNumber}
LIMIT ?`;

export async function rejectedExamples(
  db: Db,
  files: readonly string[],
  input: RejectedExamplesInput,
): Promise<RejectedExampleRow[]> {
  const { limit, rule } = input;
  if (!Number.isInteger(limit) || limit < 1 || limit > REJECTED_EXAMPLES_MAX) {
    throw new RangeError(`rejected examples limit must be an integer from 1 to ${REJECTED_EXAMPLES_MAX}`);
  }
  if (rule !== undefined && !isRejectionRuleCode(rule)) throw new RangeError(`unknown rule code ${String(rule)}`);
  if (files.length === 0) return [];
  const filter = rule ?? null;
  return db.query<RejectedExampleRow>(SQL(files), [filter, filter, limit]);
}
