/**
 * The bronze stage of a batch: each received file landed byte for byte under bronze/raw_data, then
 * ingested as text with lineage columns under bronze/ingested. Returns the ledger entries of the
 * landed files and the bronze Parquet files for silver.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LedgerFile } from '../catalog/batch-ledger.ts';
import type { BatchRef, Layout } from '../layout.ts';
import type { Progress } from '../progress.ts';
import type { ErpMapping } from '../sources/erp-mapping.ts';
import { ingestFile, inputFormat } from '../steps/bronze/ingest-file.ts';
import { landRawFile } from '../steps/bronze/land-raw-file.ts';
import type { Received, ReceivedFile } from './receive-files.ts';

export interface BronzeBatch {
  files: LedgerFile[];
  movements: { file: string; rows: number };
  items: string | undefined;
}

export async function loadBronze(
  connection: DuckDBConnection,
  received: Received,
  target: { layout: Layout; batch: BatchRef; ingestedAt: string; mapping: ErpMapping; moveFiles: boolean },
  progress: Progress,
): Promise<BronzeBatch> {
  const { layout, batch, mapping } = target;
  const files: LedgerFile[] = [];
  const land = async ({ role, file, sha256 }: ReceivedFile) => {
    const result = await landRawFile(layout, batch, file, { move: target.moveFiles, sha256 });
    files.push({ role, name: result.originalName, sha256, bytes: result.bytes });
    return result;
  };
  const landed = await progress.step('bronze: land raw files', async () => {
    const movements = await land(received.movements);
    const items = received.items ? await land(received.items) : undefined;
    return { movements, items, bytes: files.reduce((sum, file) => sum + file.bytes, 0) };
  });

  const ingest = (landedFile: { path: string; originalName: string }, bronzeFile: string) =>
    ingestFile(connection, {
      batchId: batch.batchId,
      ingestedAt: target.ingestedAt,
      delimiter: mapping.delimiter,
      encoding: mapping.encoding,
      file: landedFile.path,
      format: inputFormat(landedFile.path),
      sourceFile: landedFile.originalName,
      target: bronzeFile,
    });
  const landedItems = landed.items;
  let items: string | undefined;
  if (landedItems) {
    items = layout.ingestedFile(batch, 'items');
    const bronzeItems = items;
    await progress.step('bronze: ingest item master', () => ingest(landedItems, bronzeItems));
  }
  const movementsFile = layout.ingestedFile(batch, 'movements');
  const movements = await progress.step('bronze: ingest movements', async () => {
    const result = await ingest(landed.movements, movementsFile);
    return { ...result, detail: result.encoding };
  });
  return { files, movements: { file: movementsFile, rows: movements.rows }, items };
}
