/**
 * The spread of one item's cold daily history over several items as a table row (measure, result,
 * goal), shared by the printed report and the README table. Runs from before it was measured get
 * no row.
 */
import { format } from 'd3-format';
import { formatBytes } from '#builder';
import type { BrowserResults } from './bench-results.ts';

const percent = format('.2%');

export function itemsColdRows(
  browser: Pick<BrowserResults, 'itemsCold'>,
  goal: string,
): [string, string, string][] {
  const spread = browser.itemsCold;
  if (!spread) return [];
  return [
    [
      `one item's daily history, cold, on the item page: ${spread.items.length} items spread over the lakehouse, mean / worst`,
      `${formatBytes(spread.meanBytes)} / ${formatBytes(spread.worstBytes)} = ` +
        `${percent(spread.meanShare)} / ${percent(spread.worstShare)} of the daily fact`,
      goal,
    ],
  ];
}
