/**
 * Each query once, cold, in a session of its own: DuckDB-WASM keeps the file pages it has read for
 * the life of the page, so only a new page shows what one query fetches by itself. Counts the bytes
 * the static server sent for the probe copy of the fact.
 */
import type { AppSession } from './app-session.ts';
import type { ProbeFile } from './probe-file.ts';
import { timeInPage } from './page-timing.ts';
import { benchQueries, factFileSources, type QueryId, type QueryInputs } from './queries.ts';
import type { FileTraffic, ServedLog } from './served-log.ts';

export interface ColdQuery {
  ms: number;
  rows: number;
  fact: FileTraffic;
}

export async function measureColdQueries(
  openSession: () => Promise<AppSession>,
  probe: ProbeFile,
  served: ServedLog,
  inputs: QueryInputs,
): Promise<Map<QueryId, ColdQuery>> {
  const cold = new Map<QueryId, ColdQuery>();
  for (const query of benchQueries) {
    const session = await openSession();
    try {
      const mark = served.mark();
      const sql = query.sql(factFileSources(probe.url));
      const { samplesMs, rows } = await timeInPage(session.page, sql, query.params(inputs), 1);
      cold.set(query.id, { ms: samplesMs[0] ?? NaN, rows, fact: served.trafficSince(mark, probe.urlPath) });
    } finally {
      await session.close();
    }
  }
  return cold;
}
