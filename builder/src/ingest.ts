/**
 * One batch from a source through bronze and silver: land the received files, ingest them as text,
 * clean, validate, check row conservation and record the batch in the ledger. No SQL here.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Lineage } from '#schema';
import {
  activeBatches,
  appendToLedger,
  findIdenticalBatch,
  readLedger,
  type BatchRecord,
  type LedgerFile,
} from './catalog/batch-ledger.ts';
import { parquetRowCount } from './db.ts';
import { CliError, ExitCode } from './errors.ts';
import { fileSize, sha256File } from './files.ts';
import type { BatchRef, Layout } from './layout.ts';
import type { Progress } from './progress.ts';
import { newId } from './publish/build-id.ts';
import { defaultErpMapping, type ErpMapping } from './sources/erp-mapping.ts';
import { writeMockExport } from './sources/mock/write-mock-export.ts';
import type { ReceivedFiles, SourceSpec } from './sources/source-spec.ts';
import { ingestFile } from './steps/bronze/ingest-file.ts';
import { landRawFile } from './steps/bronze/land-raw-file.ts';
import { checkConservation } from './steps/silver/check-conservation.ts';
import { cleanItems } from './steps/silver/clean-items.ts';
import { cleanMovements } from './steps/silver/clean-movements.ts';
import { validateMovements } from './steps/silver/validate-movements.ts';

export interface IngestOptions {
  source: SourceSpec;
  layout: Layout;
  progress: Progress;
  /** Ingest even when identical content was ingested before. */
  force: boolean;
  startedAt: Date;
  /** Scratch space for this run (mock exports are written here before landing). */
  scratchDir: string;
}

interface Incoming {
  role: LedgerFile['role'];
  file: string;
  sha256: string;
}

export type IngestOutcome =
  { status: 'ingested'; batch: BatchRecord } | { status: 'skipped'; identicalTo: BatchRecord };

