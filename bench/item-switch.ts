/**
 * Switching item on a warm item page, timed inside the page: from the hash change (what a link,
 * back/forward or a typeahead pick does to the URL) to the new item's chart line painted, i.e.
 * the path is in the DOM and the frame that holds it has been drawn, and on to the chart complete
 * (its section no longer busy: the forecast band and the policy lines drawn too). Each switch starts from a
 * settled page, as a planner's next click does: the previous item's queries have all answered.
 * Every item is visited once first (the engine has read its rows: "warm"), then `rounds` times
 * more in the same order.
 */
import { max, median } from 'd3-array';
import type { Page } from 'playwright-core';
import { openNodeDb } from '#support/node-db.ts';
import { allowBenchFunctions } from './in-page.ts';

export interface ItemSwitch {
  items: string[];
  rounds: number;
  /** The first visit of each item after the page was warm: its rows possibly not yet read. */
  firstVisitMs: number[];
  /** Every warm switch: hash change → the new item's chart line painted. */
  samplesMs: number[];
  /** Of the same switches, hash change → the line in the DOM (before style, layout and paint). */
  domMs: number[];
  medianMs: number;
  worstMs: number;
  /** Of the same switches, hash change → the chart complete with its forecast, painted (absent in runs before 2026-12-04). */
  complete?: { samplesMs: number[]; medianMs: number; worstMs: number };
}

const SWITCH_TIMEOUT_MS = 30_000;

export interface SpreadItem {
  item_id: string;
  item_key: number;
}

/** `count` items spread evenly over dim_item's order, so they sit in different row groups and files. */
export async function spreadItems(itemsFile: string, count: number): Promise<SpreadItem[]> {
  const db = await openNodeDb({ dim_item: itemsFile });
  try {
    const rows = await db.query<SpreadItem>('SELECT item_id, item_key FROM dim_item ORDER BY item_key');
    const step = rows.length / count;
    const picked = Array.from({ length: Math.min(count, rows.length) }, (_, i) => rows[Math.floor(i * step)]);
    return picked.flatMap((row) => (row ? [row] : []));
  } finally {
    db.close();
  }
}

interface SwitchTiming {
  domMs: number;
  paintedMs: number;
  completeMs: number;
}

/**
 * Runs in the page: sets the hash and resolves once `itemId`'s chart line has been painted and
 * then its chart section has stopped being busy (history, forecast and policy answered) and been
 * painted.
 */
function switchItem(args: { hash: string; itemId: string; timeoutMs: number }): Promise<SwitchTiming> {
  const chart = `[data-chart="item-forecast"][data-item="${CSS.escape(args.itemId)}"]`;
  return new Promise((resolve, reject) => {
    let started = 0;
    let domMs = NaN;
    let paintedMs = NaN;
    // A message posted from a frame callback is handled once that frame's style, layout and
    // paint are done: the moment what is in the DOM now is on screen.
    const afterPaint = (then: (ms: number) => void) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => then(performance.now() - started);
        channel.port2.postMessage(null);
      });
    const complete = () =>
      document.querySelector('section[aria-labelledby="item-chart-heading"]')?.getAttribute('aria-busy') ===
      'false';
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      afterPaint((completeMs) => resolve({ domMs, paintedMs, completeMs }));
    };
    const observer = new MutationObserver(() => {
      if (!Number.isNaN(domMs)) {
        // Until the line's frame is painted, that frame's callback checks for itself.
        if (!Number.isNaN(paintedMs) && complete()) finish();
        return;
      }
      const path = document.querySelector(`${chart} svg path.line`);
      if (!path || (path.getAttribute('d') ?? '') === '') return;
      domMs = performance.now() - started;
      afterPaint((ms) => {
        paintedMs = ms;
        if (complete()) finish();
      });
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the chart of ${args.itemId} did not draw in ${args.timeoutMs} ms`));
    }, args.timeoutMs);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    // Named in the page's user timing too, so a trace of the run shows where each switch began.
    started = performance.mark('item-switch', { detail: args.itemId }).startTime;
    window.location.hash = args.hash;
  });
}

const itemHash = (itemId: string) => `#${new URLSearchParams({ page: 'item', item: itemId }).toString()}`;

export async function measureItemSwitch(
  page: Page,
  items: readonly string[],
  rounds: number,
): Promise<ItemSwitch> {
  if (items.length < 2) throw new Error('switching needs at least two items');
  await allowBenchFunctions(page);
  const visit = async (itemId: string) => {
    const timing = await page.evaluate(switchItem, {
      hash: itemHash(itemId),
      itemId,
      timeoutMs: SWITCH_TIMEOUT_MS,
    });
    // The next switch starts from a settled page: the backtest table has answered too.
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, {
      timeout: SWITCH_TIMEOUT_MS,
    });
    return timing;
  };
  // Open the page at the last item, so the first visit below is already a switch.
  await visit(items.at(-1) as string);
  const firstVisitMs: number[] = [];
  for (const itemId of items) firstVisitMs.push((await visit(itemId)).paintedMs);
  const samplesMs: number[] = [];
  const domMs: number[] = [];
  const completeMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const itemId of items) {
      const timing = await visit(itemId);
      samplesMs.push(timing.paintedMs);
      domMs.push(timing.domMs);
      completeMs.push(timing.completeMs);
    }
  }
  return {
    items: [...items],
    rounds,
    firstVisitMs,
    samplesMs,
    domMs,
    medianMs: median(samplesMs) ?? NaN,
    worstMs: max(samplesMs) ?? NaN,
    complete: { samplesMs: completeMs, medianMs: median(completeMs) ?? NaN, worstMs: max(completeMs) ?? NaN },
  };
}
