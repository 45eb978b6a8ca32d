/**
 * What a refused batch wrote before it was refused (its raw copy, bronze and silver files), removed
 * so the lakehouse holds no trace of it: the ledger never named it, and nothing else reads these
 * paths. Leftover empty folders are harmless and kept.
 */
import fs from 'node:fs/promises';
import type { BatchRef, Layout } from '../layout.ts';

export async function discardBatch(layout: Layout, batch: BatchRef): Promise<void> {
  const paths = [
    layout.rawDir(batch),
    layout.ingestedFile(batch, 'movements'),
    layout.ingestedFile(batch, 'items'),
    ...(['cleaned', 'validated', 'rejected', 'items'] as const).map((kind) =>
      layout.silverFile(kind, batch.batchId),
    ),
  ];
  await Promise.all(paths.map((target) => fs.rm(target, { recursive: true, force: true })));
}
