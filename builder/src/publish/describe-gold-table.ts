/**
 * The manifest entry of a staged gold table: rows, bytes, sha256 and column types read from its files
 * themselves, never from what the step that wrote them reported.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  isColumnType,
  sqlString,
  sqlStringList,
  type ManifestColumn,
  type ManifestFile,
  type ManifestTable,
  sql,
} from '#schema';
import { queryStep } from '../db.ts';
import { StepError } from '../errors.ts';
import { fileSize, sha256File } from '../files.ts';

/** One file of a table as staged, and the path the manifest will give it once published. */
export interface StagedFile {
  staged: string;
  published: string;
  item_keys?: ManifestFile['item_keys'];
}

const STEP = 'publish.describe';

async function describeFile(connection: DuckDBConnection, file: StagedFile): Promise<ManifestFile> {
  const [count] = await queryStep<{ rows: number }>(
    connection,
    STEP,
    sql`SELECT count(*) AS rows FROM read_parquet(${sqlString(file.staged)})`,
  );
  const described: ManifestFile = {
    path: file.published,
    rows: count?.rows ?? 0,
    bytes: await fileSize(file.staged),
    sha256: await sha256File(file.staged),
  };
  return file.item_keys ? { ...described, item_keys: file.item_keys } : described;
}

export async function describeGoldTable(
  connection: DuckDBConnection,
  files: readonly StagedFile[],
): Promise<ManifestTable> {
  const first = files[0];
  if (!first) throw new StepError(STEP, 'a gold table needs at least one file');
  const described: ManifestFile[] = [];
  for (const file of files) described.push(await describeFile(connection, file));
  // Reading the files as one also proves they share one schema.
  const columns = await queryStep<{ column_name: string; column_type: string }>(
    connection,
    STEP,
    sql`DESCRIBE SELECT * FROM read_parquet(${sqlStringList(files.map((file) => file.staged))})`,
  );
  return {
    files: described,
    rows: described.reduce((sum, file) => sum + file.rows, 0),
    bytes: described.reduce((sum, file) => sum + file.bytes, 0),
    columns: columns.map((column): ManifestColumn => {
      if (!isColumnType(column.column_type)) {
        // Gold uses a closed set of types (schema/tables.ts) so every reader can map them.
        throw new StepError(
          STEP,
          `${first.published}: column ${column.column_name} is ${column.column_type}`,
        );
      }
      return { name: column.column_name, type: column.column_type };
    }),
  };
}
