/**
 * The README's performance table, rendered from results files (the full run, and the scale run when
 * there is one), so the numbers in the README are always a run's, dated, with its machine and load.
 */
import { median } from 'd3-array';
import { format } from 'd3-format';
import { formatBytes } from '#builder';
import type { BenchResults, BrowserResults } from './bench-results.ts';
import { interactionRows } from './interaction-rows.ts';
import { itemsColdRows } from './items-cold-row.ts';
import { buildGoal, count, itemColdGoal, markdownTable, ms, times } from './report-format.ts';

export const README_START = '<!-- bench:performance:start -->';
export const README_END = '<!-- bench:performance:end -->';

const percent = format('.2%');
const loads = (values: readonly number[]) => values.map((value) => value.toFixed(1)).join(' / ');

type Row = [measure: string, result: string, goal: string];

function runLine(results: BenchResults): string {
  const { machine, versions } = results;
  return (
    `\`npm run bench${results.mode === 'full' ? '' : ` -- --${results.mode}`}\` on ${results.date.slice(0, 16).replace('T', ' ')} UTC, ` +
    `${machine.cores} cores, ${formatBytes(machine.memoryBytes)}, load average ${loads(machine.loadAverageAtStart)} ` +
    `at start and ${loads(machine.loadAverageAtEnd)} at the end (1 / 5 / 15 min), ${count(results.seconds)} s; ` +
    `Node ${versions.node}, DuckDB ${versions.duckdbNative}, DuckDB-WASM ${versions.duckdbWasm}, ${versions.chromium}.`
  );
}

function buildRows(results: BenchResults): Row[] {
  return results.builder.lakehouses.map((build) => [
    `builder, mock → gold, ${count(build.factRows)} fact rows (${count(build.items)} items × 3 y)`,
    `${build.seconds.toFixed(1)} s, peak RSS ${formatBytes(build.peakRssBytes)}; gold ${count(build.goldFiles)} files, ` +
      `${formatBytes(build.goldBytes)}`,
    buildGoal(build.factRows),
  ]);
}

function browserRows(browser: BrowserResults, scale: boolean): Row[] {
  const { coldLoads, itemCold, warm, queries, lakehouse } = browser;
  const medianOf = (pick: (load: (typeof coldLoads)[number]) => number) => median(coldLoads, pick) ?? NaN;
  const at = `${count(lakehouse.factRows)} rows`;
  const rows: Row[] = [
    [`cold page (${at}), first KPI from the manifest`, ms(medianOf((l) => l.manifestMs)), '≤ 400 ms'],
    [`cold page (${at}), DuckDB-WASM ready`, ms(medianOf((l) => l.readyMs)), '≤ 1.5 s'],
    [`cold page (${at}), first KPI confirmed by DuckDB-WASM`, ms(medianOf((l) => l.duckdbMs)), '≤ 1.5 s'],
    [
      `one item's daily history, cold (${at}, daily fact in ${lakehouse.factFiles} files)`,
      `${ms(itemCold.ms)}, ${formatBytes(itemCold.fact.bytes)} in ${itemCold.fact.gets} GETs = ` +
        `${percent(itemCold.shareOfFact)} of the daily fact`,
      itemColdGoal(scale),
    ],
    ...itemsColdRows(browser, itemColdGoal(scale)),
  ];
  rows.push(...interactionRows(browser));
  if (scale) return rows;
  for (const query of queries) {
    rows.push([
      `warm (${query.id}) ${query.page}: ${query.label}`,
      `${ms(query.wasm.medianMs)} / ${ms(query.native.medianMs)} = ${times(query.wasmToNative)}`,
      `< ${warm.thresholdMs} ms`,
    ]);
  }
  rows.push(
    ['warm, median wasm / native ratio', times(warm.medianRatio), '≤ 3×'],
    [`warm dashboard queries under ${warm.thresholdMs} ms (${at})`, `${warm.under} of ${warm.total}`, 'all'],
  );
  return rows;
}

function table(rows: readonly Row[]): string {
  return markdownTable(['measure', 'result (warm: wasm / native)', 'goal'], rows);
}

/** The text between the README markers: one table per run given. */
export function readmeTable(full: BenchResults, scale?: BenchResults): string {
  const parts = [runLine(full), '', table([...buildRows(full), ...browserRows(full.browser, false)])];
  if (scale) {
    parts.push('', runLine(scale), '', table([...buildRows(scale), ...browserRows(scale.browser, true)]));
  }
  return parts.join('\n');
}

/** `readme` with the text between the markers replaced; throws when the markers are missing. */
export function replaceBetweenMarkers(readme: string, body: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`the README has no ${README_START} … ${README_END} section`);
  return `${readme.slice(0, start + README_START.length)}\n${body}\n${readme.slice(end)}`;
}
