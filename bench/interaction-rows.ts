/**
 * The page-interaction measures as table rows (measure, result, goal), shared by the printed
 * report and the README table: switching item on the item page, and scrolling the explorer's
 * result. Runs from before these were measured have neither, and get no rows.
 */
import type { BrowserResults } from './bench-results.ts';
import { count, ms } from './report-format.ts';

export type InteractionRow = [measure: string, result: string, goal: string];

// Frame times sit around 16.7 ms, where the report's whole-ms rounding above 10 ms would hide the miss.
const frameMs = (value: number) => `${value.toFixed(1)} ms`;
const loads = (values: readonly number[]) => values.map((value) => value.toFixed(1)).join(' ');

/** The part of a run's browser results these rows read. */
export type InteractionResults = Pick<BrowserResults, 'itemSwitch' | 'explorerScroll'> & {
  lakehouse: Pick<BrowserResults['lakehouse'], 'factRows'>;
};

export function interactionRows(browser: InteractionResults): InteractionRow[] {
  const rows: InteractionRow[] = [];
  const at = `${count(browser.lakehouse.factRows)} rows`;
  const { itemSwitch, explorerScroll } = browser;
  if (itemSwitch) {
    const n = itemSwitch.samplesMs.length;
    const firstWorst = Math.max(...itemSwitch.firstVisitMs);
    rows.push([
      `item page, switch item → new chart painted, warm (${at}; ${itemSwitch.items.length} items × ${itemSwitch.rounds}): median / worst`,
      `${ms(itemSwitch.medianMs)} / ${ms(itemSwitch.worstMs)} (n=${n}; first visits worst ${ms(firstWorst)})`,
      '≤ 100 ms',
    ]);
    if (itemSwitch.complete) {
      rows.push([
        'item page, the same switches → chart complete with forecast band and policy lines, painted: median / worst',
        `${ms(itemSwitch.complete.medianMs)} / ${ms(itemSwitch.complete.worstMs)}`,
        '≤ 100 ms',
      ]);
    }
  }
  if (explorerScroll) {
    const main = explorerScroll.mainThreadPerFrameMs;
    rows.push([
      `explorer, ${count(explorerScroll.rows)}-row result (${at}) scrolled ${count(explorerScroll.pxPerFrame)} px/frame for ` +
        `${explorerScroll.frames} frames: longest frame / p95 / frames over 16.7 ms`,
      `${frameMs(explorerScroll.longestMs)} / ${frameMs(explorerScroll.p95Ms)} / ${explorerScroll.overBudget} ` +
        `(main thread ${frameMs(main.task)}/frame, layout ${frameMs(main.layout)}, script ${frameMs(main.script)}; ` +
        `load ${loads(explorerScroll.loadAverage)})`,
      'no dropped frames',
    ]);
  }
  return rows;
}
