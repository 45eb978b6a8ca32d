/**
 * silver/batches.json: every batch ingested into this lakehouse, with the hash of each received
 * file and its row counts. Re-ingestion of identical content is detected here, and gold is built
 * from the batches listed here.
 */
import fs from 'node:fs/promises';
import type { Lineage } from '#schema';
import { CliError, ExitCode } from '../errors.ts';
import { writeAtomically } from '../files.ts';
import type { Layout } from '../layout.ts';

export interface LedgerFile {
  role: 'movements' | 'items';
  name: string;
  sha256: string;
  bytes: number;
}

export interface BatchRecord {
  batch_id: string;
  source: string;
  /** A snapshot export holds the whole history and supersedes earlier snapshots of its source. */
  mode: 'snapshot' | 'incremental';
  ingest_date: string;
  ingested_at: string;
  files: LedgerFile[];
  /** Days the batch covers: the mock's window, or the span of a file's validated movements. */
  dates: { from: string; to: string };
  lineage: Lineage;
}

interface LedgerDocument {
  batches: BatchRecord[];
}

function isBatchRecord(value: unknown): value is BatchRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<BatchRecord>;
  return (
    typeof record.batch_id === 'string' &&
    typeof record.source === 'string' &&
    (record.mode === 'snapshot' || record.mode === 'incremental') &&
    Array.isArray(record.files) &&
    typeof record.dates?.from === 'string' &&
    typeof record.lineage === 'object'
  );
}

function isLedgerDocument(value: unknown): value is LedgerDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Partial<LedgerDocument>).batches) &&
    ((value as LedgerDocument).batches as unknown[]).every(isBatchRecord)
  );
}

export async function readLedger(layout: Layout): Promise<BatchRecord[]> {
  const file = layout.ledgerFile();
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON`, { exitCode: ExitCode.io, cause: error });
  }
  if (!isLedgerDocument(document)) {
    throw new CliError(`${file} has no "batches" list of batch records`, { exitCode: ExitCode.io });
  }
  return document.batches;
}

export async function appendToLedger(layout: Layout, record: BatchRecord): Promise<void> {
  const batches = [...(await readLedger(layout)), record];
  const document: LedgerDocument = { batches };
  await writeAtomically(layout.ledgerFile(), (temp) =>
    fs.writeFile(temp, `${JSON.stringify(document, null, 2)}\n`),
  );
}

/**
 * The active batch of the same source whose received files had exactly this content, if any. A
 * batch a later snapshot replaced does not count: sending its content again is new information.
 */
export function findIdenticalBatch(
  batches: readonly BatchRecord[],
  source: string,
  hashes: readonly string[],
): BatchRecord | undefined {
  const wanted = [...hashes].sort().join(',');
  return activeBatches(batches).find(
    (batch) =>
      batch.source === source &&
      batch.files
        .map((file) => file.sha256)
        .sort()
        .join(',') === wanted,
  );
}

/**
 * The batches gold is built from: for each source, its latest snapshot and every incremental batch
 * after it (all of them when the source never sent a snapshot), oldest first.
 */
export function activeBatches(batches: readonly BatchRecord[]): BatchRecord[] {
  const latestSnapshot = new Map<string, number>();
  batches.forEach((batch, index) => {
    if (batch.mode === 'snapshot') latestSnapshot.set(batch.source, index);
  });
  return batches.filter((batch, index) => index >= (latestSnapshot.get(batch.source) ?? 0));
}
