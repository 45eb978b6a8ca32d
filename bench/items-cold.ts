/**
 * One item's daily history cold, for several items spread over the lakehouse, as the item page
 * fetches it: each item in a fresh session, the overview loaded first, then the item page at the
 * daily grain, counting what the static server sent from the daily fact's files until the item's
 * line is drawn. The probe measure (cold-queries.ts) shows one item's reads in detail; this shows
 * the spread, since what an item costs depends on where it sits in its file.
 */
import { max, mean } from 'd3-array';
import type { ManifestTable } from '#schema/manifest.ts';
import { itemFactFiles } from '#web-data';
import type { AppSession } from './app-session.ts';
import type { SpreadItem } from './item-switch.ts';
import type { ServedLog } from './served-log.ts';

export interface ItemsCold {
  /** The items measured: those whose file the session's own page load had not read already. */
  items: string[];
  /** Bytes fetched from the daily fact per item, in the order of `items`. */
  bytes: number[];
  meanBytes: number;
  worstBytes: number;
  /** Of the whole daily fact (every file). */
  meanShare: number;
  worstShare: number;
}

const LINE_TIMEOUT_MS = 60_000;

export async function measureItemsCold(
  openSession: () => Promise<AppSession>,
  served: ServedLog,
  dailyFact: ManifestTable,
  items: readonly SpreadItem[],
): Promise<ItemsCold> {
  const factPaths = new Set(dailyFact.files.map((file) => `/${file.path}`));
  const factBytes = dailyFact.files.reduce((sum, file) => sum + file.bytes, 0);
  const measured: string[] = [];
  const bytes: number[] = [];
  for (const item of items) {
    const [file] = itemFactFiles(dailyFact, item.item_key);
    if (file === undefined) throw new Error(`no daily fact file holds ${item.item_id}`);
    const beforeLoad = served.mark();
    const session = await openSession();
    try {
      // The page load reads a file's footer to create the views; an item in that file would be
      // counted without it, so it is left out.
      if (served.trafficSince(beforeLoad, `/${file}`).bytes > 0) continue;
      const beforeItem = served.mark();
      await session.page.evaluate((id) => {
        window.location.hash = `#${new URLSearchParams({ page: 'item', item: id, itemGrain: 'day' }).toString()}`;
      }, item.item_id);
      const line = `[data-chart="item-forecast"][data-item=${JSON.stringify(item.item_id)}][data-grain="day"] svg path.line`;
      await session.page.waitForSelector(line, { timeout: LINE_TIMEOUT_MS });
      measured.push(item.item_id);
      bytes.push(served.trafficSince(beforeItem, (urlPath) => factPaths.has(urlPath)).bytes);
    } finally {
      await session.close();
    }
  }
  const meanBytes = mean(bytes) ?? NaN;
  const worstBytes = max(bytes) ?? NaN;
  return {
    items: measured,
    bytes,
    meanBytes,
    worstBytes,
    meanShare: meanBytes / factBytes,
    worstShare: worstBytes / factBytes,
  };
}
