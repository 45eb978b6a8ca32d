/**
 * Rejected rows per batch and rule, counted in the silver/rejected files themselves (the manifest
 * holds the counts the builder recorded; this is what the published files really contain).
 */
import { sqlStringList } from '#schema/literal.ts';
import { sql } from '#schema/sql.ts';
import type { Db } from '../db-port.ts';
import { batchId, ruleCode } from './silver-names.ts';

export interface RejectedCountRow {
  batch_id: string;
  rule_code: string;
  rows: number;
}

const SQL = (files: readonly string[]) => sql`
SELECT ${batchId} AS batch_id, ${ruleCode} AS rule_code, count(*) AS rows
FROM read_parquet(${sqlStringList(files)})
GROUP BY ${batchId}, ${ruleCode}
ORDER BY ${batchId}, ${ruleCode}`;

/** `files`: the rejected files' URLs (browser) or paths (tests); none gives no rows. */
export async function rejectedCounts(db: Db, files: readonly string[]): Promise<RejectedCountRow[]> {
  if (files.length === 0) return [];
  return db.query<RejectedCountRow>(SQL(files));
}
