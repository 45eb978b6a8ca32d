/**
 * One batch from a source through bronze and silver, in four stages: receive and hash the files,
 * load bronze, build silver, record the batch in the ledger. No SQL here.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  activeBatches,
  appendToLedger,
  findIdenticalBatch,
  readLedger,
  type BatchRecord,
} from './catalog/batch-ledger.ts';
import { CliError, ExitCode } from './errors.ts';
import { buildSilver } from './ingest/build-silver.ts';
import { discardBatch } from './ingest/discard-batch.ts';
import { loadBronze } from './ingest/load-bronze.ts';
import { receiveFiles } from './ingest/receive-files.ts';
import type { BatchRef, Layout } from './layout.ts';
import type { Progress } from './progress.ts';
import { newId } from './publish/build-id.ts';
import { defaultErpMapping } from './sources/erp-mapping.ts';
import type { SourceSpec } from './sources/source-spec.ts';

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

export type IngestOutcome =
  { status: 'ingested'; batch: BatchRecord } | { status: 'skipped'; identicalTo: BatchRecord };

/** The silver item masters a new batch is validated against, from the batches it does not supersede. */
function earlierItemFiles(
  layout: Layout,
  ledger: readonly BatchRecord[],
  source: SourceSpec,
  mode: BatchRecord['mode'],
) {
  return activeBatches(ledger)
    .filter((earlier) => !(mode === 'snapshot' && earlier.source === source.kind))
    .filter((earlier) => earlier.files.some((file) => file.role === 'items'))
    .map((earlier) => layout.silverFile('items', earlier.batch_id));
}

export async function ingestBatch(
  connection: DuckDBConnection,
  options: IngestOptions,
): Promise<IngestOutcome> {
  const { layout, progress, source, startedAt } = options;
  const mapping = source.kind === 'file' ? source.mapping : defaultErpMapping;
  const received = await receiveFiles(connection, source, progress, options.scratchDir);
  const ledger = await readLedger(layout);
  const incoming = received.items ? [received.movements, received.items] : [received.movements];
  const identical = findIdenticalBatch(
    ledger,
    source.kind,
    incoming.map((entry) => entry.sha256),
  );
  if (identical && !options.force) return { status: 'skipped', identicalTo: identical };

  // A snapshot replaces what its source sent before, item master included.
  const mode: BatchRecord['mode'] = source.kind === 'mock' ? 'snapshot' : 'incremental';
  const itemFiles = earlierItemFiles(layout, ledger, source, mode);
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
  const ingestedAt = startedAt.toISOString();
  let bronze: Awaited<ReturnType<typeof loadBronze>>;
  let silver: Awaited<ReturnType<typeof buildSilver>>;
  try {
    bronze = await loadBronze(
      connection,
      received,
      { layout, batch, ingestedAt, mapping, moveFiles: source.kind === 'mock' },
      progress,
    );
    silver = await buildSilver(
      connection,
      bronze,
      { layout, batch, mapping, earlierItemFiles: itemFiles },
      progress,
    );
  } catch (error) {
    await discardBatch(layout, batch);
    throw error;
  }
  const record: BatchRecord = {
    batch_id: batch.batchId,
    source: source.kind,
    mode,
    ingest_date: batch.ingestDate,
    ingested_at: ingestedAt,
    files: bronze.files,
    dates: source.kind === 'mock' ? { from: source.from, to: source.to } : silver.dates,
    grain: source.kind === 'mock' ? 'day' : source.mapping.grain,
    lineage: silver.lineage,
  };
  await appendToLedger(layout, record);
  return { status: 'ingested', batch: record };
}
