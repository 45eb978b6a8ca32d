/** The manifest entry of one staged gold file: rows, bytes, sha256 and column types from the file itself. */
import type { DuckDBConnection } from '@duckdb/node-api';
import { isColumnType, sqlString, type ManifestColumn, type ManifestTable } from '#schema';
import { queryStep } from '../db.ts';
import { StepError } from '../errors.ts';
import { fileSize, sha256File } from '../files.ts';

export async function describeGoldFile(
  connection: DuckDBConnection,
  stagedFile: string,
  publishedPath: string,
): Promise<ManifestTable> {
  const step = 'publish.describe';
  const columns = await queryStep<{ column_name: string; column_type: string }>(
    connection,
    step,
    `DESCRIBE SELECT * FROM read_parquet(${sqlString(stagedFile)})`,
  );
  const [count] = await queryStep<{ rows: number }>(
    connection,
    step,
    `SELECT count(*) AS rows FROM read_parquet(${sqlString(stagedFile)})`,
  );
  return {
    path: publishedPath,
    rows: count?.rows ?? 0,
    bytes: await fileSize(stagedFile),
    sha256: await sha256File(stagedFile),
    columns: columns.map((column): ManifestColumn => {
      if (!isColumnType(column.column_type)) {
        // Gold uses a closed set of types (schema/tables.ts) so every reader can map them.
        throw new StepError(step, `${publishedPath}: column ${column.column_name} is ${column.column_type}`);
      }
      return { name: column.column_name, type: column.column_type };
    }),
  };
}
