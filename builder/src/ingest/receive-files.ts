/**
 * The first stage of a batch: the source's files as received (a mock export is written to scratch
 * space first), checked to exist and hashed, so re-sent content can be recognised before anything
 * is written to the lakehouse.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LedgerFile } from '../catalog/batch-ledger.ts';
import { CliError, ExitCode } from '../errors.ts';
import { fileSize, sha256File } from '../files.ts';
import type { Progress } from '../progress.ts';
import { checkLineLengths } from '../steps/bronze/check-line-lengths.ts';
import { readCsvHeader } from '../steps/bronze/csv-header.ts';
import { inputFormat } from '../steps/bronze/ingest-file.ts';
import { writeMockExport } from '../sources/mock/write-mock-export.ts';
import type { ReceivedFiles, SourceSpec } from '../sources/source-spec.ts';

/** One received file with its role in the batch and the hash that identifies its content. */
export interface ReceivedFile {
  role: LedgerFile['role'];
  file: string;
  sha256: string;
}

export interface Received {
  movements: ReceivedFile;
  items: ReceivedFile | undefined;
}

async function checkInputFile(file: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await fs.stat(file)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new CliError(`cannot read input ${file}: ${(error as Error).message}`, {
        exitCode: ExitCode.invalidInput,
        cause: error,
      });
    }
    isFile = false;
  }
  if (!isFile) throw new CliError(`input file not found: ${file}`, { exitCode: ExitCode.invalidInput });
}

async function filesOf(
  connection: DuckDBConnection,
  source: SourceSpec,
  progress: Progress,
  scratchDir: string,
): Promise<ReceivedFiles> {
  if (source.kind === 'file') {
    for (const file of [source.input, source.itemMaster]) {
      if (file === undefined) continue;
      await checkInputFile(file);
      // A CSV whose header or lines cannot be read is refused before anything is copied into bronze.
      if (inputFormat(file) === 'csv') {
        await readCsvHeader(file, path.basename(file), source.mapping.delimiter);
        await checkLineLengths(file, path.basename(file));
      }
    }
    return { movements: source.input, items: source.itemMaster };
  }
  return progress.step('source: mock ERP export', async () => {
    const exported = await writeMockExport(connection, scratchDir, source);
    return {
      movements: exported.movementsFile,
      items: exported.itemsFile,
      rows: exported.movementRows,
      detail: `${source.items} items, ${source.from} → ${source.to}`,
    };
  });
}

export async function receiveFiles(
  connection: DuckDBConnection,
  source: SourceSpec,
  progress: Progress,
  scratchDir: string,
): Promise<Received> {
  const files = await filesOf(connection, source, progress, scratchDir);
  return progress.step('source: hash received files', async () => {
    const hash = async (role: ReceivedFile['role'], file: string): Promise<ReceivedFile> => ({
      role,
      file,
      sha256: await sha256File(file),
    });
    const movements = await hash('movements', files.movements);
    const items = files.items ? await hash('items', files.items) : undefined;
    const bytes = (await fileSize(files.movements)) + (files.items ? await fileSize(files.items) : 0);
    return { movements, items, bytes };
  });
}
