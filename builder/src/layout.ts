/**
 * Where each layer lives under an output root (the same layout in data/ and in a bucket).
 * Every path the builder writes is made here and checked to stay under the root.
 */
import path from 'node:path';
import { goldFileName, LEDGER_PATH, MANIFEST_PATH, type GoldTableId } from '#schema';

export interface BatchRef {
  source: string;
  batchId: string;
  /** yyyy-mm-dd of ingestion, partitions bronze. */
  ingestDate: string;
}

export class Layout {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Absolute path under the root; throws when a relative path would escape it. */
  resolve(...relative: string[]): string {
    const absolute = path.resolve(this.root, ...relative);
    if (absolute !== this.root && !absolute.startsWith(this.root + path.sep)) {
      throw new Error(`path ${absolute} is outside the output root ${this.root}`);
    }
    return absolute;
  }

  rawDir(batch: BatchRef): string {
    return this.resolve('bronze', 'raw_data', batch.source, batch.ingestDate, batch.batchId);
  }

  ingestedFile(batch: BatchRef, entity: 'movements' | 'items'): string {
    const suffix = entity === 'movements' ? '' : `.${entity}`;
    return this.resolve(
      'bronze',
      'ingested',
      batch.source,
      `ingest_date=${batch.ingestDate}`,
      `${batch.batchId}${suffix}.parquet`,
    );
  }

  silverFile(kind: 'cleaned' | 'validated' | 'rejected' | 'items', batchId: string): string {
    return this.resolve('silver', kind, `${batchId}.parquet`);
  }

  ledgerFile(): string {
    return this.resolve(...LEDGER_PATH.split('/'));
  }

  goldDir(): string {
    return this.resolve('gold');
  }

  buildDir(buildId: string): string {
    return this.resolve('gold', buildId);
  }

  goldFile(buildId: string, table: GoldTableId): string {
    return this.resolve('gold', buildId, goldFileName(table));
  }

  /** Path of a gold file as the manifest records it: relative to the root, with forward slashes. */
  goldRelativePath(buildId: string, table: GoldTableId, part?: number): string {
    return ['gold', buildId, goldFileName(table, part)].join('/');
  }

  manifestFile(): string {
    return this.resolve(...MANIFEST_PATH.split('/'));
  }
}
