/**
 * The row-group size trade-off, measured in the browser rather than assumed: smaller groups should
 * let one item's query fetch less, larger groups compress better and make a smaller footer. Each
 * size gets a fresh session: the dashboard's item daily history cold (bytes fetched, time), then
 * warm, then a full scan of the file.
 */
import type { AppSession } from './app-session.ts';
import type { WasmTiming } from './browser-queries.ts';
import { engineTiming } from './engine-timing.ts';
import { timeInPage } from './page-timing.ts';
import type { ProbeFile } from './probe-file.ts';
import type { RecordedStatement } from './recording-db.ts';
import type { FactLayout } from './rewrite-fact.ts';
import type { FileTraffic, ServedLog } from './served-log.ts';

export interface SweepPoint extends Omit<FactLayout, 'path'> {
  singleItem: { coldMs: number; fact: FileTraffic; warm: WasmTiming };
  fullScan: { coldMs: number; fact: FileTraffic; warm: WasmTiming };
}

/** What each variant runs: the item's history over the variant's file, and a scan of all of it. */
export interface SweepStatements {
  item(probe: ProbeFile): Promise<RecordedStatement>;
  scan(probe: ProbeFile): RecordedStatement;
}

export async function rowGroupSweep(
  variants: readonly { layout: FactLayout; probe: ProbeFile }[],
  openSession: () => Promise<AppSession>,
  served: ServedLog,
  statements: SweepStatements,
  runs: number,
): Promise<SweepPoint[]> {
  const points: SweepPoint[] = [];
  for (const { layout, probe } of variants) {
    const session = await openSession();
    try {
      const measure = async ({ sql, params }: RecordedStatement) => {
        const mark = served.mark();
        const cold = await timeInPage(session.page, sql, params, 1);
        const fact = served.trafficSince(mark, probe.urlPath);
        const warmMark = served.mark();
        const warm = await timeInPage(session.page, sql, params, runs);
        const fetchedPerRun = served.trafficSince(warmMark, probe.urlPath).bytes / runs;
        return {
          coldMs: cold.samplesMs[0] ?? NaN,
          fact,
          warm: { ...engineTiming(warm.samplesMs, warm.rows), fetchedPerRun },
        };
      };
      // One item first, while nothing of the file is cached; the scan then reads the rest.
      const singleItem = await measure(await statements.item(probe));
      const fullScan = await measure(statements.scan(probe));
      const { rowGroupSize, keys, rows, bytes, rowGroups, largestRowGroup } = layout;
      points.push({ rowGroupSize, keys, rows, bytes, rowGroups, largestRowGroup, singleItem, fullScan });
    } finally {
      await session.close();
    }
  }
  return points;
}
