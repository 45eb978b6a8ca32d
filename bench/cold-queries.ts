/**
 * One statement once, cold, in a session of its own: DuckDB-WASM keeps the file pages it has read
 * for the life of the page, so only a new page shows what one query fetches by itself. The
 * statement reads a probe copy of the file (a URL the app's own load never touched), and the
 * bytes the static server sent for that path are what the query fetched.
 */
import type { ManifestTable } from '#schema/manifest.ts';
import type { AppSession } from './app-session.ts';
import type { ProbeFile } from './probe-file.ts';
import type { RecordedStatement } from './recording-db.ts';
import { timeInPage } from './page-timing.ts';
import type { FileTraffic, ServedLog } from './served-log.ts';

export interface ColdQuery {
  ms: number;
  rows: number;
  fact: FileTraffic;
}

/** The daily fact's manifest entry with one file moved to the probe's URL, for itemFactSource. */
export function withProbeFile(table: ManifestTable, filePath: string, probe: ProbeFile): ManifestTable {
  return {
    ...table,
    files: table.files.map((file) => (file.path === filePath ? { ...file, path: probe.url } : file)),
  };
}

export async function measureColdQuery(
  openSession: () => Promise<AppSession>,
  probe: ProbeFile,
  served: ServedLog,
  statement: RecordedStatement,
): Promise<ColdQuery> {
  const session = await openSession();
  try {
    const mark = served.mark();
    const { samplesMs, rows } = await timeInPage(session.page, statement.sql, statement.params, 1);
    return { ms: samplesMs[0] ?? NaN, rows, fact: served.trafficSince(mark, probe.urlPath) };
  } finally {
    await session.close();
  }
}
