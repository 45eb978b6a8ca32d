/**
 * Silver beside gold is optional: the folder layout serves it, a bucket may keep it private. These
 * probes find out what this host publishes (the batch ledger, each batch's rejected rows) and say
 * why something is missing, so the data quality page can fall back to the manifest's counts.
 */
import { LEDGER_PATH, isLedgerDocument, rejectedFilePath, type BatchRecord } from '#schema/silver.ts';
import { fileUrl } from './data-location.ts';

export type Availability<T> = { available: true; value: T } | { available: false; reason: string };

/** One batch's rejected rows, by URL. */
export interface RejectedFile {
  batchId: string;
  url: string;
}

function describeFailure(url: string, cause: unknown): string {
  return `${url}: ${cause instanceof Error ? cause.message : String(cause)}`;
}

/** The ledger's records of `batchIds` (the manifest's batches), in that order. */
export async function loadLedger(
  base: URL,
  batchIds: readonly string[],
  fetchFn: typeof fetch = fetch,
): Promise<Availability<BatchRecord[]>> {
  const url = fileUrl(base, LEDGER_PATH);
  let body: unknown;
  try {
    const response = await fetchFn(url, { cache: 'no-cache' });
    if (!response.ok) return { available: false, reason: `${url}: HTTP ${response.status}` };
    body = await response.json();
  } catch (cause) {
    return { available: false, reason: describeFailure(url, cause) };
  }
  if (!isLedgerDocument(body)) return { available: false, reason: `${url}: not a batch ledger` };
  const byId = new Map(body.batches.map((batch) => [batch.batch_id, batch]));
  const records = batchIds.map((id) => byId.get(id));
  const missing = batchIds.filter((_, index) => records[index] === undefined);
  if (missing.length > 0) {
    return { available: false, reason: `${url}: no record of batch ${missing.join(', ')}` };
  }
  return { available: true, value: records.filter((record) => record !== undefined) };
}

/** Every batch's rejected file, checked with HEAD; unavailable unless all of them are there. */
export async function findRejectedFiles(
  base: URL,
  batchIds: readonly string[],
  fetchFn: typeof fetch = fetch,
): Promise<Availability<RejectedFile[]>> {
  let files: RejectedFile[];
  try {
    files = batchIds.map((batchId) => ({ batchId, url: fileUrl(base, rejectedFilePath(batchId)) }));
  } catch (cause) {
    return { available: false, reason: describeFailure(base.href, cause) };
  }
  const problems = await Promise.all(
    files.map(async ({ url }) => {
      try {
        const response = await fetchFn(url, { method: 'HEAD', cache: 'no-cache' });
        return response.ok ? undefined : `${url}: HTTP ${response.status}`;
      } catch (cause) {
        return describeFailure(url, cause);
      }
    }),
  );
  const problem = problems.find((text) => text !== undefined);
  return problem === undefined ? { available: true, value: files } : { available: false, reason: problem };
}
