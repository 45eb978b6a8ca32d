/**
 * silver/batches.json: every batch ingested into this lakehouse, with the hash of each received
 * file and its row counts. Re-ingestion of identical content is detected here, and gold is built
 * from the batches listed here.
 */
import fs from 'node:fs/promises';
import type { Lineage } from '../../../schema/index.ts';
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

export async function readLedger(layout: Layout): Promise<BatchRecord[]> {
  const file = layout.ledgerFile();
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const document = JSON.parse(text) as LedgerDocument;
  if (!Array.isArray(document.batches)) throw new Error(`${file} has no "batches" list`);
  return document.batches;
}

export async function appendToLedger(layout: Layout, record: BatchRecord): Promise<void> {
  const batches = [...(await readLedger(layout)), record];
  const document: LedgerDocument = { batches };
  await writeAtomically(layout.ledgerFile(), (temp) =>
    fs.writeFile(temp, `${JSON.stringify(document, null, 2)}\n`),
  );
}

/** The earlier batch of the same source whose received files had exactly this content, if any. */
export function findIdenticalBatch(
  batches: readonly BatchRecord[],
  source: string,
  hashes: readonly string[],
): BatchRecord | undefined {
  const wanted = [...hashes].sort().join(',');
  return batches.find(
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