async function receive(connection: DuckDBConnection, options: IngestOptions): Promise<ReceivedFiles> {
  const { source, progress } = options;
  if (source.kind === 'file') {
    for (const file of [source.input, source.itemMaster]) {
      if (file !== undefined) await checkInputFile(file);
    }
    return { movements: source.input, items: source.itemMaster };
  }
  return progress.step('source: mock ERP export', async () => {
    const exported = await writeMockExport(connection, options.scratchDir, source);
    return {
      movements: exported.movementsFile,
      items: exported.itemsFile,
      rows: exported.movementRows,
      detail: `${source.items} items, ${source.from} → ${source.to}`,
    };
  });
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

function formatOf(file: string): 'csv' | 'parquet' {
  return path.extname(file).toLowerCase() === '.parquet' ? 'parquet' : 'csv';
}

export async function ingestBatch(
  connection: DuckDBConnection,
  options: IngestOptions,
): Promise<IngestOutcome> {
  const { layout, progress, source, startedAt } = options;
  const mapping: ErpMapping = source.kind === 'file' ? source.mapping : defaultErpMapping;
  const received = await receive(connection, options);
  const ledger = await readLedger(layout);
  const { movementsIn, itemsIn } = await progress.step('source: hash received files', async () => {
    const hash = async (role: Incoming['role'], file: string): Promise<Incoming> => ({
      role,
      file,
      sha256: await sha256File(file),
    });
    const movements = await hash('movements', received.movements);
    const items = received.items ? await hash('items', received.items) : undefined;
    const bytes =
      (await fileSize(received.movements)) + (received.items ? await fileSize(received.items) : 0);
    return { movementsIn: movements, itemsIn: items, bytes };
  });
  const incoming = itemsIn ? [movementsIn, itemsIn] : [movementsIn];
  const identical = findIdenticalBatch(
    ledger,
    source.kind,
    incoming.map((entry) => entry.sha256),
  );
  if (identical && !options.force) return { status: 'skipped', identicalTo: identical };

  // A snapshot replaces what its source sent before, item master included.
  const mode: BatchRecord['mode'] = source.kind === 'mock' ? 'snapshot' : 'incremental';
  const itemFiles = activeBatches(ledger)
    .filter((earlier) => !(mode === 'snapshot' && earlier.source === source.kind))
    .filter((earlier) => earlier.files.some((file) => file.role === 'items'))
    .map((earlier) => layout.silverFile('items', earlier.batch_id));
  // Checked before anything is written, so a refused batch leaves no trace in bronze.
  if (itemFiles.length === 0 && !received.items) {
    throw new CliError('no item master has been ingested yet', {
      exitCode: ExitCode.invalidInput,
      hint: 'pass the item master export with --item-master FILE',
    });
  }

  const batch: BatchRef = {
    source: source.kind,
    batchId: newId(startedAt),
    ingestDate: startedAt.toISOString().slice(0, 10),
  };
  const files: LedgerFile[] = [];
  const land = async ({ role, file, sha256 }: Incoming) => {
    const result = await landRawFile(layout, batch, file, { move: source.kind === 'mock', sha256 });
    files.push({ role, name: result.originalName, sha256, bytes: result.bytes });
    return result;
  };
  const landed = await progress.step('bronze: land raw files', async () => {
    const movements = await land(movementsIn);
    const items = itemsIn ? await land(itemsIn) : undefined;
    return { movements, items, bytes: files.reduce((sum, file) => sum + file.bytes, 0) };
  });

  const common = {
    batchId: batch.batchId,
    ingestedAt: startedAt.toISOString(),
    delimiter: mapping.delimiter,
    encoding: mapping.encoding,
  };
  const landedItems = landed.items;
  if (landedItems) {
    const bronzeItems = layout.ingestedFile(batch, 'items');
    await progress.step('bronze: ingest item master', () =>
      ingestFile(connection, {
        ...common,
        file: landedItems.path,
        format: formatOf(landedItems.path),
        sourceFile: landedItems.originalName,
        target: bronzeItems,
      }),
    );
    const silverItems = layout.silverFile('items', batch.batchId);
    await progress.step('silver: clean item master', () =>
      cleanItems(connection, bronzeItems, silverItems, mapping),
    );
    itemFiles.push(silverItems);
  }
  const bronzeMovements = layout.ingestedFile(batch, 'movements');
  const bronze = await progress.step('bronze: ingest movements', async () => {
    const result = await ingestFile(connection, {
      ...common,
      file: landed.movements.path,
      format: formatOf(landed.movements.path),
      sourceFile: landed.movements.originalName,
      target: bronzeMovements,
    });
    return { ...result, detail: result.encoding };
  });
  const cleanedFile = layout.silverFile('cleaned', batch.batchId);
  const cleaned = await progress.step('silver: clean movements', () =>
    cleanMovements(connection, bronzeMovements, cleanedFile, mapping),
  );
  const validated = await progress.step('silver: validate movements', async () => {
    const paths = {
      cleaned: cleanedFile,
      items: itemFiles,
      validated: layout.silverFile('validated', batch.batchId),
      rejected: layout.silverFile('rejected', batch.batchId),
    };
    const result = await validateMovements(connection, paths, batch.ingestDate);
    return { ...result, rows: result.validatedRows, detail: `${result.rejectedRows} rejected` };
  });
  const lineage: Lineage = {
    bronze_rows: bronze.rows,
    duplicates_dropped: bronze.rows - cleaned.rows,
    cleaned_rows: cleaned.rows,
    validated_rows: validated.validatedRows,
    rejected_rows: validated.rejectedRows,
    rejected_by_rule: validated.rejectedByRule,
  };
  checkConservation(lineage, {
    bronze: await parquetRowCount(connection, [bronzeMovements]),
    cleaned: await parquetRowCount(connection, [cleanedFile]),
    validated: await parquetRowCount(connection, [layout.silverFile('validated', batch.batchId)]),
    rejected: await parquetRowCount(connection, [layout.silverFile('rejected', batch.batchId)]),
  });
  const record: BatchRecord = {
    batch_id: batch.batchId,
    source: source.kind,
    mode,
    ingest_date: batch.ingestDate,
    ingested_at: startedAt.toISOString(),
    files,
    dates: source.kind === 'mock' ? { from: source.from, to: source.to } : validated.dates,
    lineage,
  };
  await appendToLedger(layout, record);
  return { status: 'ingested', batch: record };
}
