/**
 * The SQL explorer scrolling a result of more than 100k rows: the query runs from a link (the
 * `sql` hash key), one untimed flick warms the table's code, then the result scrolls 900 px every
 * animation frame for 300 frames (about 9,600 rows), the way a held scrollbar or a fast flick
 * does. Frame gaps come from requestAnimationFrame inside the page; Chromium's own counters say
 * how much of each frame was the page's main-thread work.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { sql } from '#schema/sql.ts';
import {
  frameStats,
  mainThreadDuring,
  scrollEveryFrame,
  type FrameStats,
  type MainThreadMs,
} from '#support/scroll-frames.ts';
import { allowBenchFunctions } from './in-page.ts';

export interface ExplorerScroll extends FrameStats {
  sql: string;
  rows: number;
  pxPerFrame: number;
  scrolledPx: number;
  /** Renderer main-thread ms per frame by kind (CDP Performance.getMetrics). */
  mainThreadPerFrameMs: MainThreadMs;
  /** /proc/loadavg (1, 5, 15 min) when the scroll ended: frame gaps grow with other processes' load. */
  loadAverage: number[];
}

export const MIN_SCROLL_ROWS = 100_000;
const RESULT = '[data-table="explorer-result"]';
const SUMMARY = '.summary[data-run]';
const PX_PER_FRAME = 900;
const FRAMES = 300;
const WARM_FRAMES = 60;
const RUN_TIMEOUT_MS = 180_000;

/** The first items' daily rows in fact order: over 100k rows, read from the fact's first row groups. */
export function scrollSql(lastItemKey: number): string {
  if (!Number.isInteger(lastItemKey)) throw new RangeError(`item key must be an integer, got ${lastItemKey}`);
  return sql`SELECT * FROM fact_demand_daily WHERE item_key <= ${lastItemKey} ORDER BY item_key, date`;
}

async function loadAverage(): Promise<number[]> {
  const text = await readFile('/proc/loadavg', 'utf8').catch(() => '');
  return text.split(' ').slice(0, 3).map(Number);
}

/** Opens the explorer on `statement` in the page and returns the row count once the run is done. */
async function runLinked(page: Page, statement: string): Promise<number> {
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#${new URLSearchParams({ page: 'explorer', sql: statement }).toString()}`,
  );
  await page.waitForSelector(`${SUMMARY}[data-status="done"] [data-row-count]`, { timeout: RUN_TIMEOUT_MS });
  const count = await page.locator('[data-row-count]').getAttribute('data-row-count');
  return Number(count);
}

export async function measureExplorerScroll(page: Page, statement: string): Promise<ExplorerScroll> {
  const rows = await runLinked(page, statement);
  if (!(rows >= MIN_SCROLL_ROWS))
    throw new Error(`the scroll result has ${rows} rows, fewer than ${MIN_SCROLL_ROWS}`);
  await allowBenchFunctions(page);
  await page.evaluate(scrollEveryFrame, {
    selector: RESULT,
    pxPerFrame: PX_PER_FRAME,
    maxFrames: WARM_FRAMES,
  });
  await page.evaluate((selector) => {
    const viewport = document.querySelector(selector);
    if (viewport) viewport.scrollTop = 0;
  }, RESULT);
  const { result: scroll, mainThread } = await mainThreadDuring(page, () =>
    page.evaluate(scrollEveryFrame, { selector: RESULT, pxPerFrame: PX_PER_FRAME, maxFrames: FRAMES }),
  );
  const stats = frameStats(scroll.frames);
  const perFrame = (ms: number) => ms / Math.max(1, stats.frames);
  return {
    sql: statement,
    rows,
    pxPerFrame: PX_PER_FRAME,
    scrolledPx: scroll.scrolledPx,
    ...stats,
    mainThreadPerFrameMs: {
      task: perFrame(mainThread.task),
      script: perFrame(mainThread.script),
      layout: perFrame(mainThread.layout),
      style: perFrame(mainThread.style),
    },
    loadAverage: await loadAverage(),
  };
}
