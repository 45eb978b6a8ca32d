/**
 * Times a query inside the page, around `window.nova.sql` with performance.now(): the worker round
 * trip, HTTP reads and Arrow to rows, which is what a view waits for too. `nova.sql` also prints the
 * rows with console.table; with an inspector attached (Playwright is one) that serialises every row
 * over the DevTools protocol (~55 ms for one item's 1,096 rows), so printing is switched off while timing.
 */
import type { Page } from 'playwright-core';

type SqlParam = string | number | boolean | null;

/** The values nova.sql binds; anything else is a bug in the caller, caught before the page. */
function sqlParams(params: readonly unknown[]): SqlParam[] {
  return params.map((value, index) => {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as SqlParam;
    throw new TypeError(`parameter ${index + 1} is a ${typeof value}, which nova.sql does not bind`);
  });
}

export interface PageSamples {
  samplesMs: number[];
  rows: number;
}

export function timeInPage(
  page: Page,
  sql: string,
  params: readonly unknown[],
  runs: number,
): Promise<PageSamples> {
  return page.evaluate(
    async ({ sql, params, runs }) => {
      const samplesMs: number[] = [];
      let rows = 0;
      const print = console.table;
      console.table = () => undefined;
      try {
        for (let run = 0; run < runs; run++) {
          const started = performance.now();
          rows = (await window.nova.sql(sql, params)).length;
          samplesMs.push(performance.now() - started);
        }
      } finally {
        console.table = print;
      }
      return { samplesMs, rows };
    },
    { sql, params: sqlParams(params), runs },
  );
}
