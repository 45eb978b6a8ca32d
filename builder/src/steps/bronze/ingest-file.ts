/**
 * Bronze ingestion: every column of a landed file (CSV or Parquet) kept as text, plus lineage
 * columns (_source_file, _row_number, _batch_id, _ingested_at), written as Parquet.
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlJoin, sqlString, sql, type SqlText } from '#schema';
import { queryStep, type Params } from '../../db.ts';
import { CliError, ExitCode, StepError } from '../../errors.ts';
import { writeAtomically } from '../../files.ts';
import type { Encoding } from '../../sources/erp-mapping.ts';
import { readCsvHeader, type CsvHeader } from './csv-header.ts';
import { csvProblem, firstNonUtf8Line } from './csv-problem.ts';

export interface IngestInput {
  file: string;
  format: 'csv' | 'parquet';
  /** What lineage records as the source file: its name as received. */
  sourceFile: string;
  /** CSV only; undefined detects the separator from the header line (csv-header.ts). */
  delimiter?: string | undefined;
  encoding?: Encoding;
  batchId: string;
  ingestedAt: string;
  target: string;
}

export interface IngestResult {
  rows: number;
  encoding: Exclude<Encoding, 'auto'> | 'parquet';
}

const STEP = 'bronze.ingest';

/** Parquet by its extension; anything else is read as CSV. */
export function inputFormat(file: string): IngestInput['format'] {
  return path.extname(file).toLowerCase() === '.parquet' ? 'parquet' : 'csv';
}

/**
 * The received rows as text, each with its 1-based position in the file (`_row_number`). Parquet
 * reports the position itself (file_row_number). CSV has no such column: with insertion order
 * preserved (DuckDB's default) row_number() OVER () follows the line order even when the file is
 * read in parallel, which test/builder/steps/bronze checks on a file large enough to be split.
 * CSV is read with the dialect and columns taken from its header (auto_detect off), so DuckDB
 * never skips lines it takes for a preamble and a row with the wrong number of fields is an error.
 */
function reader(input: IngestInput, header: CsvHeader | undefined): SqlText {
  if (input.format === 'parquet' || header === undefined) {
    return sql`(
    SELECT COLUMNS(name -> name <> 'file_row_number')::VARCHAR, file_row_number + 1 AS _row_number
    FROM read_parquet($file, file_row_number = true)
  )`;
  }
  const columns = sqlJoin(
    header.columns.map((name) => sql`${sqlString(name)}: 'VARCHAR'`),
    ', ',
  );
  return sql`(
    SELECT *, row_number() OVER () AS _row_number
    FROM read_csv(
      $file, auto_detect = false, header = true, columns = {${columns}},
      delim = $delimiter, quote = '"', escape = '"', encoding = $encoding
    )
  )`;
}

// All columns as VARCHAR so nothing the ERP sent is lost or coerced before silver looks at it.
const INGEST_SQL = (from: SqlText, target: string) => sql`
COPY (
  SELECT
    * EXCLUDE (_row_number),
    $source_file AS _source_file,
    _row_number,
    $batch_id AS _batch_id,
    CAST($ingested_at AS TIMESTAMP) AS _ingested_at
  FROM ${from}
) TO ${sqlString(target)} (FORMAT PARQUET, COMPRESSION ZSTD)`;

async function ingestWith(
  connection: DuckDBConnection,
  input: IngestInput,
  header: CsvHeader | undefined,
  encoding: 'utf-8' | 'latin-1',
) {
  const params: Params = {
    source_file: input.sourceFile,
    batch_id: input.batchId,
    ingested_at: input.ingestedAt,
    file: input.file,
  };
  if (header) {
    params.encoding = encoding;
    params.delimiter = header.delimiter;
  }
  let rows = 0;
  await writeAtomically(input.target, async (temp) => {
    const [result] = await queryStep<{ Count: number }>(
      connection,
      STEP,
      INGEST_SQL(reader(input, header), temp),
      params,
    );
    rows = result?.Count ?? 0;
    // Checked before the rename, so an empty export leaves nothing behind in bronze.
    if (rows === 0)
      throw new CliError(`${input.sourceFile} has no data rows`, { exitCode: ExitCode.invalidInput });
  });
  return rows;
}

function isNotUtf8(error: unknown): boolean {
  const cause = error instanceof CliError ? error.cause : error;
  return cause instanceof StepError && /not utf-8 encoded|Invalid unicode/i.test(cause.message);
}

function unreadable(input: IngestInput, error: unknown): CliError {
  const message = error instanceof Error ? error.message : String(error);
  const reason =
    input.format === 'csv'
      ? csvProblem(message, input.file, input.sourceFile)
      : (message.replaceAll(input.file, input.sourceFile).split('\n')[0] ?? '');
  return new CliError(`cannot read ${input.sourceFile} as ${input.format.toUpperCase()}: ${reason}`, {
    exitCode: ExitCode.invalidInput,
    cause: error,
  });
}

/** A UTF-8 header over a body that is not: reading it all as Latin-1 would garble the header. */
async function mixedEncoding(input: IngestInput): Promise<CliError> {
  const line = await firstNonUtf8Line(input.file);
  return new CliError(
    `cannot read ${input.sourceFile} as CSV: line ${line ?? '?'} is not valid UTF-8 but the header is, so the file mixes encodings`,
    {
      exitCode: ExitCode.invalidInput,
      hint: 'save the export in one encoding (UTF-8 or Latin-1) throughout',
    },
  );
}

export async function ingestFile(connection: DuckDBConnection, input: IngestInput): Promise<IngestResult> {
  const header =
    input.format === 'csv' ? await readCsvHeader(input.file, input.sourceFile, input.delimiter) : undefined;
  let encoding: 'utf-8' | 'latin-1' =
    input.encoding === 'latin-1' || (input.encoding === 'auto' && header?.latin1) ? 'latin-1' : 'utf-8';
  const attempt = () =>
    ingestWith(connection, input, header, encoding).catch((error: unknown) => {
      throw error instanceof CliError ? error : unreadable(input, error);
    });
  let rows: number;
  try {
    rows = await attempt();
  } catch (error) {
    const retryAsLatin1 =
      header !== undefined && input.encoding === 'auto' && encoding === 'utf-8' && isNotUtf8(error);
    if (!retryAsLatin1) throw error;
    if (header.utf8NonAscii) throw await mixedEncoding(input);
    encoding = 'latin-1';
    rows = await attempt();
  }
  return { rows, encoding: input.format === 'parquet' ? 'parquet' : encoding };
}
