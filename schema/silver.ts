/**
 * The silver files a reader outside the builder may open when silver is published beside gold
 * (the folder layout; a bucket may keep silver private): the batch ledger and the rejected rows.
 * Their names and shapes are a contract like gold's, written by the builder and read by the app.
 */
import { isLineage, isRecord, type Lineage } from './manifest.ts';
import { isDemandGrain, type DemandGrain } from './tables.ts';

/** The batch ledger, relative to the folder that holds `gold/` and `silver/`. */
export const LEDGER_PATH = 'silver/batches.json';

// Batch ids are timestamps plus hex (builder/src/publish/build-id.ts); anything else in a manifest
// or ledger is refused rather than turned into a path.
const safeBatchId = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Where the rows a batch rejected are written, relative to the same folder (also a URL path). */
export function rejectedFilePath(batchId: string): string {
  if (!safeBatchId.test(batchId))
    throw new RangeError(`batch id ${JSON.stringify(batchId)} is not a safe file name`);
  return `silver/rejected/${batchId}.parquet`;
}

/** The business rules, in the order they are checked: a row is rejected by the first it breaks. */
export const rejectionRuleCodes = [
  'MISSING_ID',
  'BAD_DATE',
  'FUTURE_DATE',
  'BAD_QUANTITY',
  'NON_POSITIVE_QUANTITY',
  'UNKNOWN_ITEM',
] as const;
export type RejectionRuleCode = (typeof rejectionRuleCodes)[number];

export function isRejectionRuleCode(value: unknown): value is RejectionRuleCode {
  return typeof value === 'string' && (rejectionRuleCodes as readonly string[]).includes(value);
}

/**
 * Columns of `silver/rejected/<batch_id>.parquet`: the row as received (raw text where parsing
 * failed), the rule it broke, and where it came from (file and line).
 */
export const rejectedColumns = [
  { name: 'movement_id', type: 'VARCHAR' },
  { name: 'raw_movement_date', type: 'VARCHAR' },
  { name: 'item_id', type: 'VARCHAR' },
  { name: 'raw_quantity', type: 'VARCHAR' },
  { name: 'site_id', type: 'VARCHAR' },
  { name: 'rule_code', type: 'VARCHAR' },
  { name: 'rule_message', type: 'VARCHAR' },
  { name: '_source_file', type: 'VARCHAR' },
  { name: '_row_number', type: 'BIGINT' },
  { name: '_batch_id', type: 'VARCHAR' },
] as const satisfies readonly { name: string; type: 'VARCHAR' | 'BIGINT' }[];
export type RejectedColumnName = (typeof rejectedColumns)[number]['name'];

/** One file received in a batch, with its hash (re-ingestion of identical content is detected by it). */
export interface LedgerFile {
  role: 'movements' | 'items';
  name: string;
  sha256: string;
  bytes: number;
}

/** One ingested batch as the ledger records it, with the row counts of its way through silver. */
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
  /**
   * The period one movement row stands for: `day` for movements (and when absent, in ledgers
   * written before grains existed), `week` or `month` for an export of period totals.
   */
  grain?: DemandGrain;
  lineage: Lineage;
}

export interface LedgerDocument {
  batches: BatchRecord[];
}

export function isBatchRecord(value: unknown): value is BatchRecord {
  return (
    isRecord(value) &&
    typeof value.batch_id === 'string' &&
    typeof value.source === 'string' &&
    (value.mode === 'snapshot' || value.mode === 'incremental') &&
    typeof value.ingest_date === 'string' &&
    typeof value.ingested_at === 'string' &&
    Array.isArray(value.files) &&
    isRecord(value.dates) &&
    typeof value.dates.from === 'string' &&
    typeof value.dates.to === 'string' &&
    (value.grain === undefined || isDemandGrain(value.grain)) &&
    isLineage(value.lineage)
  );
}

export function isLedgerDocument(value: unknown): value is LedgerDocument {
  return isRecord(value) && Array.isArray(value.batches) && value.batches.every(isBatchRecord);
}
