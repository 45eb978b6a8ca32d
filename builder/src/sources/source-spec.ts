/** What a run ingests: the seeded mock ERP, or an ERP export file with its column mapping. */
import type { ErpMapping } from './erp-mapping.ts';
import type { MockOptions } from './mock/write-mock-export.ts';

export interface MockSource extends MockOptions {
  kind: 'mock';
}

export interface FileSource {
  kind: 'file';
  /** The movements export (CSV or Parquet). */
  input: string;
  /** The item master export; optional once one has been ingested. */
  itemMaster: string | undefined;
  mapping: ErpMapping;
}

export type SourceSpec = MockSource | FileSource;

/** The files a source hands to bronze, as received. */
export interface ReceivedFiles {
  movements: string;
  items: string | undefined;
}
