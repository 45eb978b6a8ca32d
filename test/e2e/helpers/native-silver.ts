/**
 * What the data quality page must show, computed independently of the app: the test's own SQL on
 * the lakehouse's bronze and silver Parquet, run by native DuckDB.
 */
import { join } from 'node:path';
import { sqlString } from '#schema/literal.ts';
import { openNodeDb } from '#support/node-db.ts';

export interface NativeBatchCounts {
  bronze: number;
  cleaned: number;
  validated: number;
  rejected: number;
  byRule: Record<string, number>;
}

const count = (glob: string) => `SELECT count(*) AS n FROM read_parquet(${sqlString(glob)})`;

export async function nativeBatchCounts(dataDir: string, batchId: string): Promise<NativeBatchCounts> {
  const db = await openNodeDb({});
  try {
    const one = async (glob: string) => (await db.query<{ n: number }>(count(glob)))[0]?.n ?? NaN;
    const rejected = join(dataDir, 'silver/rejected', `${batchId}.parquet`);
    const rules = await db.query<{ rule_code: string; n: number }>(
      `SELECT rule_code, count(*) AS n FROM read_parquet(${sqlString(rejected)}) GROUP BY rule_code`,
    );
    return {
      // Movements only: the item master lands beside them as <batch>.items.parquet.
      bronze: await one(join(dataDir, 'bronze/ingested/*/*', `${batchId}.parquet`)),
      cleaned: await one(join(dataDir, 'silver/cleaned', `${batchId}.parquet`)),
      validated: await one(join(dataDir, 'silver/validated', `${batchId}.parquet`)),
      rejected: await one(rejected),
      byRule: Object.fromEntries(rules.map((row) => [row.rule_code, row.n])),
    };
  } finally {
    db.close();
  }
}

/** The first rows of one rule across the given batches, in batch then line order: the page's examples. */
export async function nativeRejectedExamples(
  dataDir: string,
  batchIds: readonly string[],
  rule: string,
  limit: number,
): Promise<{ batch_id: string; row_number: number; item_id: string | null; raw_quantity: string | null }[]> {
  const db = await openNodeDb({});
  const files = batchIds.map((id) => sqlString(join(dataDir, 'silver/rejected', `${id}.parquet`))).join(', ');
  try {
    return await db.query(
      `SELECT _batch_id AS batch_id, _row_number AS row_number, item_id, raw_quantity
       FROM read_parquet([${files}]) WHERE rule_code = ? ORDER BY _batch_id, _row_number LIMIT ?`,
      [rule, limit],
    );
  } finally {
    db.close();
  }
}
