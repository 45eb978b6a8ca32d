/**
 * silver/batches.json: every batch ingested into this lakehouse, with the hash of each received
 * file and its row counts. Re-ingestion of identical content is detected here, and gold is built
 * from the batches listed here.
 */
import fs from 'node:fs/promises';
import { isLedgerDocument, type BatchRecord, type LedgerDocument } from '#schema';
import { CliError, ExitCode } from '../errors.ts';
import { writeAtomically } from '../files.ts';
import type { Layout } from '../layout.ts';

// The ledger's shape is a contract with its readers (the app's data quality page): see schema/silver.ts.
export type { BatchRecord, LedgerFile } from '#schema';

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
