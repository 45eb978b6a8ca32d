/**
 * Bronze ingestion: every column of a landed CSV kept as text, plus lineage columns
 * (_source_file, _row_number, _batch_id, _ingested_at), written as Parquet.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from '../../../../schema/index.ts';
import { queryStep } from '../../db.ts';
import { writeAtomically } from '../../files.ts';

export interface IngestCsvInput {
  csvFile: string;
  /** What lineage records as the source file: its name as received. */
  sourceFile: string;
  delimiter: string;
  batchId: string;
  ingestedAt: string;
  target: string;
}

const STEP = 'bronze.ingest';

// All columns as VARCHAR so nothing the ERP sent is lost or coerced before silver looks at it.
// The CSV is read single-threaded so row_number() follows the file's line order.
const INGEST_SQL = (target: string) => `
COPY (
  SELECT
    *,
    $source_file AS _source_file,
    row_number() OVER () AS _row_number,
    $batch_id AS _batch_id,
    CAST($ingested_at AS TIMESTAMP) AS _ingested_at
  FROM read_csv($csv_file, all_varchar = true, header = true, delim = $delimiter, parallel = false)
) TO ${sqlString(target)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

export async function ingestCsv(
  connection: DuckDBConnection,
  input: IngestCsvInput,
): Promise<{ rows: number }> {
  let rows = 0;
  await writeAtomically(input.target, async (temp) => {
    const [result] = await queryStep<{ Count: number }>(connection, STEP, INGEST_SQL(temp), {
      source_file: input.sourceFile,
      batch_id: input.batchId,
      ingested_at: input.ingestedAt,
      csv_file: input.csvFile,
      delimiter: input.delimiter,
    });
    rows = result?.Count ?? 0;
  });
  return { rows };
}
